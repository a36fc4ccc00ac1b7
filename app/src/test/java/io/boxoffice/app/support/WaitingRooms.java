package io.boxoffice.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waiting-room events and fans in them, through the HTTP API. */
public final class WaitingRooms {

    private final Api api;

    public WaitingRooms(Api api) {
        this.api = api;
    }

    /**
     * A new waiting-room event at a new hall of one row of {@code seats} (A-1-1 ..), once browsable (the room
     * admits by the browsing model's seat counts). {@code salesStartAt} and {@code admissionsPerSecond} may be null.
     */
    public String event(int seats, int maxFansInFlow, Integer admissionsPerSecond, Instant salesStartAt) {
        String admin = api.token("admin");
        String venueId = api.createVenue(admin, Api.venue("Waiting Hall", 1, seats));
        String extra = ",\"waitingRoom\":true,\"maxFansInFlow\":" + maxFansInFlow
                + (admissionsPerSecond == null ? "" : ",\"admissionsPerSecond\":" + admissionsPerSecond)
                + (salesStartAt == null ? "" : ",\"salesStartAt\":\"" + salesStartAt + "\"");
        String eventId = api.createEvent(admin, venueId, extra);
        api.awaitBrowsable(eventId);
        return eventId;
    }

    public JsonNode join(String token, String eventId) {
        return ok(api.post(path(eventId), token, null));
    }

    public JsonNode look(String token, String eventId) {
        return ok(api.get(path(eventId), token));
    }

    /** Where the event's line is, as every fan (and any cache in between) sees it: no token needed. */
    public JsonNode line(String eventId) {
        return ok(api.get(path(eventId) + "/line", null));
    }

    public String state(String token, String eventId) {
        return look(token, eventId).path("state").asText();
    }

    /** The fan's admission token, once they are let in. */
    public String admissionToken(String token, String eventId) {
        await().until(() -> state(token, eventId).equals("ADMITTED"));
        return look(token, eventId).path("admissionToken").asText();
    }

    public long admitted(List<String> tokens, String eventId) {
        return tokens.stream().filter(token -> state(token, eventId).equals("ADMITTED")).count();
    }

    public Api.Response reserve(String token, String eventId, String seatId, String admissionToken) {
        return admissionToken == null ? api.reserve(token, eventId, List.of(seatId))
                : api.reserve(token, eventId, List.of(seatId), "Admission-Token", admissionToken);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as("waiting room: %s", response.body()).isEqualTo(200);
        return response.body();
    }

    private static String path(String eventId) {
        return "/api/events/" + eventId + "/waiting-room";
    }
}
