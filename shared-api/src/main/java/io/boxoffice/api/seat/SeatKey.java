package io.boxoffice.api.seat;

/** The identifier of a Seat aggregate: one aggregate per seat of an event. */
public final class SeatKey {

    private SeatKey() {
    }

    public static String of(String eventId, String seatId) {
        return eventId + "/" + seatId;
    }
}
