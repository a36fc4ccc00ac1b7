package io.boxoffice.query.replay;

/**
 * One of the two sets of tables a read model is kept in: one serves readers while the other can be replayed from the
 * first event, then they swap (blue/green).
 */
public enum Generation {
    BLUE, GREEN;

    public Generation other() {
        return this == BLUE ? GREEN : BLUE;
    }

    /** The suffix of this generation's tables, {@code seat_state_green}: readers use the view without it. */
    public String tableSuffix() {
        return "_" + name().toLowerCase();
    }
}
