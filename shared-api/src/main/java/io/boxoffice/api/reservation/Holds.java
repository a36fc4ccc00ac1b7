package io.boxoffice.api.reservation;

/** The hold window both sides agree on: the command side grants holds this long, the auditors check they were. */
public final class Holds {

    /** How long a hold lasts unless {@code boxoffice.hold-duration} says otherwise (the spec's 10 minutes). */
    public static final String DEFAULT_DURATION = "PT10M";

    private Holds() {
    }
}
