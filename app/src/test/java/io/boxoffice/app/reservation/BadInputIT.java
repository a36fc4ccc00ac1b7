package io.boxoffice.app.reservation;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input of the spec's list gets its 4xx as problem+json and appends no event. */
class BadInputIT extends ApplicationTest {

    private String admin;
    private String fan;
    private String eventId;
    private String venueId;
    private String reservationOfOther;

    @BeforeEach
    void setUp() {
        admin = api.token("admin");
        fan = api.token("bad-input-fan");
        venueId = api.createVenue(admin, Api.venue("Hall", 1, 10));
        eventId = api.createEvent(admin, venueId, "");
    }

    /** A request built from the fixture's tokens and ids, its expected status and problem type. */
    record Case(String name, Function<BadInputIT, Api.Response> request, int status, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String EUR = "\"FLOOR\":{\"amount\":\"49.00\",\"currency\":\"EUR\"}";

    static Stream<Arguments> badRequests() {
        String seats = "/reservations";
        return Stream.of(
                new Case("no seats", t -> t.reserveRaw("{\"seatIds\":[]}"), 400, "invalid-request"),
                new Case("seatIds missing", t -> t.reserveRaw("{}"), 400, "invalid-request"),
                new Case("seatIds not a list", t -> t.reserveRaw("{\"seatIds\":\"A-1-1\"}"), 400, "invalid-request"),
                new Case("a null seat", t -> t.reserveRaw("{\"seatIds\":[null]}"), 400, "invalid-request"),
                new Case("an empty seat id", t -> t.reserveRaw("{\"seatIds\":[\"\"]}"), 400, "invalid-request"),
                new Case("malformed JSON", t -> t.reserveRaw("{\"seatIds\":[\"A-1-1\""), 400, "invalid-request"),
                new Case("no body", t -> t.api.post("/api/events/" + t.eventId + seats, t.fan, null), 400,
                        "invalid-request"),
                new Case("the same seat twice", t -> t.reserve(List.of("A-1-1", "A-1-1")), 400, "invalid-request"),
                new Case("more seats than allowed", t -> t.reserve(List.of("A-1-1", "A-1-2", "A-1-3", "A-1-4",
                        "A-1-5", "A-1-6", "A-1-7", "A-1-8", "A-1-9")), 400, "invalid-request"),
                new Case("an unknown seat", t -> t.reserve(List.of("A-1-1", "Z-9-9")), 400, "invalid-request"),
                new Case("an unknown event", t -> t.api.reserve(t.fan, "no-such-event", List.of("A-1-1")), 404,
                        "event-not-found"),
                new Case("an Idempotency-Key too long", t -> t.api.reserve(t.fan, t.eventId, List.of("A-1-1"),
                        "Idempotency-Key", "k".repeat(300)), 400, "invalid-request"),
                new Case("no token", t -> t.api.reserve(null, t.eventId, List.of("A-1-1")), 401, "unauthorized"),
                new Case("a forged token", t -> t.api.reserve(t.fan.substring(0, t.fan.length() - 4) + "AAAA",
                        t.eventId, List.of("A-1-1")), 401, "unauthorized"),
                new Case("a venue by a fan", t -> t.api.post("/api/venues", t.fan, Api.venue("Mine", 1, 1)), 403,
                        "forbidden"),
                new Case("an event by a fan", t -> t.api.post("/api/events", t.fan, t.eventBody(
                        "\"FLOOR\":{\"amount\":\"49.00\",\"currency\":\"EUR\"}")), 403, "forbidden"),
                new Case("a venue without sections", t -> t.api.post("/api/venues", t.admin,
                        "{\"name\":\"Empty\",\"city\":\"Lyon\",\"sections\":[]}"), 400, "invalid-request"),
                new Case("a venue without a name", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("", 1, 1)), 400, "invalid-request"),
                new Case("a seat without coordinates", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("Hall", 1, 1).replace(",\"x\":2.0", "")), 400, "invalid-request"),
                new Case("a seat number with a dash", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("Hall", 1, 1).replace("\"number\":\"1\"", "\"number\":\"1-2\"")), 400,
                        "invalid-request"),
                new Case("a venue in no time zone", t -> t.api.post("/api/venues", t.admin,
                        withField(Api.venue("Hall", 1, 1), "\"timeZone\":\"Mars/Olympus\"")), 400,
                        "invalid-request"),
                new Case("a venue time zone with control characters", t -> t.api.post("/api/venues", t.admin,
                        withField(Api.venue("Hall", 1, 1), "\"timeZone\":\"Europe/Paris\\u0000\"")), 400,
                        "invalid-request"),
                new Case("a stage of no size", t -> t.api.post("/api/venues", t.admin,
                        withField(Api.venue("Hall", 1, 1),
                                "\"stage\":{\"label\":\"Stage\",\"x\":0,\"y\":0,\"width\":0,\"height\":5}")),
                        400, "invalid-request"),
                new Case("a seat of an unknown access kind", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("Hall", 1, 1).replace("\"number\":\"1\"",
                                "\"number\":\"1\",\"access\":\"JETPACK\"")), 400, "invalid-request"),
                new Case("a seat twice in a row", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("Hall", 1, 2).replace("\"number\":\"2\"", "\"number\":\"1\"")), 400,
                        "invalid-request"),
                new Case("an event at an unknown venue", t -> t.api.post("/api/events", t.admin,
                        t.eventBody("\"FLOOR\":{\"amount\":\"49.00\",\"currency\":\"EUR\"}")
                                .replace(t.venueId, "no-such-venue")), 400, "invalid-request"),
                new Case("an event missing a category's price", t -> t.api.post("/api/events", t.admin,
                        t.eventBody("\"VIP\":{\"amount\":\"49.00\",\"currency\":\"EUR\"}")), 400, "invalid-request"),
                new Case("a negative price", t -> t.api.post("/api/events", t.admin,
                        t.eventBody("\"FLOOR\":{\"amount\":\"-1.00\",\"currency\":\"EUR\"}")), 400, "invalid-request"),
                new Case("a price in tenths of cents", t -> t.api.post("/api/events", t.admin,
                        t.eventBody("\"FLOOR\":{\"amount\":\"1.001\",\"currency\":\"EUR\"}")), 400, "invalid-request"),
                new Case("a price without currency", t -> t.api.post("/api/events", t.admin,
                        t.eventBody("\"FLOOR\":{\"amount\":\"10.00\"}")), 400, "invalid-request"),
                new Case("an event without a start", t -> t.api.post("/api/events", t.admin,
                        t.eventBody("\"FLOOR\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}")
                                .replace("\"startsAt\":\"2030-01-01T20:00:00Z\",", "")), 400, "invalid-request"),
                new Case("a start that is not a date", t -> t.api.post("/api/events", t.admin,
                        t.eventBody("\"FLOOR\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}")
                                .replace("2030-01-01T20:00:00Z", "next friday")), 400, "invalid-request"),
                new Case("a NUL in a venue's name", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("nul\u0000byte", 1, 1)), 400, "invalid-request"),
                new Case("an ESC in an event's name", t -> t.api.post("/api/events", t.admin,
                        t.eventBody(EUR).replace("\"Night\"", "\"\\u001b[31mNight\"")), 400, "invalid-request"),
                new Case("a bidi override in a section's name", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("Hall", 1, 1).replace("Floor A", "Floor \u202EA")), 400, "invalid-request"),
                new Case("a lone surrogate in a city", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("Hall", 1, 1).replace("\"Lyon\"", "\"Ly\\ud800on\"")), 400, "invalid-request"),
                new Case("a name of 201 characters", t -> t.api.post("/api/events", t.admin,
                        t.eventBody(EUR).replace("\"Night\"", "\"" + "n".repeat(201) + "\"")), 400, "invalid-request"),
                new Case("an event in the past", t -> t.api.post("/api/events", t.admin,
                        t.eventBody(EUR).replace("2030-01-01T20:00:00Z", "2000-01-01T20:00:00Z")), 400,
                        "invalid-request"),
                new Case("an event at the end of time", t -> t.api.post("/api/events", t.admin,
                        t.eventBody(EUR).replace("2030-01-01T20:00:00Z", "+999999999-12-31T23:59:59Z")), 400,
                        "invalid-request"),
                new Case("sales opening after the event", t -> t.api.post("/api/events", t.admin,
                        t.eventBody(EUR).replace("\"startsAt\"", "\"salesStartAt\":\"2030-02-01T10:00:00Z\","
                                + "\"startsAt\"")), 400, "invalid-request"),
                new Case("an unknown currency", t -> t.api.post("/api/events", t.admin,
                        t.eventBody("\"FLOOR\":{\"amount\":\"49.00\",\"currency\":\"XYZ\"}")), 400,
                        "invalid-request"),
                new Case("a currency without minor units of its own", t -> t.api.post("/api/events", t.admin,
                        t.eventBody("\"FLOOR\":{\"amount\":\"49.00\",\"currency\":\"XXX\"}")), 400,
                        "invalid-request"),
                new Case("cents of yen", t -> t.api.post("/api/events", t.admin,
                        t.eventBody("\"FLOOR\":{\"amount\":\"49.50\",\"currency\":\"JPY\"}")), 400,
                        "invalid-request"),
                new Case("a seat at infinity", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("Hall", 1, 1).replace("\"x\":2.0", "\"x\":1e400")), 400, "invalid-request"),
                new Case("a seat far away", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("Hall", 1, 1).replace("\"x\":2.0", "\"x\":-2e6")), 400, "invalid-request"),
                new Case("a coordinate that is text", t -> t.api.post("/api/venues", t.admin,
                        Api.venue("Hall", 1, 1).replace("\"x\":2.0", "\"x\":\"abc\"")), 400, "invalid-request"),
                new Case("cancelling someone else's reservation", t -> t.api.delete("/api/reservations/"
                        + t.othersReservation(), t.fan), 404, "reservation-not-found"),
                new Case("reading someone else's reservation", t -> t.api.get("/api/reservations/"
                        + t.othersReservation(), t.fan), 404, "reservation-not-found"),
                new Case("cancelling a reservation that does not exist", t -> t.api.delete(
                        "/api/reservations/no-such-reservation", t.fan), 404, "reservation-not-found")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedWithAProblemAndChangesNothing(Case bad) {
        // prepared before counting: some cases need a reservation of another fan
        reservationOfOther = bad.name().contains("someone else") ? reserveAsOther() : null;
        long events = store.eventCountFor(eventId);

        Api.Response response = bad.request().apply(this);

        assertThat(response.status()).as("%s: %s", bad.name(), response.body()).isEqualTo(bad.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/" + bad.type());
        assertThat(response.text("title")).isNotBlank();
        assertThat(store.eventCountFor(eventId)).as("events appended by a refused request").isEqualTo(events);
    }

    @Test
    void aRefusalNamesTheOffendingFields() {
        Api.Response unknown = reserve(List.of("A-1-1", "Z-9-9"));
        assertThat(unknown.strings("unknownSeatIds")).containsExactly("Z-9-9");
        assertThat(unknown.body().at("/errors/0/field").asText()).isEqualTo("seatIds");

        Api.Response price = api.post("/api/events", admin, eventBody("\"VIP\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}"));
        assertThat(price.body().findValuesAsText("field")).contains("prices.FLOOR", "prices.VIP");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedByItsPath() {
        Api.Response text = api.post("/api/venues", admin, Api.venue("Hall", 1, 2).replace("\"x\":4.0", "\"x\":\"abc\""));
        assertThat(text.body().path("errors")).hasSize(1);
        assertThat(text.body().at("/errors/0/field").asText()).isEqualTo("sections[0].rows[0].seats[1].x");
        assertThat(text.body().at("/errors/0/message").asText()).isEqualTo("a number");

        Api.Response infinite = api.post("/api/venues", admin, Api.venue("Hall", 1, 1).replace("\"y\":2.0",
                "\"y\":1e400"));
        assertThat(infinite.body().findValuesAsText("field")).containsExactly("sections[0].rows[0].seats[0].y");

        Api.Response date = api.post("/api/events", admin, eventBody(EUR).replace("2030-01-01T20:00:00Z", "soon"));
        assertThat(date.body().at("/errors/0/field").asText()).isEqualTo("startsAt");
        Api.Response past = api.post("/api/events", admin, eventBody(EUR).replace("2030-", "2001-"));
        assertThat(past.body().at("/errors/0").toString()).contains("startsAt").contains("in the future");
        Api.Response yen = api.post("/api/events", admin, eventBody("\"FLOOR\":{\"amount\":\"49.50\",\"currency\":\"JPY\"}"));
        assertThat(yen.body().at("/errors/0/field").asText()).isEqualTo("prices.FLOOR.amount");
        assertThat(yen.body().at("/errors/0/message").asText()).isEqualTo("JPY has no minor units");
        assertThat(api.post("/api/events", admin, eventBody("\"FLOOR\":{\"amount\":\"4950\",\"currency\":\"JPY\"}"))
                .status()).as("whole yen are a price").isEqualTo(201);
    }

    @Test
    void unknownFieldsAreIgnored() {
        Api.Response response = reserveRaw("{\"seatIds\":[\"A-1-5\"],\"seatCount\":1,\"note\":{\"x\":1}}");

        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        assertThat(response.strings("seatIds")).containsExactly("A-1-5");
    }

    @Test
    void salesThatHaveNotOpenedAreRefusedWith403() {
        String later = api.createEvent(admin, venueId, ",\"salesStartAt\":\"2029-06-01T10:00:00Z\"");
        long events = store.eventCountFor(later);

        Api.Response response = api.reserve(fan, later, List.of("A-1-1"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text("type")).isEqualTo("/problems/sales-not-open");
        assertThat(response.text("salesStartAt")).isEqualTo("2029-06-01T10:00:00Z");
        assertThat(store.eventCountFor(later)).isEqualTo(events);
    }

    private String othersReservation() {
        return reservationOfOther;
    }

    private String reserveAsOther() {
        Api.Response response = api.reserve(api.token("someone-else"), eventId, List.of("A-1-10"));
        assertThat(response.status()).isEqualTo(201);
        return response.text("reservationId");
    }

    private Api.Response reserve(List<String> seatIds) {
        return api.reserve(fan, eventId, seatIds);
    }

    private Api.Response reserveRaw(String body) {
        return api.post("/api/events/" + eventId + "/reservations", fan, body);
    }

    private String eventBody(String prices) {
        return "{\"venueId\":\"" + venueId + "\",\"name\":\"Night\",\"startsAt\":\"2030-01-01T20:00:00Z\","
                + "\"prices\":{" + prices + "}}";
    }

    /** The venue's JSON with one more top-level field. */
    private static String withField(String venueJson, String field) {
        return venueJson.replaceFirst("\\{", "{" + field + ",");
    }
}
