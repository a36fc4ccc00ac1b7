package io.boxoffice.query.reservation;

import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.reservation.ReservationView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ReservationQueryController {

    private final ReservationViews reservations;

    public ReservationQueryController(ReservationViews reservations) {
        this.reservations = reservations;
    }

    /** The owner, an ADMIN or an AUDITOR sees the reservation; anyone else gets the same 404 as for no id at all. */
    @GetMapping("/api/reservations/{reservationId}")
    public ReservationView get(@PathVariable String reservationId, HttpServletRequest request) {
        return reservations.visibleTo(reservationId, request.getRemoteUser(),
                        request.isUserInRole("ADMIN") || request.isUserInRole("AUDITOR"))
                .orElseThrow(() -> Problem.of(HttpStatus.NOT_FOUND.value(), "reservation-not-found",
                        "Reservation not found", "no reservation " + reservationId).refused());
    }
}
