package io.boxoffice.api.catalog;

/**
 * Seats kept for fans who need them: a space for a wheelchair, and the seat beside it for their companion. Until the
 * organizer releases them to general sale, best available offers them only to fans who ask for accessible seating.
 */
public enum SeatAccess {
    WHEELCHAIR, COMPANION
}
