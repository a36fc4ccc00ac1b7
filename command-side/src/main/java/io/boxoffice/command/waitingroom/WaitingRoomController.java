package io.boxoffice.command.waitingroom;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.problem.RequestRefused;
import io.boxoffice.command.catalog.EventSeating;
import io.boxoffice.command.catalog.SeatingCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A fan's side of an event's waiting room: {@code POST /api/events/{eventId}/waiting-room} joins (again: same place),
 * {@code GET} tells where they stand, with the admission token once they are let in, {@code DELETE} leaves the
 * flow without holding seats. {@code GET .../waiting-room/line} is where the line is, the same for everyone and
 * cacheable: queued fans follow it and compare it with their place, so the many who wait cost no lookups.
 */
@RestController
public class WaitingRoomController {

    private static final Logger log = LoggerFactory.getLogger(WaitingRoomController.class);
    private static final Duration LINE_FRESHNESS = Duration.ofSeconds(1);

    private final Admissions admissions;
    private final SeatingCatalog catalog;

    public WaitingRoomController(Admissions admissions, SeatingCatalog catalog) {
        this.admissions = admissions;
        this.catalog = catalog;
    }

    /** The fan's standing; fields that do not apply to the state are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusResponse(Admissions.State state, Long place, Long position, Long queueLength,
                                 Long estimatedWaitSeconds, String admissionToken, Instant admittedUntil,
                                 Instant salesOpenAt, Boolean allSeatsHeld) {

        static StatusResponse of(Admissions.Status status) {
            return new StatusResponse(status.state(), status.place(), status.ahead() == null ? null
                    : status.ahead() + 1, status.queueLength(), status.estimatedWaitSeconds(),
                    status.admissionToken(), status.admittedUntil(), status.salesOpenAt(),
                    status.allSeatsHeld() ? Boolean.TRUE : null);
        }
    }

    /** Where the line is: a second old at most here, so caches may keep it for a second. */
    @GetMapping("/api/events/{eventId}/waiting-room/line")
    public ResponseEntity<Admissions.Line> line(@PathVariable String eventId, WebRequest request) {
        Admissions.Line line = admissions.line(waitingRoomEvent(eventId));
        String etag = "W/\"" + Integer.toHexString(line.hashCode()) + '"';
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.maxAge(LINE_FRESHNESS).cachePublic())
                .body(line);
    }

    @PostMapping("/api/events/{eventId}/waiting-room")
    public StatusResponse join(@PathVariable String eventId, Principal user) {
        EventSeating event = waitingRoomEvent(eventId);
        return StatusResponse.of(redis(() -> admissions.join(event, user.getName())));
    }

    @GetMapping("/api/events/{eventId}/waiting-room")
    public StatusResponse look(@PathVariable String eventId, Principal user) {
        EventSeating event = waitingRoomEvent(eventId);
        return StatusResponse.of(redis(() -> admissions.look(event, user.getName())));
    }

    /** The admitted fan is done without holding seats: the next fan in line gets their place in the flow. */
    @DeleteMapping("/api/events/{eventId}/waiting-room")
    public ResponseEntity<Void> leave(@PathVariable String eventId, Principal user) {
        EventSeating event = waitingRoomEvent(eventId);
        redis(() -> {
            admissions.leave(event, user.getName());
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private EventSeating waitingRoomEvent(String eventId) {
        EventSeating event = catalog.seating(eventId).orElseThrow(() -> Problem.of(HttpStatus.NOT_FOUND.value(),
                "event-not-found", "Event not found", "no event " + eventId).refused());
        if (event.waitingRoom() == null) {
            throw Problem.of(HttpStatus.NOT_FOUND.value(), "no-waiting-room", "No waiting room",
                    "event " + eventId + " has no waiting room: reserve directly").refused();
        }
        return event;
    }

    /** The queue lives in Redis: while it is away, fans are asked to try again shortly. */
    private static <T> T redis(Supplier<T> call) {
        try {
            return call.get();
        } catch (RequestRefused e) {
            throw e;
        } catch (RuntimeException redisAway) {
            log.warn("waiting room unavailable: {}", redisAway.toString());
            throw Problem.of(HttpStatus.SERVICE_UNAVAILABLE.value(), "waiting-room-unavailable",
                    "Waiting room unavailable", "the waiting room cannot be reached; try again in a few seconds")
                    .retryAfter(Duration.ofSeconds(5)).refused();
        }
    }
}
