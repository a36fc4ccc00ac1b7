package io.boxoffice.command.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code boxoffice.tickets.*}
 *
 * @param signingSecret HMAC key (at least 32 bytes) of ticket codes, the same on every node
 */
@Validated
@ConfigurationProperties("boxoffice.tickets")
public record TicketProperties(@NotBlank @Size(min = 32) String signingSecret) {
}
