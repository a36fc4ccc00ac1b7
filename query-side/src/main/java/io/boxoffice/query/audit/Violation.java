package io.boxoffice.query.audit;

import java.util.List;

/** A breach of one of the invariants I1–I4, with the events that show it. */
public record Violation(String invariant, String seatId, String reservationId, String description,
                        List<AuditedEvent> evidence) {
}
