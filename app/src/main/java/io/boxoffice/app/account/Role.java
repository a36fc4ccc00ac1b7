package io.boxoffice.app.account;

/**
 * What an account may do beyond being a fan. Every account is a FAN; the others are granted by an administrator,
 * never chosen at sign-up.
 */
public enum Role {
    FAN,
    /** Organizers: venues, events, operations. */
    ADMIN,
    /** Reads any reservation and replays the event store. */
    AUDITOR,
    /** Checks tickets in at the door. */
    SCANNER
}
