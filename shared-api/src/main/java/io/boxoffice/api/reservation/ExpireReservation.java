package io.boxoffice.api.reservation;

import io.boxoffice.api.shard.RoutedByReservation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The hold's deadline was reached: an unpaid reservation ends and its seats are released. */
public record ExpireReservation(@TargetAggregateIdentifier String reservationId) implements RoutedByReservation {
}
