package io.boxoffice.query.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.query.QueryDataSourceConfiguration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a big seat map refreshes: the venue layout never changes and is fetched once
 * ({@code GET /api/venues/{venueId}}, cacheable for a year); availability is one small payload per event listing
 * only the seats that are not available, with an ETag and one second of caching so a CDN absorbs the refreshes.
 */
@RestController
public class AvailabilityController {

    private final JdbcTemplate jdbc;
    private final CatalogReadModel catalog;
    private final ObjectMapper json;

    public AvailabilityController(QueryDataSourceConfiguration.QueryJdbc queryJdbc, CatalogReadModel catalog,
                                  ObjectMapper json) {
        this.jdbc = queryJdbc.jdbc();
        this.catalog = catalog;
        this.json = json;
    }

    /** Seat ids held (with a live hold), sold and withheld (house); every other seat of the venue is available. */
    public record Availability(String eventId, List<String> held, List<String> sold, List<String> house) {
    }

    @GetMapping("/api/events/{eventId}/availability")
    public ResponseEntity<byte[]> availability(@PathVariable String eventId, WebRequest request)
            throws JsonProcessingException {
        if (!catalog.hasEvent(eventId)) {
            throw Problem.of(HttpStatus.NOT_FOUND.value(), "event-not-found", "Event not found", "no event " + eventId).refused();
        }
        CatalogReadModel.TakenSeats taken = catalog.takenSeats(eventId);
        return cached(json.writeValueAsBytes(new Availability(eventId, taken.held(), taken.sold(), taken.house())), request,
                CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic());
    }

    @GetMapping("/api/venues/{venueId}")
    public ResponseEntity<byte[]> venue(@PathVariable String venueId,
                                        WebRequest request)
            throws JsonProcessingException {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT venue_id, name, city, seat_count, layout::text AS layout FROM venue_view WHERE venue_id = ?",
                venueId);
        if (rows.isEmpty()) {
            throw Problem.of(HttpStatus.NOT_FOUND.value(), "venue-not-found", "Venue not found", "no venue " + venueId).refused();
        }
        Map<String, Object> venue = rows.get(0);
        String body = "{\"venueId\":" + json.writeValueAsString(venue.get("venue_id"))
                + ",\"name\":" + json.writeValueAsString(venue.get("name"))
                + ",\"city\":" + json.writeValueAsString(venue.get("city"))
                + ",\"seatCount\":" + venue.get("seat_count")
                + ",\"sections\":" + venue.get("layout") + "}";
        return cached(body.getBytes(StandardCharsets.UTF_8), request,
                CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
    }

    /**
     * The body with an ETag of its content; 304 when the client already has it. Weak: the same JSON goes out gzipped
     * or not (server.compression, the edge), so a byte-for-byte promise would not hold, and Tomcat compresses nothing
     * that carries a strong one.
     */
    private static ResponseEntity<byte[]> cached(byte[] body, WebRequest request, CacheControl cacheControl) {
        String etag = "W/\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
