package io.boxoffice.command.reservation;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.reservation.ReservationStatus;
import io.boxoffice.api.reservation.ReservationView;
import jakarta.validation.Valid;
import io.boxoffice.api.catalog.Section;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
    private final BestAvailable bestAvailable;

    public ReservationController(ReservationService reservations, BestAvailable bestAvailable) {
        this.reservations = reservations;
        this.bestAvailable = bestAvailable;
    }

    /** Either the seats picked on the map, or what best available should find ({@code bestAvailable}). */
    public record ReservationRequest(List<@NotNull @Size(min = 1, max = 100) String> seatIds,
                                     @Valid BestAvailableRequest bestAvailable) {
    }

    /** "N seats together in these categories, at most this price each" (categories empty or absent: any). */
    public record BestAvailableRequest(@NotNull @Min(1) Integer quantity,
                                       @Size(max = 100)
                                       List<@NotNull @Pattern(regexp = Section.NAME_PART) String> categories,
                                       @Valid Money maxPrice, Boolean accessible) {
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
        if ((request.seatIds() == null) == (request.bestAvailable() == null)) {
            throw Problem.invalid("A reservation names its seats or asks for the best available, not both", Map.of(
                    "seatIds", "the seats picked, or bestAvailable: {\"quantity\": N}")).refused();
        }
        if (request.bestAvailable() != null) {
            return created(bestAvailable(eventId, request.bestAvailable(), user, idempotencyKey, admissionToken));
        }
        List<String> seatIds = request.seatIds();
        if (seatIds.isEmpty()) {
            throw Problem.invalid("A reservation holds at least one seat", Map.of("seatIds", "must not be empty")).refused();
        }
        if (new HashSet<>(seatIds).size() != seatIds.size()) {
            throw Problem.invalid("A seat can be requested once", Map.of("seatIds", "must not repeat a seat")).refused();
        }
        checkCount(seatIds.size(), "seatIds");
        return created(reservations.reserve(eventId, seatIds, user.getName(), idempotencyKey, admissionToken));
    }

    private ReservationView bestAvailable(String eventId, BestAvailableRequest wanted, Principal user,
                                          String idempotencyKey, String admissionToken) {
        checkCount(wanted.quantity(), "bestAvailable.quantity");
        return bestAvailable.reserve(eventId, new BestAvailable.Wanted(wanted.quantity(), wanted.categories(),
                        wanted.maxPrice(), Boolean.TRUE.equals(wanted.accessible())), user.getName(), idempotencyKey,
                admissionToken);
    }

    private void checkCount(int seats, String field) {
        if (seats > reservations.maxSeatsPerReservation()) {
            throw Problem.invalid("Too many seats in one reservation", Map.of(field,
                    "at most " + reservations.maxSeatsPerReservation() + " seats per reservation")).refused();
        }
    }

    private static ResponseEntity<ReservationResponse> created(ReservationView view) {
        return ResponseEntity.created(URI.create("/api/reservations/" + view.reservationId()))
                .body(ReservationResponse.of(view));
    }

    @DeleteMapping("/api/reservations/{reservationId}")
    public ResponseEntity<Void> cancel(@PathVariable String reservationId, Principal user) {
        reservations.cancel(reservationId, user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }
}
