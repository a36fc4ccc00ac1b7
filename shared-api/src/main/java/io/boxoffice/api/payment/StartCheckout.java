package io.boxoffice.api.payment;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.shard.RoutedByReservation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The fan {@code userId} opened payment {@code paymentId} at the gateway for the reservation's amount. */
public record StartCheckout(@TargetAggregateIdentifier String reservationId, String userId, String paymentId,
                            Money amount) implements RoutedByReservation {
}
