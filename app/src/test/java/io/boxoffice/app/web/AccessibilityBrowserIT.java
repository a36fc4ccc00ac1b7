package io.boxoffice.app.web;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import io.boxoffice.app.support.Gateway;
import io.boxoffice.app.support.TestServers;
import io.boxoffice.app.support.WaitingRooms;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the front end, in each of the states a fan meets it in, passes axe-core without a serious or critical
 * violation; moving from page to page takes focus to the new page's heading and names the page in the tab's title.
 */
class AccessibilityBrowserIT extends ApplicationTest {

    @Test
    void noPageHasASeriousOrCriticalViolation() {
        String eventId = namedEvent("Accessible Evening");
        String fan = api.token("axe-fan");
        String confirmed = api.reserve(fan, eventId, List.of("A-1-1")).text("reservationId");
        Gateway gateway = new Gateway(api, context);
        gateway.click(gateway.checkout(fan, confirmed), "succeed");
        api.reservationOnceItIs(confirmed, fan, "CONFIRMED", Duration.ofSeconds(20));
        String held = api.reserve(fan, eventId, List.of("A-1-2")).text("reservationId");
        String waitingRoomEventId = new WaitingRooms(api).event(2, 1, null, Instant.now().plusSeconds(600));
        List<String> violations = new ArrayList<>();

        try (Browser browser = Browser.open(port)) {
            browser.go("#/");
            browser.element(".event-card");
            violations.addAll(check(browser, "events"));

            browser.go("#/sign-in");
            browser.element("form.sign-in");
            violations.addAll(check(browser, "sign-in"));

            browser.go("#/sign-up");
            browser.type("input[name=username]", "axe-newcomer");
            browser.type("input[name=password]", "short");
            browser.click("form.sign-in button[type=submit]");
            browser.waitForText(".problem", "A password has 10 to 128 characters");
            violations.addAll(check(browser, "sign-up, password refused"));

            browser.signIn("axe-fan", Api.PASSWORD);
            browser.openEvent(eventId);
            browser.clickSeat("A-2-5");
            browser.waitForText(".chosen", "row 2, seat 5");
            violations.addAll(check(browser, "event with a seat picked, desktop"));
            browser.resize(390, 844);
            browser.waitUntil(driver -> ((Number) browser.js("return innerWidth")).intValue() <= 390);
            violations.addAll(check(browser, "event, phone"));
            browser.resize(1280, 900);

            browser.go("#/reservations/" + held);
            browser.waitForText(".hold-timer", "held for you");
            violations.addAll(check(browser, "reservation, held"));

            browser.go("#/reservations/" + confirmed);
            browser.waitUntil(driver -> browser.elements(".ticket canvas").size() == 1);
            violations.addAll(check(browser, "reservation, confirmed with its ticket"));

            browser.go("#/me");
            browser.waitForText(".my-group", "Tickets");
            violations.addAll(check(browser, "my tickets"));

            browser.go("#/events/" + waitingRoomEventId);
            browser.waitForText(".opening", "Sales open in");
            violations.addAll(check(browser, "waiting room"));

            browser.signOut().signIn("admin", TestServers.ADMIN_PASSWORD);
            browser.go("#/organizer");
            browser.element("form.organizer input[name='price:FLOOR']");
            violations.addAll(check(browser, "organizer"));

            browser.go("#/organizer/venues/new");
            browser.element("form.venue-editor .venue-preview");
            violations.addAll(check(browser, "venue editor"));

            browser.go("#/organizer/events");
            browser.waitForText(".my-events", "Accessible Evening");
            violations.addAll(check(browser, "my events"));

            browser.go("#/organizer/events/" + eventId);
            browser.waitUntil(driver -> !browser.elements("table.sales tr[data-section=A]").isEmpty());
            violations.addAll(check(browser, "an event's sales, house seats and controls"));

            browser.go("#/organizer");
            browser.element("form.organizer input[name='price:FLOOR']");

            // the check itself: a field nobody can name is caught
            browser.js("document.querySelector('form.organizer').append(document.createElement('input'))");
            assertThat(check(browser, "organizer with a field added"))
                    .anyMatch(found -> found.contains("label (critical"));
        }
        assertThat(violations).as("serious or critical accessibility violations:%n%s",
                String.join("\n", violations)).isEmpty();
    }

    @Test
    void goingFromTheEventsToAnEventFocusesItsHeadingAndNamesItInTheTitle() {
        String eventId = namedEvent("Focus Festival");
        try (Browser fan = Browser.open(port)) {
            fan.go("#/");
            fan.waitUntil(driver -> "Events · Boxoffice".equals(driver.getTitle()));
            fan.type("input[name=text]", "Focus Festival");
            fan.click("form.search button[type=submit]");
            fan.waitUntil(driver -> fan.elements(".event-card").size() == 1);
            fan.click(".event-card a[href='#/events/" + eventId + "']");

            fan.waitUntil(driver -> "Focus Festival · Boxoffice".equals(driver.getTitle()));
            assertThat(fan.js("return document.activeElement === document.querySelector('main h1')"))
                    .as("focus on the event's heading, %s", fan.js("return document.activeElement.outerHTML"))
                    .isEqualTo(true);
            assertThat(fan.text("main h1")).isEqualTo("Focus Festival");
            assertThat(fan.element("main h1").getAttribute("tabindex")).isEqualTo("-1");
        }
    }

    /** A new event on sale now at a hall of two rows of eight seats, once fans can find it. */
    private String namedEvent(String name) {
        String admin = api.token("admin");
        String eventId = api.createEvent(admin, api.createVenue(admin, Api.venue("Hall", 2, 8)), name, "");
        api.awaitBrowsable(eventId);
        return eventId;
    }

    /** The page's serious and critical violations, each with its impact and the elements it was found on. */
    private static List<String> check(Browser browser, String page) {
        return browser.seriousAccessibilityViolations().stream().map(rule -> "%s: %s (%s, %s) on %s".formatted(
                page, rule.getId(), rule.getImpact(), rule.getHelp(), rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "))))
                .toList();
    }
}
