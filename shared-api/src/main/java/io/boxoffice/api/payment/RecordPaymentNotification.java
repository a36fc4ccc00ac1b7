package io.boxoffice.api.payment;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.shard.RoutedByReservation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A verified webhook of the payment gateway, for the reservation it names. Answered with a
 * {@link PaymentEventOutcome} once its effect is committed.
 */
public record RecordPaymentNotification(@TargetAggregateIdentifier String reservationId, String gatewayEventId,
                                 PaymentEventType type, String paymentId, Money amount) implements RoutedByReservation {
}
