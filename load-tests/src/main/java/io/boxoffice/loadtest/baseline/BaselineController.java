package io.boxoffice.loadtest.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.api.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * The naive baseline's HTTP API, shaped like Boxoffice's so that one load test drives both
 * ({@link NaiveBaselineAutoConfiguration}: never in production).
 */
@RestController
public class BaselineController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NaiveReservations reservations;
    private final String webhookSecret;

    public BaselineController(NaiveReservations reservations, String webhookSecret) {
        this.reservations = reservations;
        this.webhookSecret = webhookSecret;
    }

    public record SeatsRequest(@NotEmpty List<String> seatIds) {
    }

    /** ADMIN: seat rows for a Boxoffice event's seats, to race for them the naive way. */
    @PostMapping("/api/admin/baseline/events/{eventId}")
    public Map<String, Integer> create(@PathVariable String eventId) {
        return Map.of("seats", reservations.createSeats(eventId));
    }

    @PostMapping("/api/baseline/events/{eventId}/reservations")
    public ResponseEntity<Map<String, Object>> reserve(@PathVariable String eventId,
                                                       @Valid @RequestBody SeatsRequest request, Principal user,
                                                       @RequestHeader(name = "Idempotency-Key", required = false)
                                                       String idempotencyKey) {
        NaiveReservations.Outcome outcome = reservations.reserve(eventId, user.getName(), request.seatIds(),
                idempotencyKey);
        if (outcome instanceof NaiveReservations.Outcome.Held held) {
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reservationId", held.reservationId(),
                    "expiresAt", held.heldUntil().toString()));
        }
        throw Problem.of(HttpStatus.CONFLICT.value(), "seats-unavailable", "Seats unavailable", "some seats are taken")
                .with("unavailableSeatIds", ((NaiveReservations.Outcome.Taken) outcome).seatIds()).refused();
    }

    @GetMapping("/api/baseline/events/{eventId}/availability")
    public Map<String, List<String>> availability(@PathVariable String eventId) {
        return reservations.availability(eventId);
    }

    @PostMapping("/api/baseline/reservations/{reservationId}/checkout")
    public ResponseEntity<Map<String, String>> checkout(@PathVariable String reservationId, Principal user) {
        return reservations.checkout(reservationId, user.getName())
                .map(paymentId -> ResponseEntity.ok(Map.of("paymentId", paymentId)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).build());
    }

    public record PaymentSucceeded(@NotEmpty String paymentId) {
    }

    /** The gateway's signed notice (the load test plays the gateway); outside /api, as it carries no fan's token. */
    @PostMapping("/baseline/payments/webhook")
    public ResponseEntity<Void> paid(@RequestBody String body,
                                     @RequestHeader(name = BaselineWebhookSignature.HEADER, required = false)
                                     String signature) throws IOException {
        if (!BaselineWebhookSignature.verifies(webhookSecret, body, signature)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        PaymentSucceeded notice = JSON.readValue(body, PaymentSucceeded.class);
        return reservations.paid(notice.paymentId()) ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.CONFLICT).build();
    }

    @DeleteMapping("/api/baseline/reservations/{reservationId}")
    public ResponseEntity<Void> cancel(@PathVariable String reservationId, Principal user) {
        return reservations.cancel(reservationId, user.getName()) ? ResponseEntity.accepted().build()
                : ResponseEntity.status(HttpStatus.CONFLICT).build();
    }

    /** ADMIN: the baseline's books for an event: seats by status and violations (there must be none). */
    @GetMapping("/api/admin/baseline/events/{eventId}/verify")
    public Map<String, Object> verify(@PathVariable String eventId) {
        return reservations.verify(eventId);
    }
}
