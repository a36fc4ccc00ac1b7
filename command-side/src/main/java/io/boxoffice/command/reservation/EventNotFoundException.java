package io.boxoffice.command.reservation;

public class EventNotFoundException extends RuntimeException {

    public EventNotFoundException(String eventId) {
        super("no event " + eventId);
    }
}
