package io.boxoffice.app.reservation;

import io.boxoffice.api.seat.ReleaseReason;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A fan's DELETE ends the hold at once: the seats go back on sale, and a second DELETE changes nothing. */
class CancellationIT extends ApplicationTest {

    @Test
    void cancellingReleasesTheSeatsForTheNextFan() {
        String eventId = api.eventWithSeats(4);
        String alice = api.token("cancelling-alice");
        String bob = api.token("waiting-bob");
        Api.Response held = api.reserve(alice, eventId, List.of("A-1-1", "A-1-2"));
        String reservationId = held.text("reservationId");
        assertThat(api.reserve(bob, eventId, List.of("A-1-2")).status()).isEqualTo(409);

        assertThat(api.delete("/api/reservations/" + reservationId, alice).status()).isEqualTo(202);

        api.reservationOnceItIs(reservationId, alice, "CANCELLED");
        assertThat(store.payloads(SeatKey.of(eventId, "A-1-2")))
                .contains(new SeatReleased(eventId, "A-1-2", reservationId, ReleaseReason.CANCELLED));
        // the gate let go of both seats at once (a seat still taken in Redis would be refused there)
        assertThat(api.reserve(bob, eventId, List.of("A-1-1", "A-1-2")).status()).isEqualTo(201);
    }

    @Test
    void cancellingTwiceHasOneEffect() {
        String eventId = api.eventWithSeats(2);
        String alice = api.token("double-cancel");
        String reservationId = api.reserve(alice, eventId, List.of("A-1-1")).text("reservationId");
        assertThat(api.delete("/api/reservations/" + reservationId, alice).status()).isEqualTo(202);
        long events = store.eventCountFor(eventId);

        assertThat(api.delete("/api/reservations/" + reservationId, alice).status()).isEqualTo(202);

        assertThat(store.eventCountFor(eventId)).isEqualTo(events);
    }

    @Test
    void theOwnerAndStaffCanReadAReservationOthersCannot() {
        String eventId = api.eventWithSeats(2);
        String alice = api.token("reading-alice");
        Api.Response held = api.reserve(alice, eventId, List.of("A-1-1", "A-1-2"));
        String path = "/api/reservations/" + held.text("reservationId");

        Api.Response mine = api.get(path, alice);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.text("status")).isEqualTo("HELD");
        assertThat(mine.strings("seatIds")).containsExactly("A-1-1", "A-1-2");
        assertThat(mine.body().at("/amount/amount").asText()).isEqualTo("98.00");
        assertThat(mine.text("expiresAt")).isEqualTo(held.text("expiresAt"));
        assertThat(api.get(path, api.token("admin")).status()).isEqualTo(200);
        assertThat(api.get(path, api.token("auditor")).status()).isEqualTo(200);
        assertThat(api.get(path, api.token("curious-carol")).status()).isEqualTo(404);
    }
}
