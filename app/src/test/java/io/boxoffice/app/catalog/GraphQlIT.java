package io.boxoffice.app.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Gateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The browsing API: each query of the schema, pagination, and who may see which reservation. */
class GraphQlIT extends ApplicationTest {

    private static final String EVENTS = """
            query($city: String, $from: String, $to: String, $text: String, $first: Int, $after: String) {
              events(city: $city, from: $from, to: $to, text: $text, first: $first, after: $after) {
                edges { cursor node { id name startsAt venue { name city } priceRange { min { amount } max { amount } }
                                      counts { available held sold } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private JsonNode data(Api.Response response) {
        assertThat(response.body().path("errors").isMissingNode()).as("%s", response.body()).isTrue();
        return response.body().path("data");
    }

    private static List<String> names(JsonNode connection) {
        List<String> names = new java.util.ArrayList<>();
        connection.path("edges").forEach(edge -> names.add(edge.at("/node/name").asText()));
        return names;
    }

    private String eventIn(String city, String name, String startsAt) {
        String admin = api.token("admin");
        String venue = Api.venue("Arena " + name, 2, 3).replace("\"city\":\"Lyon\"", "\"city\":\"" + city + "\"");
        String venueId = api.createVenue(admin, venue);
        String body = "{\"venueId\":\"" + venueId + "\",\"name\":\"" + name + "\",\"startsAt\":\"" + startsAt + "\","
                + "\"prices\":{\"FLOOR\":{\"amount\":\"30.00\",\"currency\":\"EUR\"}}}";
        return api.post("/api/events", admin, body).text("eventId");
    }

    @Test
    void eventsAreFilteredAndPagedByCursorWithoutAToken() {
        String city = "Testville-" + UUID.randomUUID();
        eventIn(city, "Opening night", "2031-01-01T20:00:00Z");
        eventIn(city, "Second night", "2031-01-02T20:00:00Z");
        String last = eventIn(city, "Closing night", "2031-01-03T20:00:00Z");
        await().atMost(Duration.ofSeconds(10)).until(() -> data(api.graphql(null, EVENTS, Map.of("city", city)))
                .at("/events/edges").size() == 3);

        JsonNode firstPage = data(api.graphql(null, EVENTS, Map.of("city", city, "first", 2))).path("events");
        JsonNode secondPage = data(api.graphql(null, EVENTS, Map.of("city", city, "first", 2,
                "after", firstPage.at("/pageInfo/endCursor").asText()))).path("events");

        assertThat(names(firstPage)).containsExactly("Opening night", "Second night");
        assertThat(firstPage.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        assertThat(secondPage.path("edges").findValuesAsText("id")).containsExactly(last);
        assertThat(secondPage.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        JsonNode node = firstPage.at("/edges/0/node");
        assertThat(node.at("/venue/city").asText()).isEqualTo(city);
        assertThat(node.at("/priceRange/min/amount").asText()).isEqualTo("30.00");
        assertThat(node.at("/counts/available").asInt()).isEqualTo(6);
        assertThat(data(api.graphql(null, EVENTS, Map.of("city", city, "text", "closing"))).at("/events/edges"))
                .hasSize(1);
        assertThat(names(data(api.graphql(null, EVENTS, Map.of("city", city, "from", "2031-01-02T00:00:00Z",
                "to", "2031-01-03T00:00:00Z"))).path("events"))).containsExactly("Second night");
    }

    @Test
    void anEventShowsItsVenueSeatsAndCountsAsTheyChange() {
        String eventId = eventIn("Lyon", "Seat map night", "2031-02-01T20:00:00Z");
        api.reserve(api.token("graph-fan"), eventId, List.of("A-1-1", "A-2-3"));
        String query = """
                query($id: ID!) { event(id: $id) {
                  name prices { category price { amount currency } } counts { available held sold }
                  venue { seatCount sections { id category seatCount } }
                  seats(section: "A") { id section row number x y category price { amount } status heldUntil } } }""";

        await().atMost(Duration.ofSeconds(10)).until(() ->
                data(api.graphql(null, query, Map.of("id", eventId))).at("/event/counts/held").asInt() == 2);
        JsonNode event = data(api.graphql(null, query, Map.of("id", eventId))).path("event");

        assertThat(event.at("/counts/available").asInt()).isEqualTo(4);
        assertThat(event.at("/venue/sections/0/seatCount").asInt()).isEqualTo(6);
        assertThat(event.path("seats")).hasSize(6);
        JsonNode seat = event.at("/seats/5");
        assertThat(seat.path("id").asText()).isEqualTo("A-2-3");
        assertThat(seat.path("status").asText()).isEqualTo("HELD");
        assertThat(seat.path("heldUntil").asText()).isNotBlank();
        assertThat(seat.path("x").asDouble()).isEqualTo(6.0);
        assertThat(seat.at("/price/amount").asText()).isEqualTo("30.00");
        assertThat(event.at("/seats/1/status").asText()).isEqualTo("AVAILABLE");
        JsonNode seatMap = data(api.graphql(null, "query($id: ID!) { event(id: $id) { seatMap } }",
                Map.of("id", eventId))).at("/event/seatMap");
        assertThat(seatMap.path("seatIds").toString())
                .isEqualTo("[\"A-1-1\",\"A-1-2\",\"A-1-3\",\"A-2-1\",\"A-2-2\",\"A-2-3\"]");
        assertThat(seatMap.path("status").asText()).isEqualTo("HAAAAH");
        assertThat(seatMap.path("x").get(5).asDouble()).isEqualTo(6.0);
        assertThat(seatMap.path("categories").get(0).asText()).isEqualTo("FLOOR");
        assertThat(data(api.graphql(null, "query($id: ID!) { event(id: $id) { name } }", Map.of("id", "nope")))
                .path("event").isNull()).isTrue();
        assertThat(data(api.graphql(null, "query($id: ID!) { venue(id: $id) { name seatCount } }",
                Map.of("id", "nope"))).path("venue").isNull()).isTrue();
    }

    @Test
    void fansSeeTheirOwnReservationsWithTickets() {
        String eventId = eventIn("Lyon", "Ticket night", "2031-03-01T20:00:00Z");
        String fan = api.token("graph-buyer");
        String reservationId = api.reserve(fan, eventId, List.of("A-1-2")).text("reservationId");
        Gateway gateway = new Gateway(api, context);
        gateway.click(gateway.checkout(fan, reservationId), "succeed");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "CONFIRMED".equals(api.get("/api/reservations/" + reservationId, fan).text("status")));
        String mine = "{ myReservations { id status amount { amount } event { name venue { name } } "
                + "tickets { seatId code } } }";
        String one = "query($id: ID!) { reservation(id: $id) { id status seatIds expiresAt } }";

        await().atMost(Duration.ofSeconds(10)).until(() ->
                !data(api.graphql(fan, mine, Map.of())).at("/myReservations/0/event").isNull());
        JsonNode reservations = data(api.graphql(fan, mine, Map.of())).path("myReservations");

        assertThat(reservations).hasSize(1);
        assertThat(reservations.at("/0/status").asText()).isEqualTo("CONFIRMED");
        assertThat(reservations.at("/0/event/name").asText()).isEqualTo("Ticket night");
        assertThat(reservations.at("/0/tickets/0/code").asText()).startsWith("BO1.");
        assertThat(data(api.graphql(fan, one, Map.of("id", reservationId))).at("/reservation/seatIds/0").asText())
                .isEqualTo("A-1-2");
        assertThat(data(api.graphql(api.token("auditor"), one, Map.of("id", reservationId))).path("reservation")
                .isNull()).isFalse();
        assertThat(data(api.graphql(api.token("nosy-fan"), one, Map.of("id", reservationId))).path("reservation")
                .isNull()).isTrue();
        assertThat(api.graphql(null, mine, Map.of()).body().at("/errors/0/extensions/classification").asText())
                .isIn("UNAUTHORIZED", "FORBIDDEN");
    }

    @Test
    void badArgumentsAreTheClientsError() {
        JsonNode tooMany = api.graphql(null, EVENTS, Map.of("first", 1000)).body();
        JsonNode notADate = api.graphql(null, EVENTS, Map.of("from", "tomorrow")).body();
        JsonNode notACursor = api.graphql(null, EVENTS, Map.of("after", "???")).body();

        assertThat(tooMany.at("/errors/0/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(tooMany.at("/errors/0/message").asText()).contains("between 1 and 100");
        assertThat(notADate.at("/errors/0/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(notACursor.at("/errors/0/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
    }
}
