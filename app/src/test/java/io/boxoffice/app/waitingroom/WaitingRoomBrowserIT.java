package io.boxoffice.app.waitingroom;

import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import io.boxoffice.app.support.WaitingRooms;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fans in a real browser: the waiting room counts down to the opening, shows their place and moves on to the seat
 * map when they are let in, where their turn counts down.
 */
class WaitingRoomBrowserIT extends ApplicationTest {

    @Test
    void aQueuedFanSeesTheirPlaceAndReachesTheSeatMapWhenLetIn() {
        String eventId = new WaitingRooms(api).event(2, 1, null, null);
        try (Browser first = Browser.open(port); Browser second = Browser.open(port);
             Browser third = Browser.open(port)) {
            first.signUp("room-first").openEvent(eventId);
            assertThat(first.text(".hint")).contains("It is your turn: hold your seats within");
            int turnLeft = first.secondsLeft(".turn-left");
            first.waitUntil(driver -> first.secondsLeft(".turn-left") < turnLeft);

            second.signUp("room-second").go("#/events/" + eventId);
            // held back only because the first fan fills the event's one place in the flow
            second.waitForText(".position", "Your number: 2 · You're next, waiting for a free place");
            assertThat(second.js("return document.title")).isEqualTo("Waiting room · Test night · Boxoffice");
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
            assertThat(third.text(".position")).contains("Your number: 3 · You're next, waiting for a free seat");
            third.screenshot("waiting-room");
        }
    }

    @Test
    void beforeSalesOpenTheRoomCountsDownToTheOpening() {
        String eventId = new WaitingRooms(api).event(2, 1, null, Instant.now().plusSeconds(300));
        try (Browser fan = Browser.open(port)) {
            fan.signUp("room-early").go("#/events/" + eventId);

            fan.waitForText(".opening", "Sales open in ");
            int left = fan.secondsLeft(".opening-left");
            assertThat(left).isBetween(240, 300);
            fan.waitUntil(driver -> fan.secondsLeft(".opening-left") < left);
            assertThat(fan.text(".waiting-state")).contains("When sales open", "everyone here gets a random place");
            assertThat(fan.text(".position-line")).isEmpty();
        }
    }
}
