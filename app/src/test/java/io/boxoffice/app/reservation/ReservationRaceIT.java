package io.boxoffice.app.reservation;

import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.SeatRace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.boxoffice.app.support.SeatRace.assertNoSeatHeldTwice;

/** I1/I2 under contention: 64 fans, 10 seats, overlapping multi-seat requests, all at once. */
class ReservationRaceIT extends ApplicationTest {

    private static final List<String> SEATS = SeatRace.seats(10);

    @Test
    void sixtyFourFansRacingForTenSeatsNeverShareASeat() throws Exception {
        String eventId = api.eventWithSeats(SEATS.size());

        List<SeatRace.Attempt> attempts = SeatRace.run(List.of(api), eventId, SEATS, 64, "racer-", 1);

        assertNoSeatHeldTwice(store, eventId, SEATS, attempts);
    }

    @Test
    void repeatedRacesWithDifferentRequestsNeverShareASeat() throws Exception {
        for (long seed = 2; seed <= 4; seed++) {
            String eventId = api.eventWithSeats(SEATS.size());

            List<SeatRace.Attempt> attempts = SeatRace.run(List.of(api), eventId, SEATS, 64, "racer" + seed + "-", seed);

            assertNoSeatHeldTwice(store, eventId, SEATS, attempts);
        }
    }
}
