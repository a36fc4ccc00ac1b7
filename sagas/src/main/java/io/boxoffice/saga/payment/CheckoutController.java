package io.boxoffice.saga.payment;

import io.boxoffice.api.payment.StartCheckout;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.reservation.FindPlacedReservation;
import io.boxoffice.api.reservation.PlacedReservation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /api/reservations/{id}/checkout}: opens a payment at the gateway for exactly the reservation's
 * amount and records it on the reservation, which accepts it only while the hold is live.
 */
@RestController
public class CheckoutController {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final PaymentGateway gateway;
    private final Clock clock;

    public CheckoutController(QueryGateway queries, CommandGateway commands, PaymentGateway gateway, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.gateway = gateway;
        this.clock = clock;
    }

    public record CheckoutResponse(String paymentId, String checkoutUrl) {
    }

    @PostMapping("/api/reservations/{reservationId}/checkout")
    @ResponseStatus(HttpStatus.CREATED)
    public CheckoutResponse checkout(@PathVariable String reservationId, Principal user) {
        Optional<PlacedReservation> found = queries.query(new FindPlacedReservation(reservationId),
                ResponseTypes.optionalInstanceOf(PlacedReservation.class)).join();
        PlacedReservation reservation = found.filter(placed -> placed.userId().equals(user.getName()))
                .orElseThrow(() -> Problem.of(HttpStatus.NOT_FOUND.value(), "reservation-not-found", "Reservation not found",
                        "no reservation " + reservationId).refused());
        if (!clock.instant().isBefore(reservation.heldUntil())) {
            throw Problem.of(HttpStatus.CONFLICT.value(), "reservation-not-payable", "Reservation cannot be paid",
                    "the hold of reservation " + reservationId + " has ended").refused();
        }
        // a reservation cancelled or paid meanwhile: the Reservation refuses the checkout, and the payment is voided
        PaymentGateway.GatewayPayment payment = gateway.createPayment(reservationId, reservation.amount(),
                reservation.heldUntil());
        try {
            commands.sendAndWait(new StartCheckout(reservationId, user.getName(), payment.paymentId(),
                    reservation.amount()));
        } catch (RuntimeException refused) {
            gateway.voidPayment(payment.paymentId()); // the hold ended meanwhile: this payment must not take money
            throw refused;
        }
        return new CheckoutResponse(payment.paymentId(), payment.checkoutUrl());
    }
}
