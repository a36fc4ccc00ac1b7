package io.boxoffice.command.reservation;

import io.boxoffice.api.reservation.Holds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code boxoffice.hold-duration} and {@code boxoffice.max-seats-per-reservation}: the spec's names, at the top.
 *
 * @param holdDuration           how long a hold lasts
 * @param maxSeatsPerReservation seats in one reservation (an event's maxTicketsPerFan bounds all of a fan's)
 */
@Validated
@ConfigurationProperties("boxoffice")
public record ReservationProperties(@NotNull @DefaultValue(Holds.DEFAULT_DURATION) Duration holdDuration,
                                    @Min(1) @Max(100) @DefaultValue("8") int maxSeatsPerReservation) {
}
