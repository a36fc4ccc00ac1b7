package io.boxoffice.app.catalog;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Gateway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * I7: Axon's replay rebuilds the catalog and the fans' reservation view exactly, into the standby generation of
 * their tables, while browsing and fans' reads keep being answered from the serving one; then the views move over.
 */
class ReadModelReplayIT extends ApplicationTest {

    private JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    private List<Map<String, Object>> catalogRows(String eventId, String venueId) {
        return List.of(
                Map.of("venue", jdbc().queryForList("SELECT venue_id, name, city, seat_count, layout::text "
                        + "FROM venue_view WHERE venue_id = ?", venueId)),
                Map.of("event", jdbc().queryForList("SELECT event_id, venue_id, name, starts_at, sales_start_at, "
                        + "prices::text, waiting_room::text, max_tickets_per_fan FROM event_view WHERE event_id = ?",
                        eventId)),
                Map.of("seats", jdbc().queryForList("SELECT * FROM seat_state WHERE event_id = ? ORDER BY seat_id",
                        eventId)));
    }

    private List<Map<String, Object>> reservationRows(String eventId, String except) {
        return List.of(
                Map.of("reservations", jdbc().queryForList("SELECT reservation_id, event_id, user_id, "
                        + "seat_ids::text, status, expires_at, amount, currency, placed_at FROM reservation_view "
                        + "WHERE event_id = ? AND reservation_id <> ? ORDER BY reservation_id", eventId, except)),
                Map.of("tickets", jdbc().queryForList("SELECT * FROM ticket_view WHERE event_id = ? "
                        + "ORDER BY ticket_id", eventId)));
    }

    private String serving(String readModel) {
        return jdbc().queryForObject("SELECT serving FROM read_model_generation WHERE read_model = ?", String.class,
                readModel);
    }

    @Test
    void replaysRebuildExactlyTheSameReadModelsWhileEveryReadIsAnswered() {
        String admin = api.token("admin");
        String venueId = api.createVenue(admin, Api.venue("Replayed hall", 1, 6));
        String eventId = api.createEvent(admin, venueId, "");
        String fan = api.token("replay-fan");
        api.reserve(fan, eventId, List.of("A-1-1", "A-1-2"));
        String bought = api.reserve(fan, eventId, List.of("A-1-3")).text("reservationId");
        String cancelled = api.reserve(fan, eventId, List.of("A-1-4")).text("reservationId");
        api.delete("/api/reservations/" + cancelled, fan);
        Gateway gateway = new Gateway(api, context);
        gateway.click(gateway.checkout(fan, bought), "succeed");
        String availability = "/api/events/" + eventId + "/availability";
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(availability, null).strings("sold").size() == 1
                && api.get(availability, null).strings("held").size() == 2
                && api.get("/api/reservations/" + cancelled, fan).text("status").equals("CANCELLED")
                && api.get("/api/reservations/" + bought, fan).body().path("tickets").size() == 1);
        List<Map<String, Object>> catalogBefore = catalogRows(eventId, venueId);
        List<Map<String, Object>> reservationsBefore = reservationRows(eventId, "");
        String catalogServed = serving("catalog");

        AtomicBoolean replaying = new AtomicBoolean(true);
        List<String> wrongAnswers = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            int reads = 0;
            while (replaying.get()) {
                Api.Response seats = api.get(availability, null);
                if (seats.status() != 200 || !seats.strings("sold").equals(List.of("A-1-3"))) {
                    wrongAnswers.add("availability " + seats.status() + " " + seats.body());
                }
                Api.Response mine = api.get("/api/reservations/" + bought, fan);
                if (mine.status() != 200 || !mine.text("status").equals("CONFIRMED")
                        || mine.body().path("tickets").size() != 1) {
                    wrongAnswers.add("reservation " + mine.status() + " " + mine.body());
                }
                reads++;
            }
            return reads;
        });
        CompletableFuture<Api.Response> catalogReplay = CompletableFuture.supplyAsync(() ->
                api.post("/api/admin/read-models/catalog/replay", admin, null));
        String duringReplay = api.reserve(fan, eventId, List.of("A-1-5")).text("reservationId");
        Api.Response catalogReplayed = catalogReplay.join();
        Api.Response reservationsReplayed = api.post("/api/admin/read-models/reservations/replay", admin, null);
        replaying.set(false);

        assertThat(catalogReplayed.status()).as("%s", catalogReplayed.body()).isEqualTo(200);
        assertThat(catalogReplayed.text("serving")).isNotEqualTo(catalogServed).isEqualTo(serving("catalog"));
        assertThat(reservationsReplayed.status()).as("%s", reservationsReplayed.body()).isEqualTo(200);
        int reads = reader.join();
        assertThat(reads).as("reads answered during the replays").isPositive();
        assertThat(wrongAnswers).as("reads during the replays").isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.get(availability, null).strings("held"))
                    .as("a hold placed while the catalog replayed").contains("A-1-5");
            assertThat(api.get("/api/reservations/" + duringReplay, fan).text("status")).isEqualTo("HELD");
        });
        api.delete("/api/reservations/" + duringReplay, fan);
        await().atMost(Duration.ofSeconds(10)).until(() -> !api.get(availability, null).strings("held")
                .contains("A-1-5") && api.get("/api/reservations/" + duringReplay, fan).text("status")
                .equals("CANCELLED"));
        assertThat(catalogRows(eventId, venueId)).isEqualTo(catalogBefore);
        assertThat(reservationRows(eventId, duringReplay)).isEqualTo(reservationsBefore);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM seat_state_" + serving("catalog").toLowerCase()
                + " WHERE event_id = ?", Integer.class, eventId)).as("rows of the new generation's own table")
                .isEqualTo(3);

        Api.Response back = api.post("/api/admin/read-models/catalog/replay", admin, null);
        assertThat(back.text("serving")).as("the generations take turns").isEqualTo(catalogServed);
        assertThat(catalogRows(eventId, venueId)).isEqualTo(catalogBefore);
        assertThat(api.post("/api/admin/read-models/catalog/replay", fan, null).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/read-models/no-such-model/replay", admin, null).text("type"))
                .isEqualTo("/problems/no-read-model");
        System.out.printf("Read model replays: %s %s %s; %d reads answered meanwhile%n", catalogReplayed.body(),
                reservationsReplayed.body(), back.body(), reads);
    }
}
