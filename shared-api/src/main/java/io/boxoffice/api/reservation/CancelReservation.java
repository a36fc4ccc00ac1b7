package io.boxoffice.api.reservation;

import io.boxoffice.api.shard.RoutedByReservation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A fan cancels their own reservation; {@code userId} must be its owner. */
public record CancelReservation(@TargetAggregateIdentifier String reservationId, String userId)
        implements RoutedByReservation {
}
