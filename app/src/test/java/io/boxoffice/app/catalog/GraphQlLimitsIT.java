package io.boxoffice.app.catalog;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One anonymous GraphQL query of 3 KB asked for 40 seat maps of a 200,000-seat event and got 376 MB: a query now
 * gets one event's seats at most, however it is written, and an error instead of the rest.
 */
class GraphQlLimitsIT extends ApplicationTest {

    @Test
    void fortyAliasedSeatMapsAreRefusedBeforeTheyRun() {
        String eventId = browsableEvent(Api.venue("Alias Hall", 1, 4));
        String aliases = IntStream.range(0, 40).mapToObj(i -> "m" + i + ": seatMap")
                .collect(Collectors.joining(" "));

        Api.Response answer = api.graphql(null, "query($id: ID!) { event(id: $id) { " + aliases + " } }",
                Map.of("id", eventId));

        assertThat(answer.body().path("data").path("event").isMissingNode()
                || answer.body().path("data").isNull()).as("%s", answer.body()).isTrue();
        assertThat(answer.body().at("/errors/0/message").asText()).contains("complexity");
        assertThat(answer.body().toString().length()).isLessThan(2_000);
        assertThat(api.graphql(null, "query($id: ID!) { event(id: $id) { seatMap } }", Map.of("id", eventId))
                .body().at("/data/event/seatMap/seatIds").size()).as("one seat map is fine").isEqualTo(4);
    }

    @Test
    void aPageOfEventsWithTheirSeatsIsRefusedButAPageOfEventsIsNot() {
        browsableEvent(Api.venue("Page Hall", 1, 2));
        Api.Response seatsOfMany = api.graphql(null,
                "{ events(first: 5) { edges { node { seats { id } } } } }", Map.of());
        assertThat(seatsOfMany.body().at("/errors/0/message").asText()).contains("complexity");

        Api.Response page = api.graphql(null, "{ events(first: 100) { edges { cursor node { id name startsAt "
                + "venue { name city } priceRange { min { amount currency } } counts { available held sold } } } "
                + "pageInfo { hasNextPage endCursor } } }", Map.of());
        assertThat(page.body().path("errors").isMissingNode()).as("%s", page.body()).isTrue();
    }

    @Test
    void aQueryDeeperThanAnyOfTheSchemaIsRefused() {
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(20) + "{ name }"
                + " }".repeat(20) + " } } } }";
        assertThat(api.graphql(null, deep, Map.of()).body().at("/errors/0/message").asText())
                .contains("depth");
    }

    @Test
    void seatObjectsOfAVenueLargerThanTenThousandSeatsAreAskedForBySectionOrAsASeatMap() {
        String eventId = browsableEvent(Api.venue("Big Hall", 110, 100));

        Api.Response all = api.graphql(null, "query($id: ID!) { event(id: $id) { seats { id } } }",
                Map.of("id", eventId));
        assertThat(all.body().at("/errors/0/message").asText()).contains("seatMap");
        assertThat(all.body().toString().length()).isLessThan(2_000);

        assertThat(api.graphql(null, "query($id: ID!) { event(id: $id) { seats(section: \"A\") { id } } }",
                Map.of("id", eventId)).body().at("/errors/0/message").asText()).contains("seatMap");
        assertThat(api.graphql(null, "query($id: ID!) { event(id: $id) { seatMap } }", Map.of("id", eventId))
                .body().at("/data/event/seatMap/seatIds").size()).isEqualTo(11_000);
    }

    private String browsableEvent(String venue) {
        String admin = api.token("admin");
        String eventId = api.createEvent(admin, api.createVenue(admin, venue), "");
        await().until(() -> !api.graphql(null, "query($id: ID!) { event(id: $id) { id } }", Map.of("id", eventId))
                .body().at("/data/event").isNull());
        return eventId;
    }
}
