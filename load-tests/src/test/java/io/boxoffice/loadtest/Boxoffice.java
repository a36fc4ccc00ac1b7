package io.boxoffice.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/** The organizer's and auditor's side of a load test, through the running application's HTTP API. */
public final class Boxoffice {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String admin;

    /** Signs in as the first administrator, with {@code -DadminPassword} (what {@code run.sh} starts it with). */
    public Boxoffice(String baseUrl) {
        this.baseUrl = baseUrl;
        ObjectNode credentials = JSON.createObjectNode().put("username", "admin")
                .put("password", System.getProperty("adminPassword", ""));
        this.admin = call("POST", "/api/auth/token", null, credentials.toString()).path("token").asText();
    }

    /** A fan's access token. */
    public String token(String username) {
        return FanTokens.mint(username);
    }

    /** A venue of a hot section H (category FRONT) and a larger one C (BACK); returns its id. */
    public String venue(String name, SeatPicker hot, SeatPicker cold) {
        return venue(name, List.of(hot, cold), section -> section == hot ? "FRONT" : "BACK");
    }

    /** A venue of these sections, one below the other, each of the category given; returns its id. */
    public String venue(String name, List<SeatPicker> sections, Function<SeatPicker, String> category) {
        ObjectNode venue = JSON.createObjectNode().put("name", name).put("city", "Loadtown");
        ArrayNode nodes = venue.putArray("sections");
        int top = 0;
        for (SeatPicker section : sections) {
            ObjectNode node = nodes.addObject().put("id", section.section())
                    .put("name", "Section " + section.section())
                    .put("category", category.apply(section));
            ArrayNode rows = node.putArray("rows");
            for (int row = 1; row <= section.rows(); row++) {
                ArrayNode seats = rows.addObject().put("label", Integer.toString(row)).putArray("seats");
                double y = top + row;
                for (int seat = 1; seat <= section.seatsPerRow(); seat++) {
                    seats.addObject().put("number", Integer.toString(seat)).put("x", (double) seat).put("y", y);
                }
            }
            top += section.rows() + 2;
        }
        return call("POST", "/api/venues", admin, venue.toString()).path("venueId").asText();
    }

    /** An event on sale now; {@code waitingRoom} null for none. Returns once browsing shows it. */
    public String event(String venueId, String name, Map<String, Object> waitingRoom) {
        return event(venueId, name, waitingRoom, Map.of("FRONT", "89.00", "BACK", "39.00"));
    }

    /** The same with a price in EUR for each seat category of the venue. */
    public String event(String venueId, String name, Map<String, Object> waitingRoom, Map<String, String> prices) {
        // simulated fans are few and buy many seats each: the per-fan limit (default 8) must not be what refuses them
        ObjectNode event = JSON.createObjectNode().put("venueId", venueId).put("name", name)
                .put("startsAt", Instant.now().plus(Duration.ofDays(30)).toString()).put("maxTicketsPerFan", 1000);
        ObjectNode priced = event.putObject("prices");
        prices.forEach((category, amount) -> priced.putObject(category).put("amount", amount).put("currency", "EUR"));
        if (waitingRoom != null) {
            event.put("waitingRoom", true);
            waitingRoom.forEach((key, value) -> event.set(key, JSON.valueToTree(value)));
        }
        String eventId = call("POST", "/api/events", admin, event.toString()).path("eventId").asText();
        String query = "{\"query\":\"{ event(id: \\\"" + eventId + "\\\") { id } }\"}";
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !call("POST", "/graphql", null, query).at("/data/event").isNull());
        return eventId;
    }

    public void baselineSeats(String eventId) {
        call("POST", "/api/admin/baseline/events/" + eventId, admin, null);
    }

    /** PostgreSQL's transaction counters (committed plus rolled back) as it shows them now (up to a second behind). */
    public long transactionsNow() {
        JsonNode stats = call("GET", "/api/admin/database/stats", admin, null);
        return stats.path("transactionsCommitted").asLong() + stats.path("transactionsRolledBack").asLong();
    }

    public JsonNode auditorsVerify(String eventId) {
        return call("POST", "/api/audit/events/" + eventId + "/verify", admin, null);
    }

    public JsonNode baselineVerify(String eventId) {
        return call("GET", "/api/admin/baseline/events/" + eventId + "/verify", admin, null);
    }

    private JsonNode call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " "
                        + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed; is Boxoffice running at " + baseUrl
                    + "?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
