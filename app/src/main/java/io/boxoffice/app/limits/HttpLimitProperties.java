package io.boxoffice.app.limits;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code boxoffice.http.*}: request bodies, read without holding a thread; larger ones get 413.
 *
 * @param maxBody        any request's body
 * @param maxVenueBody   a venue's (its whole seating layout)
 * @param maxWebhookBody a payment gateway's webhook
 * @param bodyTimeout    a body that takes longer to arrive: 408
 */
@Validated
@ConfigurationProperties("boxoffice.http")
public record HttpLimitProperties(@NotNull @DefaultValue("16KB") DataSize maxBody,
                                  @NotNull @DefaultValue("16MB") DataSize maxVenueBody,
                                  @NotNull @DefaultValue("64KB") DataSize maxWebhookBody,
                                  @NotNull @DefaultValue("PT10S") Duration bodyTimeout) {
}
