package io.boxoffice.command.reservation;

import java.util.List;

/** The request names seats that the event's venue does not have. */
public class UnknownSeatsException extends RuntimeException {

    private final List<String> seatIds;

    public UnknownSeatsException(List<String> seatIds) {
        super("the venue has no seat " + String.join(", ", seatIds));
        this.seatIds = List.copyOf(seatIds);
    }

    public List<String> seatIds() {
        return seatIds;
    }
}
