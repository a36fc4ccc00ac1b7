package io.boxoffice.command.reservation;

/** The event has a waiting room and the request carries no valid admission token for this fan and event. */
public class AdmissionRequiredException extends RuntimeException {

    public AdmissionRequiredException(String eventId) {
        super("event " + eventId + " has a waiting room: join it at /api/events/" + eventId
                + "/waiting-room and reserve with the admission token it gives, in the Admission-Token header");
    }
}
