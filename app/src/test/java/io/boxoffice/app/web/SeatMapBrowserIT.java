package io.boxoffice.app.web;

import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Fans on the seat map in real browsers: live availability, refusals in words, the keyboard. */
class SeatMapBrowserIT extends ApplicationTest {

    @Test
    void aSecondFanSeesTheSeatsTheFirstHoldsWithinTwoSecondsAndCannotTakeThem() {
        String eventId = api.eventWithSeats(10);
        try (Browser a = Browser.open(port); Browser b = Browser.open(port)) {
            a.signUp("fan-a").openEvent(eventId);
            b.signUp("fan-b").openEvent(eventId);
            b.clickSeat("A-1-4");
            assertThat(b.seatSelected("A-1-4")).isTrue();

            a.clickSeat("A-1-4");
            a.clickSeat("A-1-5");
            assertThat(a.text(".panel .total")).contains("€98.00");
            a.click(".hold");
            a.waitUntil(driver -> a.currentUrl().contains("#/reservations/"));

            // no reload: the stream brings A's hold to B's map, and takes it out of B's selection with a notice
            await().atMost(Duration.ofSeconds(2)).until(() ->
                    "HELD".equals(b.seatStatus("A-1-4")) && "HELD".equals(b.seatStatus("A-1-5")));
            b.waitForText(".notice", "Floor A, row 1, seat 4 was just taken by someone else");
            assertThat(b.seatSelected("A-1-4")).isFalse();

            b.clickSeat("A-1-5");
            b.waitForText(".notice", "Floor A, row 1, seat 5 is already taken. Please pick another seat.");
            assertThat(b.seatSelected("A-1-5")).isFalse();
            assertThat(b.element(".hold").isEnabled()).isFalse();

            // back on the map, A's seats are drawn as A's own; B sees them as anyone's hold
            a.openEvent(eventId);
            a.waitUntil(driver -> a.seatMine("A-1-4") && a.seatMine("A-1-5"));
            assertThat(b.seatMine("A-1-4")).isFalse();
        }
        assertThat(store.holdsBySeat(eventId, List.of("A-1-4", "A-1-5")).values()).allSatisfy(holders ->
                assertThat(holders).hasSize(1));
    }

    @Test
    void whenTheMapIsBehindTheServerRefusesTheSeatsAndTheFanIsToldInWords() {
        String eventId = api.eventWithSeats(6);
        try (Browser fan = Browser.open(port)) {
            fan.signUp("fan-offline");
            fan.block("*seat-updates*");
            fan.openEvent(eventId);
            fan.waitForText(".live-state", "Live updates paused");
            fan.block("*seat-updates*", "*availability*"); // nothing tells this map what happens next
            fan.clickSeat("A-1-2");
            fan.clickSeat("A-1-3");

            assertThat(api.reserve(api.token("rival"), eventId, List.of("A-1-2")).status()).isEqualTo(201);
            fan.click(".hold");

            fan.waitForText(".notice", "Floor A, row 1, seat 2 was just taken by someone else");
            assertThat(fan.seatStatus("A-1-2")).isEqualTo("HELD");
            assertThat(fan.seatSelected("A-1-3")).isTrue();
            assertThat(fan.currentUrl()).contains("#/events/");
            assertThat(fan.text("main")).doesNotContain("{", "problem", "Exception");
        }
        assertThat(store.holdsBySeat(eventId, List.of("A-1-2", "A-1-3")))
                .containsEntry("A-1-3", List.of())
                .hasEntrySatisfying("A-1-2", holders -> assertThat(holders).hasSize(1));
    }

    @Test
    void aFanSelectsAndHoldsASeatWithTheKeyboardAlone() {
        String eventId = api.eventWithSeats(5);
        try (Browser fan = Browser.open(port)) {
            fan.signUp("fan-keys").openEvent(eventId);
            fan.tabTo(".seat-focus");
            assertThat(fan.element(".seat-focus").getAccessibleName())
                    .isEqualTo("Floor A, row 1, seat 1, €49.00, available");

            fan.actions().sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_RIGHT).perform();
            assertThat(fan.element(".seat-focus").getAccessibleName())
                    .isEqualTo("Floor A, row 1, seat 3, €49.00, available");
            fan.actions().sendKeys(Keys.ENTER).perform();

            assertThat(fan.seatSelected("A-1-3")).isTrue();
            assertThat(fan.element(".seat-focus").getAccessibleName()).endsWith("seat 3, €49.00, selected");
            assertThat(fan.text(".chosen")).contains("Floor A, row 1, seat 3");
            fan.tabTo(".hold");
            fan.actions().sendKeys(Keys.ENTER).perform();
            fan.waitUntil(driver -> fan.currentUrl().contains("#/reservations/"));
            fan.waitForText(".hold-timer", "Your seats are held for you");
        }
    }
}
