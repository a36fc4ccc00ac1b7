package io.boxoffice.loadtest;

import java.time.Duration;

/**
 * When a queued fan looks at the line again, as the waiting-room page does (waiting-room.js, {@code nextLook}): every
 * 2 s near the front, less often the further back, a third of the expected wait but at most every 20 s, so that a
 * crowd's line checks stay within what the origin (or the edge) serves however large the crowd.
 */
final class LinePacing {

    private LinePacing() {
    }

    static Duration next(Long place, long nowServing, double admissionsPerSecond) {
        if (place == null || place <= nowServing) {
            return Duration.ofSeconds(2);
        }
        double seconds = (place - nowServing) / Math.max(admissionsPerSecond, 1) / 3;
        return Duration.ofMillis(Math.round(1000 * Math.min(20, Math.max(2, seconds))));
    }
}
