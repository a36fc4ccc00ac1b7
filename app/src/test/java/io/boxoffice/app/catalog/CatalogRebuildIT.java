package io.boxoffice.app.catalog;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Gateway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** I7: replaying the event store rebuilds the catalog read model exactly, while browsing keeps being served. */
class CatalogRebuildIT extends ApplicationTest {

    private List<Map<String, Object>> rows(String eventId, String venueId) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return List.of(
                Map.of("venue", jdbc.queryForList("SELECT venue_id, name, city, seat_count, layout::text "
                        + "FROM venue_view WHERE venue_id = ?", venueId)),
                Map.of("event", jdbc.queryForList("SELECT event_id, venue_id, name, starts_at, sales_start_at, "
                        + "prices::text FROM event_view WHERE event_id = ?", eventId)),
                Map.of("seats", jdbc.queryForList("SELECT * FROM seat_state WHERE event_id = ? ORDER BY seat_id",
                        eventId)));
    }

    @Test
    void aRebuildGivesExactlyTheSameReadModelAndTheProjectionCarriesOnAfterIt() {
        String admin = api.token("admin");
        String venueId = api.createVenue(admin, Api.venue("Rebuilt hall", 1, 6));
        String eventId = api.createEvent(admin, venueId, "");
        String fan = api.token("rebuild-fan");
        api.reserve(fan, eventId, List.of("A-1-1", "A-1-2"));
        String bought = api.reserve(fan, eventId, List.of("A-1-3")).text("reservationId");
        String cancelled = api.reserve(fan, eventId, List.of("A-1-4")).text("reservationId");
        api.delete("/api/reservations/" + cancelled, fan);
        Gateway gateway = new Gateway(api, context);
        gateway.click(gateway.checkout(fan, bought), "succeed");
        String availability = "/api/events/" + eventId + "/availability";
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(availability, null).strings("sold").size() == 1
                && api.get(availability, null).strings("held").size() == 2);
        List<Map<String, Object>> before = rows(eventId, venueId);

        Api.Response rebuilt = api.post("/api/admin/projections/catalog/rebuild", admin, null);

        assertThat(rebuilt.status()).as("%s", rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.body().path("eventsReplayed").asLong()).isPositive();
        assertThat(rows(eventId, venueId)).isEqualTo(before);
        api.reserve(fan, eventId, List.of("A-1-6"));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(availability, null).strings("held").contains("A-1-6"));
        assertThat(api.post("/api/admin/projections/catalog/rebuild", fan, null).status()).isEqualTo(403);
        System.out.printf("Catalog rebuild: %s%n", rebuilt.body());
    }
}
