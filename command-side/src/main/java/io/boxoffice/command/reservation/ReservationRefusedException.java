package io.boxoffice.command.reservation;

import java.util.Collection;
import java.util.List;

/**
 * What a fan is told when some requested seats are held or sold, whether the gate or the seats said so: none of the
 * request was held (409 {@code /problems/seats-unavailable}).
 */
public class ReservationRefusedException extends RuntimeException {

    private final List<String> unavailableSeatIds;

    /** The seats in sorted order, whoever found them taken (gate, seats, conflict), so fans read one order. */
    public ReservationRefusedException(Collection<String> unavailableSeatIds) {
        this(unavailableSeatIds.stream().sorted().toList());
    }

    private ReservationRefusedException(List<String> sorted) {
        super("seat(s) " + String.join(", ", sorted) + " are not available");
        this.unavailableSeatIds = sorted;
    }

    public List<String> unavailableSeatIds() {
        return unavailableSeatIds;
    }
}
