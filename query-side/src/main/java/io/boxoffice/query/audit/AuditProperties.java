package io.boxoffice.query.audit;

import io.boxoffice.api.reservation.Holds;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * What the auditors hold the event store to: {@code boxoffice.hold-duration}, the window the command side grants
 * (no hold may last longer, I3).
 *
 * @param holdDuration how long a hold lasts
 */
@Validated
@ConfigurationProperties("boxoffice")
public record AuditProperties(@NotNull @DefaultValue(Holds.DEFAULT_DURATION) Duration holdDuration) {
}
