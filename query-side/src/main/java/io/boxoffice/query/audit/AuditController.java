package io.boxoffice.query.audit;

import io.boxoffice.api.catalog.VenueCreated;
import io.boxoffice.api.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Auditors (AUDITOR or ADMIN, see the security configuration) read the event store itself. */
@RestController
public class AuditController {

    private final EventAudit audit;

    public AuditController(EventAudit audit) {
        this.audit = audit;
    }

    public record SeatHistory(String eventId, String seatId, List<AuditedEvent> events) {
    }

    @GetMapping("/api/audit/events/{eventId}/seats/{seatId}/history")
    public SeatHistory history(@PathVariable String eventId, @PathVariable String seatId) {
        VenueCreated venue = venue(eventId);
        if (!venue.hasSeat(seatId)) {
            throw Problem.of(HttpStatus.NOT_FOUND.value(), "seat-not-found", "Seat not found",
                    "the venue of event " + eventId + " has no seat " + seatId).refused();
        }
        return new SeatHistory(eventId, seatId, audit.history(eventId, seatId));
    }

    @PostMapping("/api/audit/events/{eventId}/verify")
    public VerificationReport verify(@PathVariable String eventId) {
        return audit.verify(eventId, venue(eventId));
    }

    private VenueCreated venue(String eventId) {
        return audit.venueOf(eventId).orElseThrow(() -> Problem.of(HttpStatus.NOT_FOUND.value(), "event-not-found",
                "Event not found", "no event " + eventId).refused());
    }
}
