package io.boxoffice.api.catalog;

/**
 * An event's virtual waiting room: fans queue and are let into the reservation flow at most
 * {@code admissionsPerSecond} a second (null: no rate limit) and never more than {@code maxFansInFlow} at once.
 */
public record WaitingRoomPolicy(Integer admissionsPerSecond, int maxFansInFlow) {

    public WaitingRoomPolicy {
        if (admissionsPerSecond != null && admissionsPerSecond < 1) {
            throw new IllegalArgumentException("admissionsPerSecond must be positive");
        }
        if (maxFansInFlow < 1) {
            throw new IllegalArgumentException("maxFansInFlow must be positive");
        }
    }
}
