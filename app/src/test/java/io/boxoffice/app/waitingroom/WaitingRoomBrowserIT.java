package io.boxoffice.app.waitingroom;

import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import io.boxoffice.app.support.WaitingRooms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fans in a real browser: the waiting room shows their place and moves on to the seat map when they are let in. */
class WaitingRoomBrowserIT extends ApplicationTest {

    @Test
    void aQueuedFanSeesTheirPlaceAndReachesTheSeatMapWhenLetIn() {
        String eventId = new WaitingRooms(api).event(2, 1, null, null);
        try (Browser first = Browser.open(port); Browser second = Browser.open(port);
             Browser third = Browser.open(port)) {
            first.signUp("room-first").openEvent(eventId);
            assertThat(first.text(".hint")).contains("It is your turn");

            second.signUp("room-second").go("#/events/" + eventId);
            second.waitForText(".position", "Your number: 2 · 0 fans ahead of you");
            assertThat(second.elements("seat-map")).as("no map while in line").isEmpty();

            first.clickSeat("A-1-1");
            first.click(".hold");
            first.waitUntil(driver -> first.currentUrl().contains("#/reservations/"));

            // no reload: the second fan's page moves on to the map by itself, and the seat they want is free
            second.waitUntil(driver -> !second.elements("seat-map[data-complete]").isEmpty());
            second.clickSeat("A-1-2");
            second.click(".hold");
            second.waitUntil(driver -> second.currentUrl().contains("#/reservations/"));

            third.signUp("room-third").go("#/events/" + eventId);
            third.waitForText(".waiting-state", "All remaining seats are on hold by other fans right now.");
            assertThat(third.text(".position")).contains("Your number: 3 · 0 fans ahead of you");
            third.screenshot("waiting-room");
        }
    }
}
