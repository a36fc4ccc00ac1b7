package io.boxoffice.app.organizer;

import com.fasterxml.jackson.databind.JsonNode;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An organizer's controls over HTTP: sales opened early, paused, resumed and closed, the event changed before its
 * sales open, house seats and accessible seats; and everything a fan or a wrong request must not be able to do.
 */
class OrganizerSalesIT extends ApplicationTest {

    private static final Duration BROWSING_LAG = Duration.ofSeconds(10);

    private String admin() {
        return api.token("admin");
    }

    /** An event at a new venue of 2 rows of 6 seats, A-1-1 .. A-2-6, with {@code extra} fields of the event. */
    private String event(String extra) {
        return api.createEvent(admin(), api.createVenue(admin(), Api.venue("Organizer's hall", 2, 6)), extra);
    }

    private Api.Response salesState(String token, String eventId, String state) {
        return api.send("PUT", "/api/events/" + eventId + "/sales-state", token, "{\"salesState\":\"" + state + "\"}");
    }

    private Api.Response houseSeats(String token, String eventId, String change, List<String> seatIds) {
        return api.post("/api/events/" + eventId + "/house-seats/" + change, token,
                Api.JSON.createObjectNode().set("seatIds", Api.JSON.valueToTree(seatIds)).toString());
    }

    private Api.Response best(String token, String eventId) {
        return api.post("/api/events/" + eventId + "/reservations", token, "{\"bestAvailable\":{\"quantity\":2}}");
    }

    private JsonNode browsed(String eventId) {
        return api.graphql(null, "query($id: ID!) { event(id: $id) { name salesState accessibleSeatsReleased "
                        + "prices { price { amount } } counts { available held sold house } } }",
                Map.of("id", eventId)).body().at("/data/event");
    }

    private static String type(Api.Response response) {
        return response.text("type");
    }

    @Test
    void pausedSalesRefuseFansUntilResumedAndClosedSalesRefuseThemForGood() {
        String eventId = event("");
        String fan = api.token("paused-fan");

        assertThat(salesState(admin(), eventId, "PAUSED").text("salesState")).isEqualTo("PAUSED");
        Api.Response picked = api.reserve(fan, eventId, List.of("A-1-1"));
        Api.Response together = best(fan, eventId);

        assertThat(picked.status()).isEqualTo(409);
        assertThat(type(picked)).isEqualTo("/problems/sales-paused");
        assertThat(picked.text("title")).isEqualTo("Sales paused");
        assertThat(together.status()).isEqualTo(409);
        assertThat(type(together)).as("best available too").isEqualTo("/problems/sales-paused");
        await().atMost(BROWSING_LAG).until(() -> browsed(eventId).path("salesState").asText().equals("PAUSED"));

        assertThat(salesState(admin(), eventId, "OPEN").status()).isEqualTo(200);
        assertThat(api.reserve(fan, eventId, List.of("A-1-1")).status()).isEqualTo(201);

        assertThat(salesState(admin(), eventId, "CLOSED").status()).isEqualTo(200);
        Api.Response afterClosing = api.reserve(fan, eventId, List.of("A-1-2"));
        Api.Response reopened = salesState(admin(), eventId, "OPEN");
        Api.Response paused = salesState(admin(), eventId, "PAUSED");

        assertThat(afterClosing.status()).isEqualTo(409);
        assertThat(type(afterClosing)).isEqualTo("/problems/sales-closed");
        assertThat(reopened.status()).isEqualTo(409);
        assertThat(type(reopened)).isEqualTo("/problems/sales-closed");
        assertThat(type(paused)).isEqualTo("/problems/sales-closed");
        assertThat(salesState(admin(), eventId, "CLOSED").status()).as("closing again changes nothing")
                .isEqualTo(200);
        await().atMost(BROWSING_LAG).until(() -> browsed(eventId).path("salesState").asText().equals("CLOSED"));
    }

    @Test
    void beforeSalesOpenTheOrganizerChangesTheEventThenOpensSalesEarlyAfterWhichItCannotChange() {
        Instant later = Instant.now().plus(Duration.ofDays(30));
        String eventId = event(",\"salesStartAt\":\"" + later + "\"");
        String fan = api.token("early-fan");

        assertThat(api.reserve(fan, eventId, List.of("A-1-1")).status()).as("not on sale yet").isEqualTo(403);
        Api.Response pausedTooEarly = salesState(admin(), eventId, "PAUSED");
        assertThat(pausedTooEarly.status()).isEqualTo(409);
        assertThat(type(pausedTooEarly)).isEqualTo("/problems/sales-scheduled");
        assertThat(api.send("PATCH", "/api/events/" + eventId, admin(), """
                {"name":"Harbour Jazz, second night","prices":{"FLOOR":{"amount":"39.5","currency":"EUR"}}}""")
                .status()).isEqualTo(204);
        await().atMost(BROWSING_LAG).until(() -> browsed(eventId).path("name").asText()
                .equals("Harbour Jazz, second night"));
        assertThat(browsed(eventId).at("/prices/0/price/amount").asText()).isEqualTo("39.50");
        assertThat(browsed(eventId).path("salesState").asText()).isEqualTo("SCHEDULED");

        assertThat(salesState(admin(), eventId, "OPEN").status()).isEqualTo(200);
        Api.Response held = api.reserve(fan, eventId, List.of("A-1-1"));
        Api.Response changedLate = api.send("PATCH", "/api/events/" + eventId, admin(), "{\"name\":\"Too late\"}");

        assertThat(held.status()).isEqualTo(201);
        assertThat(held.body().at("/amount/amount").asText()).as("at the new price").isEqualTo("39.50");
        assertThat(changedLate.status()).isEqualTo(409);
        assertThat(type(changedLate)).isEqualTo("/problems/sales-open");
        await().atMost(BROWSING_LAG).until(() -> browsed(eventId).path("salesState").asText().equals("OPEN"));
        assertThat(browsed(eventId).path("name").asText()).isEqualTo("Harbour Jazz, second night");
    }

    @Test
    void houseSeatsAreKeptFromFansUntilReturnedToSaleAndOnlyFreeSeatsAreWithheld() {
        String eventId = event("");
        String fan = api.token("house-fan");
        assertThat(api.reserve(fan, eventId, List.of("A-2-1")).status()).isEqualTo(201);

        Api.Response withheld = houseSeats(admin(), eventId, "withhold", List.of("A-1-1", "A-1-2"));
        Api.Response onHouseSeat = api.reserve(api.token("house-fan-2"), eventId, List.of("A-1-2", "A-1-3"));
        Api.Response onHeldSeat = houseSeats(admin(), eventId, "withhold", List.of("A-2-1", "A-2-2"));

        assertThat(withheld.status()).as("%s", withheld.body()).isEqualTo(200);
        assertThat(withheld.strings("seatIds")).containsExactly("A-1-1", "A-1-2");
        assertThat(onHouseSeat.status()).isEqualTo(409);
        assertThat(onHouseSeat.strings("unavailableSeatIds")).containsExactly("A-1-2");
        assertThat(onHeldSeat.status()).isEqualTo(409);
        assertThat(type(onHeldSeat)).isEqualTo("/problems/seats-unavailable");
        assertThat(onHeldSeat.strings("unavailableSeatIds")).containsExactly("A-2-1");
        assertThat(api.reserve(fan, eventId, List.of("A-2-2")).status()).as("all or none: A-2-2 stayed on sale")
                .isEqualTo(201);
        await().atMost(BROWSING_LAG).untilAsserted(() -> {
            assertThat(api.get("/api/events/" + eventId + "/availability", null).strings("house"))
                    .containsExactly("A-1-1", "A-1-2");
            assertThat(browsed(eventId).path("counts").toString())
                    .isEqualTo("{\"available\":8,\"held\":2,\"sold\":0,\"house\":2}");
        });

        assertThat(houseSeats(admin(), eventId, "return-to-sale", List.of("A-1-2", "A-1-6")).status())
                .as("a seat never withheld is just left as it is").isEqualTo(200);
        assertThat(api.reserve(api.token("house-fan-2"), eventId, List.of("A-1-2", "A-1-3")).status())
                .isEqualTo(201);

        Api.Response report = api.post("/api/audit/events/" + eventId + "/verify", api.token("auditor"), null);
        assertThat(report.body().path("violations")).isEmpty();
        assertThat(report.body().at("/seatsByStatus/HOUSE").asInt()).isEqualTo(1);
        assertThat(report.body().at("/seatsByStatus/HELD").asInt()).isEqualTo(4);
    }

    @Test
    void theOrganizerFollowsSalesPerSectionAndReleasesAccessibleSeats() {
        String eventId = event("");
        assertThat(api.reserve(api.token("section-fan"), eventId, List.of("A-1-1", "A-1-2")).status()).isEqualTo(201);
        assertThat(houseSeats(admin(), eventId, "withhold", List.of("A-2-6")).status()).isEqualTo(200);

        await().atMost(BROWSING_LAG).untilAsserted(() -> {
            JsonNode sales = api.get("/api/organizer/events/" + eventId + "/sales", admin()).body();
            assertThat(sales.at("/sections/0/sectionId").asText()).isEqualTo("A");
            assertThat(sales.at("/sections/0/held").asInt()).isEqualTo(2);
            assertThat(sales.at("/sections/0/house").asInt()).isEqualTo(1);
            assertThat(sales.at("/sections/0/available").asInt()).isEqualTo(9);
            assertThat(sales.at("/total/revenue/amount").asText()).isEqualTo("0.00");
        });
        List<String> mine = api.get("/api/organizer/events", admin()).body().findValuesAsText("eventId");
        assertThat(mine).contains(eventId);

        assertThat(api.post("/api/events/" + eventId + "/accessible-seats/release", admin(), null).status())
                .isEqualTo(204);
        await().atMost(BROWSING_LAG).until(() -> browsed(eventId).path("accessibleSeatsReleased").asBoolean());
    }

    @Test
    void fansAndWrongRequestsChangeNothing() {
        String eventId = event("");
        String otherEventId = api.createEvent(admin(), api.createVenue(admin(), """
                {"name":"Other hall","city":"Lyon","sections":[{"id":"B","name":"Balcony","category":"FLOOR",
                 "rows":[{"label":"1","seats":[{"number":"1","x":1,"y":1}]}]}]}"""), "");
        String fan = api.token("curious-fan");

        for (Api.Response refused : List.of(salesState(fan, eventId, "PAUSED"),
                api.send("PATCH", "/api/events/" + eventId, fan, "{\"name\":\"Mine now\"}"),
                houseSeats(fan, eventId, "withhold", List.of("A-1-1")),
                houseSeats(fan, eventId, "return-to-sale", List.of("A-1-1")),
                api.post("/api/events/" + eventId + "/accessible-seats/release", fan, null),
                api.get("/api/organizer/events", fan),
                api.get("/api/organizer/events/" + eventId + "/sales", fan))) {
            assertThat(refused.status()).as("%s", refused.body()).isEqualTo(403);
        }
        assertThat(salesState(null, eventId, "PAUSED").status()).isEqualTo(401);

        Api.Response otherEventsSeat = houseSeats(admin(), eventId, "withhold", List.of("B-1-1"));
        assertThat(otherEventsSeat.status()).isEqualTo(400);
        assertThat(otherEventsSeat.strings("unknownSeatIds")).containsExactly("B-1-1");
        assertThat(houseSeats(admin(), eventId, "withhold", List.of("A-9-9")).status()).isEqualTo(400);
        assertThat(houseSeats(admin(), eventId, "withhold", List.of("A-1-1", "A-1-1")).status()).isEqualTo(400);
        assertThat(houseSeats(admin(), eventId, "withhold", List.of()).status()).isEqualTo(400);
        assertThat(houseSeats(admin(), eventId, "withhold", List.of("A-1-1'; DROP TABLE x")).status())
                .isEqualTo(400);
        assertThat(houseSeats(admin(), "no-such-event", "withhold", List.of("A-1-1")).status()).isEqualTo(404);
        assertThat(salesState(admin(), eventId, "SCHEDULED").status()).isEqualTo(400);
        assertThat(salesState(admin(), eventId, "SOLD_OUT").status()).isEqualTo(400);
        assertThat(salesState(admin(), "no-such-event", "PAUSED").status()).isEqualTo(404);
        assertThat(api.send("PATCH", "/api/events/" + eventId, admin(), "{}").status()).isEqualTo(400);
        Api.Response wrongCategory = api.send("PATCH", "/api/events/" + eventId, admin(),
                "{\"prices\":{\"VIP\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}}}");
        assertThat(wrongCategory.status()).isEqualTo(400);
        assertThat(wrongCategory.body().path("errors").findValuesAsText("field")).contains("prices.FLOOR", "prices.VIP");
        assertThat(api.get("/api/organizer/events/no-such-event/sales", admin()).status()).isEqualTo(404);

        // nothing of it reached the event store: sales are open and every seat of both events is free
        assertThat(api.reserve(fan, eventId, List.of("A-1-1")).status()).isEqualTo(201);
        assertThat(api.reserve(fan, otherEventId, List.of("B-1-1")).status()).isEqualTo(201);
        assertThat(store.payloads(eventId)).hasSize(1);
    }
}
