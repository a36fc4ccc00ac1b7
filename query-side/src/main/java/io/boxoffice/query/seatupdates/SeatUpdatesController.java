package io.boxoffice.query.seatupdates;

import io.boxoffice.api.problem.Problem;
import io.boxoffice.query.catalog.CatalogReadModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events/{eventId}/seat-updates}: Server-Sent Events of seat status changes, in batches of a few
 * a second. Each message's id is an event-store position; reconnect with {@code Last-Event-ID} to resume.
 */
@RestController
public class SeatUpdatesController {

    private final SeatUpdateHub hub;
    private final CatalogReadModel catalog;

    public SeatUpdatesController(SeatUpdateHub hub, CatalogReadModel catalog) {
        this.hub = hub;
        this.catalog = catalog;
    }

    @GetMapping(path = "/api/events/{eventId}/seat-updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter seatUpdates(@PathVariable String eventId,
                                  @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        if (!catalog.hasEvent(eventId)) {
            throw Problem.of(HttpStatus.NOT_FOUND.value(), "event-not-found", "Event not found", "no event " + eventId).refused();
        }
        Long resumeAfter = null;
        if (lastEventId != null) {
            try {
                resumeAfter = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException notOurs) {
                resumeAfter = -1L; // not an id we gave: the client is told to refetch
            }
        }
        return hub.subscribe(eventId, resumeAfter);
    }
}
