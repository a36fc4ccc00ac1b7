package io.boxoffice.app.catalog;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stadium of 80,000 seats is accepted, an event on it is created without creating 80,000 of anything, and its
 * seats can be reserved. The timings are printed for the record, not asserted: speed is shown by benchmarks.
 */
class LargeVenueIT extends ApplicationTest {

    @Test
    void aStadiumOfEightyThousandSeatsIsOnSaleInSeconds() {
        String admin = api.token("admin");
        String stadium = stadium(40, 40, 50);

        long start = System.nanoTime();
        String venueId = api.createVenue(admin, stadium);
        long venueCreated = System.nanoTime();
        String eventId = api.createEvent(admin, venueId, "");
        long eventCreated = System.nanoTime();
        Api.Response first = api.reserve(api.token("stadium-fan"), eventId, List.of("S40-40-49", "S40-40-50"));
        long firstHold = System.nanoTime();

        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        assertThat(first.body().at("/amount/amount").asText()).isEqualTo("98.00");
        assertThat(api.reserve(api.token("stadium-fan-2"), eventId, List.of("S40-41-1")).status()).isEqualTo(400);
        System.out.printf("80,000-seat venue: %.0f KiB of JSON; venue created in %d ms, event in %d ms, "
                        + "first hold (reads the layout) in %d ms%n", stadium.length() / 1024.0,
                (venueCreated - start) / 1_000_000, (eventCreated - venueCreated) / 1_000_000,
                (firstHold - eventCreated) / 1_000_000);

        // one section's seats as objects (a whole stadium's are only given as a seat map: see GraphQlLimitsIT)
        String section = "query($id: ID!) { event(id: $id) { counts { held } "
                + "seats(section: \"S40\") { id x y status price { amount } } } }";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.graphql(null, section, Map.of("id", eventId)).body()
                .at("/data/event/counts/held").asInt() == 2);
        long[] millis = new long[3];
        Api.Response seats = null;
        for (int i = 0; i < millis.length; i++) {
            long before = System.nanoTime();
            seats = api.graphql(null, section, Map.of("id", eventId));
            millis[i] = (System.nanoTime() - before) / 1_000_000;
        }
        assertThat(seats.body().at("/data/event/seats")).hasSize(2_000);
        assertThat(seats.body().at("/data/event/seats/1999/status").asText()).isEqualTo("HELD");
        String columns = "query($id: ID!) { event(id: $id) { prices { category price { amount } } seatMap } }";
        long[] columnMillis = new long[3];
        Api.Response columnar = null;
        for (int i = 0; i < columnMillis.length; i++) {
            long before = System.nanoTime();
            columnar = api.graphql(null, columns, Map.of("id", eventId));
            columnMillis[i] = (System.nanoTime() - before) / 1_000_000;
        }
        String status = columnar.body().at("/data/event/seatMap/status").asText();
        assertThat(status).hasSize(80_000).endsWith("HH");
        assertThat(status.chars().filter(c -> c == 'A').count()).isEqualTo(79_998);
        System.out.printf("80,000-seat map over GraphQL as columns (seatMap): %d, %d, %d ms (3 runs)%n",
                columnMillis[0], columnMillis[1], columnMillis[2]);
        long layoutStart = System.nanoTime();
        String layout = api.text("/api/venues/" + venueId);
        long layoutMillis = (System.nanoTime() - layoutStart) / 1_000_000;
        assertThat(layout).contains("\"seatCount\":80000");
        String availability = api.text("/api/events/" + eventId + "/availability");
        System.out.printf("80,000-seat layout over REST (what the seat map draws from): %d ms, %d KiB%n",
                layoutMillis, layout.length() / 1024);
        System.out.printf("One 2,000-seat section as seat objects over GraphQL: %d, %d, %d ms (3 runs); "
                + "availability payload %d bytes%n", millis[0], millis[1], millis[2], availability.length());
    }

    /** {@code sections} sections S1.. of {@code rows} rows of {@code seats} seats, all category FLOOR. */
    private static String stadium(int sections, int rows, int seats) {
        StringBuilder json = new StringBuilder("{\"name\":\"Stadium\",\"city\":\"Paris\",\"sections\":[");
        for (int s = 1; s <= sections; s++) {
            json.append(s > 1 ? "," : "").append("{\"id\":\"S").append(s).append("\",\"name\":\"Section ").append(s)
                    .append("\",\"category\":\"FLOOR\",\"rows\":[");
            for (int r = 1; r <= rows; r++) {
                json.append(r > 1 ? "," : "").append("{\"label\":\"").append(r).append("\",\"seats\":[");
                for (int n = 1; n <= seats; n++) {
                    json.append(n > 1 ? "," : "").append("{\"number\":\"").append(n).append("\",\"x\":")
                            .append(s * 60 + n).append(",\"y\":").append(r).append('}');
                }
                json.append("]}");
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }
}
