package io.boxoffice.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.redisson.api.RedissonClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client of one node's HTTP API, as a fan, an organizer or a test would call it. Every fan signs up with a
 * password and calls from an address of their own, as fans at home do (sent as {@code X-Forwarded-For}, which the
 * node trusts from loopback as from a load balancer): per-address limits meet only the tests that aim at them.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** Every test fan's password. */
    public static final String PASSWORD = "correct horse battery staple";
    private static final Map<String, Signed> SIGNED_IN = new ConcurrentHashMap<>();
    private static final Random RANDOM = new Random();
    /** No answer takes this long unless the node is stuck: then the test fails instead of hanging. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String adminPassword;
    private final String address = "198.19." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256);
    private final Map<String, String> addressOfToken = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private record Signed(String token, Instant expiresAt) {
    }

    public Api(int port) {
        this(port, TestServers.ADMIN_PASSWORD);
    }

    /** A client of a node whose first administrator has this password (an embedded default's own). */
    public Api(int port, String adminPassword) {
        this.baseUrl = "http://localhost:" + port;
        this.adminPassword = adminPassword;
    }

    /** The address a fan calls from: the same for a username every time, different between fans. */
    public static String addressOf(String username) {
        int hash = username.hashCode();
        return "198.18." + ((hash >>> 8) & 0xff) + "." + (hash & 0xff);
    }

    public record Response(int status, HttpHeaders headers, JsonNode body) {

        public String contentType() {
            return header("Content-Type");
        }

        /** A header's value, or "" without it. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public String text(String field) {
            return body.path(field).asText();
        }

        /** The strings of an array field; none when the field is missing (e.g. a 404 while a projection lags). */
        public List<String> strings(String field) {
            if (!body.path(field).isArray()) {
                return List.of();
            }
            return JSON.convertValue(body.path(field), JSON.getTypeFactory().constructCollectionType(List.class,
                    String.class));
        }
    }

    public Response send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(PATIENCE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        boolean forwarded = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            forwarded |= headers[i].equalsIgnoreCase("X-Forwarded-For");
        }
        if (!forwarded) {
            request.header("X-Forwarded-For", token == null ? address : addressOfToken.getOrDefault(token, address));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET as a browser or CDN makes it, with its headers; the body is not parsed. */
    public HttpResponse<String> raw(String path, String... headers) {
        return get(path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    /** As {@link #raw}, the body's bytes as they came (a compressed body stays compressed). */
    public HttpResponse<byte[]> rawBytes(String path, String... headers) {
        return get(path, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(PATIENCE);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain-text resource, such as a venue's layout. */
    public String text(String path) {
        HttpResponse<String> response = raw(path);
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /** A plain-text resource that needs a token, such as the Prometheus scrape. */
    public String text(String path, String token) {
        HttpResponse<String> response = raw(path, "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    public Response post(String path, String token, String body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    /**
     * The fan's reservation once its view shows the status: the view is a projection, behind the command that
     * changed the reservation by as long as browsing may be (the spec's 2 s).
     */
    public Response reservationOnceItIs(String reservationId, String token, String status) {
        return reservationOnceItIs(reservationId, token, status, Duration.ofSeconds(2));
    }

    /** The same, for a change that comes later than the command that was sent (a webhook's, a deadline's). */
    public Response reservationOnceItIs(String reservationId, String token, String status, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(20))
                .until(() -> get("/api/reservations/" + reservationId, token),
                        reservation -> status.equals(reservation.text("status")));
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** A GraphQL query with its variables, as the front end sends it. */
    public Response graphql(String token, String query, Map<String, ?> variables) {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.set("variables", JSON.valueToTree(variables));
        Response response = post("/graphql", token, body.toString());
        assertThat(response.status()).as("graphql: %s", response.body()).isEqualTo(200);
        return response;
    }

    /**
     * An access token of {@code username}: {@code admin} signs in with the first administrator's password,
     * {@code auditor} is granted AUDITOR by admin first, any other name signs up as a fan (or in, once it exists).
     * Tokens are reused while they have more than a minute left.
     */
    public String token(String username) {
        Signed signed = SIGNED_IN.get(baseUrl + " " + username);
        if (signed == null || signed.expiresAt().isBefore(Instant.now().plusSeconds(60))) {
            signed = signIn(username);
            SIGNED_IN.put(baseUrl + " " + username, signed);
        }
        addressOfToken.put(signed.token(), addressOf(username));
        return signed.token();
    }

    private Signed signIn(String username) {
        String password = username.equals("admin") ? adminPassword : PASSWORD;
        if (!username.equals("admin")) {
            Response signUp = post("/api/auth/accounts", null, credentials(username, password),
                    "X-Forwarded-For", addressOf(username));
            assertThat(signUp.status()).as("sign-up of %s: %s", username, signUp.body()).isIn(201, 409);
            if (username.equals("auditor") && signUp.status() == 201) {
                Response granted = send("PUT", "/api/admin/accounts/auditor/roles", token("admin"),
                        "{\"roles\":[\"AUDITOR\"]}");
                assertThat(granted.status()).as("AUDITOR granted: %s", granted.body()).isEqualTo(200);
            }
        }
        Response response = post("/api/auth/token", null, credentials(username, password),
                "X-Forwarded-For", addressOf(username));
        assertThat(response.status()).as("sign-in of %s: %s", username, response.body()).isEqualTo(200);
        return new Signed(response.text("token"), Instant.parse(response.text("expiresAt")));
    }

    /**
     * Waits until this node counts rate limits in Redis again: after Redis was away, a node counts alone for a
     * moment before it tries Redis again.
     */
    public void awaitRateLimitsInRedis(RedissonClient redis) {
        String probe = "redis-probe-" + RANDOM.nextInt(1_000_000);
        await().ignoreExceptions().until(() -> {
            post("/api/auth/token", null, credentials(probe, "any password at all"));
            return redis.getKeys().countExists("ratelimit:sign-in-per-account:" + probe) == 1;
        });
    }

    public static String credentials(String username, String password) {
        return JSON.createObjectNode().put("username", username).put("password", password).toString();
    }

    public Response reserve(String token, String eventId, List<String> seatIds, String... headers) {
        ObjectNode body = JSON.createObjectNode();
        seatIds.forEach(body.putArray("seatIds")::add);
        return post("/api/events/" + eventId + "/reservations", token, body.toString(), headers);
    }

    /** A venue with one section {@code A} of {@code rows} rows of {@code seatsPerRow} seats, category FLOOR. */
    public static String venue(String name, int rows, int seatsPerRow) {
        ObjectNode venue = JSON.createObjectNode().put("name", name).put("city", "Lyon");
        ObjectNode section = venue.putArray("sections").addObject()
                .put("id", "A").put("name", "Floor A").put("category", "FLOOR");
        ArrayNode rowNodes = section.putArray("rows");
        for (int r = 1; r <= rows; r++) {
            ArrayNode seats = rowNodes.addObject().put("label", Integer.toString(r)).putArray("seats");
            for (int s = 1; s <= seatsPerRow; s++) {
                seats.addObject().put("number", Integer.toString(s)).put("x", s * 2.0).put("y", r * 2.0);
            }
        }
        return venue.toString();
    }

    public String createVenue(String adminToken, String venueJson) {
        Response response = post("/api/venues", adminToken, venueJson);
        assertThat(response.status()).as("create venue: %s", response.body()).isEqualTo(201);
        return response.text("venueId");
    }

    public String createEvent(String adminToken, String venueId, String eventJsonExtra) {
        return createEvent(adminToken, venueId, "Test night", eventJsonExtra);
    }

    /** The same, with a name of its own: for a fan who looks the event up by its name. */
    public String createEvent(String adminToken, String venueId, String name, String eventJsonExtra) {
        String body = "{\"venueId\":\"" + venueId + "\",\"name\":" + JSON.getNodeFactory().textNode(name)
                + ",\"startsAt\":\"2030-01-01T20:00:00Z\","
                + "\"prices\":{\"FLOOR\":{\"amount\":\"49.00\",\"currency\":\"EUR\"}}" + eventJsonExtra + "}";
        Response response = post("/api/events", adminToken, body);
        assertThat(response.status()).as("create event: %s", response.body()).isEqualTo(201);
        return response.text("eventId");
    }

    /** Waits until fans browsing the events can see this new one (the browsing model follows in moments). */
    public void awaitBrowsable(String eventId) {
        await().until(() -> !graphql(null, "query($id: ID!) { event(id: $id) { id } }", Map.of("id", eventId))
                .body().at("/data/event").isNull());
    }

    /** A new event on sale now at a new one-row venue of {@code seats} seats A-1-1 .. A-1-n. */
    public String eventWithSeats(int seats) {
        String admin = token("admin");
        return createEvent(admin, createVenue(admin, venue("Hall", 1, seats)), "");
    }
}
