package io.boxoffice.command.reservation;

import java.util.List;

/**
 * What a fan is told when some requested seats are held or sold, whether the gate or the seats said so: none of the
 * request was held (409 {@code /problems/seats-unavailable}).
 */
public class ReservationRefusedException extends RuntimeException {

    private final List<String> unavailableSeatIds;

    public ReservationRefusedException(List<String> unavailableSeatIds) {
        super("seat(s) " + String.join(", ", unavailableSeatIds) + " are not available");
        this.unavailableSeatIds = List.copyOf(unavailableSeatIds);
    }

    public List<String> unavailableSeatIds() {
        return unavailableSeatIds;
    }
}
