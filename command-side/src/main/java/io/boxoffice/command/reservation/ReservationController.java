package io.boxoffice.command.reservation;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.reservation.ReservationStatus;
import io.boxoffice.api.reservation.ReservationView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

@RestController
public class ReservationController {

    private final ReservationService reservations;

    public ReservationController(ReservationService reservations) {
        this.reservations = reservations;
    }

    public record ReservationRequest(@NotNull List<@NotNull @Size(min = 1, max = 100) String> seatIds) {
    }

    public record ReservationResponse(String reservationId, String eventId, List<String> seatIds,
                                      ReservationStatus status, Instant expiresAt, Money amount) {

        static ReservationResponse of(ReservationView view) {
            return new ReservationResponse(view.reservationId(), view.eventId(), view.seatIds(), view.status(),
                    view.expiresAt(), view.amount());
        }
    }

    @PostMapping("/api/events/{eventId}/reservations")
    public ResponseEntity<ReservationResponse> reserve(
            @PathVariable String eventId, @Valid @RequestBody ReservationRequest request, Principal user,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) String idempotencyKey,
            @RequestHeader(name = "Admission-Token", required = false) String admissionToken) {
        List<String> seatIds = request.seatIds();
        if (seatIds.isEmpty()) {
            throw Problem.invalid("A reservation holds at least one seat", Map.of("seatIds", "must not be empty")).refused();
        }
        if (new HashSet<>(seatIds).size() != seatIds.size()) {
            throw Problem.invalid("A seat can be requested once", Map.of("seatIds", "must not repeat a seat")).refused();
        }
        if (seatIds.size() > reservations.maxSeatsPerReservation()) {
            throw Problem.invalid("Too many seats in one reservation", Map.of("seatIds",
                    "at most " + reservations.maxSeatsPerReservation() + " seats per reservation")).refused();
        }
        ReservationView view = reservations.reserve(eventId, seatIds, user.getName(), idempotencyKey, admissionToken);
        return ResponseEntity.created(URI.create("/api/reservations/" + view.reservationId()))
                .body(ReservationResponse.of(view));
    }

    @DeleteMapping("/api/reservations/{reservationId}")
    public ResponseEntity<Void> cancel(@PathVariable String reservationId, Principal user) {
        reservations.cancel(reservationId, user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }
}
