package io.boxoffice.app.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code boxoffice.tickets.*}
 *
 * @param signingSecret HMAC key (at least 32 bytes) of ticket codes, the same on every node
 */
@ConfigurationProperties("boxoffice.tickets")
public record TicketProperties(String signingSecret) {
}
