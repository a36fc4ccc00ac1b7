package io.boxoffice.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The result of replaying one event's history: seats by status now, and every violation found. */
public record VerificationReport(String eventId, Instant verifiedAt, boolean clean, int seats,
                                 Map<String, Integer> seatsByStatus, int eventsReplayed, List<Violation> violations) {

    static VerificationReport of(String eventId, Instant verifiedAt, int seats, Map<String, Integer> seatsByStatus,
                                 int eventsReplayed, List<Violation> violations) {
        return new VerificationReport(eventId, verifiedAt, violations.isEmpty(), seats, seatsByStatus, eventsReplayed,
                violations);
    }
}
