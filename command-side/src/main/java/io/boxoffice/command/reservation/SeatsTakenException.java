package io.boxoffice.command.reservation;

import java.util.List;

/** The answer a fan gets when some requested seats are held or sold: none of the request was held. */
public class SeatsTakenException extends RuntimeException {

    private final List<String> unavailableSeatIds;

    public SeatsTakenException(List<String> unavailableSeatIds) {
        super("seat(s) " + String.join(", ", unavailableSeatIds) + " are not available");
        this.unavailableSeatIds = List.copyOf(unavailableSeatIds);
    }

    public List<String> unavailableSeatIds() {
        return unavailableSeatIds;
    }
}
