package io.boxoffice.app.reservation;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.BoxofficeIntegrationTest;
import io.boxoffice.app.support.EventStoreProbe;
import io.boxoffice.app.support.SeatRace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.List;

import static io.boxoffice.app.support.SeatRace.assertNoSeatHeldTwice;

/** I1/I2 under contention: 64 fans, 10 seats, overlapping multi-seat requests, all at once. */
@BoxofficeIntegrationTest
class ReservationRaceIT {

    private static final List<String> SEATS = SeatRace.seats(10);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private Api api;
    private EventStoreProbe store;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        store = new EventStoreProbe(context);
    }

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
