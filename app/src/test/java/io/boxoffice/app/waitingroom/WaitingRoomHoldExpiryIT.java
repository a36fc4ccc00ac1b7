package io.boxoffice.app.waitingroom;

import io.boxoffice.app.support.PaymentTest;
import io.boxoffice.app.support.WaitingRooms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With 2-second holds: when the only seat's hold runs out, the waiting room lets the next fan in. */
class WaitingRoomHoldExpiryIT extends PaymentTest {

    @Test
    void admissionResumesWhenHoldsEnd() {
        WaitingRooms rooms = new WaitingRooms(api);
        String eventId = rooms.event(1, 5, null, null);
        String first = api.token("expiry-first");
        String second = api.token("expiry-second");
        rooms.join(first, eventId);
        rooms.join(second, eventId);
        assertThat(rooms.reserve(first, eventId, "A-1-1", rooms.admissionToken(first, eventId)).status())
                .isEqualTo(201);
        assertThat(rooms.state(second, eventId)).isEqualTo("QUEUED");

        // the hold ends unpaid, the seat is free again, the next fan is let in and takes it
        String token = rooms.admissionToken(second, eventId);
        await().until(() -> rooms.reserve(second, eventId, "A-1-1", token).status() == 201);
    }
}
