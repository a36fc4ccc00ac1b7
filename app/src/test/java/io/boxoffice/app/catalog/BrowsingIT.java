package io.boxoffice.app.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Gateway;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Browsing without a token: a venue's layout, cached for good, and an event's availability, cached for a second. */
class BrowsingIT extends ApplicationTest {

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return Api.JSON.readTree(response.body());
    }

    @Test
    void availabilityListsHeldAndSoldSeatsWithinSecondsAndRevalidatesByEtag() throws Exception {
        String admin = api.token("admin");
        String venueId = api.createVenue(admin, Api.venue("Club", 3, 4));
        String eventId = api.createEvent(admin, venueId, "");
        String holder = api.token("holding-fan");
        String buyer = api.token("buying-fan");
        String canceller = api.token("cancelling-fan");
        Instant reserved = Instant.now();
        api.reserve(holder, eventId, List.of("A-1-1", "A-1-2"));
        String bought = api.reserve(buyer, eventId, List.of("A-2-1")).text("reservationId");
        String cancelled = api.reserve(canceller, eventId, List.of("A-3-1")).text("reservationId");
        api.delete("/api/reservations/" + cancelled, canceller);
        Gateway gateway = new Gateway(api, context);
        gateway.click(gateway.checkout(buyer, bought), "succeed");
        String path = "/api/events/" + eventId + "/availability";

        await().atMost(Duration.ofSeconds(10)).until(() -> json(api.raw(path)).path("sold").size() == 1);
        System.out.printf("Availability showed the sale %d ms after the first hold%n",
                Duration.between(reserved, Instant.now()).toMillis());
        HttpResponse<String> availability = api.raw(path);

        assertThat(availability.statusCode()).isEqualTo(200);
        assertThat(json(availability).path("held").toString()).isEqualTo("[\"A-1-1\",\"A-1-2\"]");
        assertThat(json(availability).path("sold").toString()).isEqualTo("[\"A-2-1\"]");
        assertThat(availability.headers().firstValue("Cache-Control")).hasValue("max-age=1, public");
        String etag = availability.headers().firstValue("ETag").orElseThrow();
        assertThat(api.raw(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(api.raw(path, "If-None-Match", "\"stale\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aVenueLayoutIsServedOnceAndForAll() throws Exception {
        String venueId = api.createVenue(api.token("admin"), Api.venue("Hall", 2, 3));
        String path = "/api/venues/" + venueId;

        await().atMost(Duration.ofSeconds(10)).until(() -> api.raw(path).statusCode() == 200);
        HttpResponse<String> venue = api.raw(path);

        assertThat(json(venue).path("seatCount").asInt()).isEqualTo(6);
        assertThat(json(venue).at("/sections/0/rows/1/seats/2/number").asText()).isEqualTo("3");
        assertThat(json(venue).at("/sections/0/rows/1/seats/2/y").asDouble()).isEqualTo(4.0);
        assertThat(venue.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(api.raw(path, "If-None-Match", venue.headers().firstValue("ETag").orElseThrow()).statusCode())
                .isEqualTo(304);
        assertThat(venue.headers().firstValue("Content-Encoding")).as("asked for no compression").isEmpty();
    }

    @Test
    void aLargeVenueLayoutGoesOutGzippedToClientsThatAcceptIt() {
        String venueId = api.createVenue(api.token("admin"), Api.venue("Big hall", 40, 50));
        String path = "/api/venues/" + venueId;
        await().atMost(Duration.ofSeconds(10)).until(() -> api.raw(path).statusCode() == 200);
        int plain = api.raw(path).body().length();

        HttpResponse<byte[]> gzipped = api.rawBytes(path, "Accept-Encoding", "gzip");

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length).as("gzipped bytes of %d", plain).isLessThan(plain / 4);
        String etag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(api.raw(path, "If-None-Match", etag, "Accept-Encoding", "gzip").statusCode()).isEqualTo(304);
    }

    @Test
    void unknownEventsAndVenuesAre404() {
        assertThat(api.get("/api/events/no-such-event/availability", null).status()).isEqualTo(404);
        assertThat(api.get("/api/venues/no-such-venue", null).text("type")).isEqualTo("/problems/venue-not-found");
    }
}
