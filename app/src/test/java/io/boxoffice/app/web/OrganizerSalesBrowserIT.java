package io.boxoffice.app.web;

import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organizer's day from the browser: a venue built in the editor, an event whose sales open later, opened early,
 * paused (a fan is refused in words) and resumed, and the sales per section following a fan who buys.
 */
class OrganizerSalesBrowserIT extends ApplicationTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static void setValue(Browser browser, String css, String value) {
        browser.js("const field = document.querySelector(arguments[0]); field.value = arguments[1]; "
                + "field.dispatchEvent(new Event('input', {bubbles: true}));", css, value);
    }

    @Test
    void anOrganizerBuildsAVenueSellsAnEventPausesAndResumesItsSalesAndFollowsThemAsAFanBuys() {
        try (Browser organizer = Browser.open(port); Browser fan = Browser.open(port)) {
            organizer.signIn("admin", TestServers.ADMIN_PASSWORD);
            organizer.go("#/organizer/venues/new");
            organizer.type("form.venue-editor input[name=name]", "Quay Theatre");
            organizer.type("form.venue-editor input[name=city]", "Nantes");
            new Select(organizer.element("select[name=timeZone]")).selectByValue("Europe/Paris");
            organizer.click("input[name=hasStage]");
            setValue(organizer, ".section-editor input[name=rows]", "3");
            setValue(organizer, ".section-editor input[name=seatsPerRow]", "8");
            new Select(organizer.element(".section-editor select[name=shape]")).selectByValue("arc");
            setValue(organizer, ".section-editor input[name=category]", "STALLS");
            organizer.waitForText(".venue-preview figcaption", "24 seats in 1 section(s)");
            organizer.screenshot("venue-editor");
            // the server's refusal, in words beside the field it is about
            setValue(organizer, "input[name=stageWidth]", "-5");
            organizer.click("form.venue-editor button[type=submit]");
            organizer.waitForText(".field-error[data-field=stage]", "the width");
            setValue(organizer, "input[name=stageWidth]", "20");
            organizer.click("form.venue-editor button[type=submit]");
            organizer.waitForText(".done", "Venue Quay Theatre created.");

            organizer.click(".done a");
            organizer.waitUntil(driver -> organizer.text("select[name=venueId] option:checked").startsWith("Quay"));
            assertThat(organizer.text("label .zoned")).isEqualTo("Starts at (Europe/Paris)");
            organizer.type("form.organizer input[name=name]", "Quay Jazz");
            LocalDateTime inParis = LocalDateTime.now(PARIS).truncatedTo(ChronoUnit.MINUTES);
            setValue(organizer, "input[name=startsAt]", inParis.minusDays(1).format(LOCAL));
            organizer.type("input[name='price:STALLS']", "25");
            organizer.click("form.organizer button[type=submit]");
            organizer.waitForText(".field-error[data-field=startsAt]", "The event must start in the future.");
            // years ahead, as every test's own event: the demo events are the only ones in the next two months
            setValue(organizer, "input[name=startsAt]", inParis.plusYears(4).format(LOCAL));
            setValue(organizer, "input[name=salesStartAt]", inParis.plusDays(7).format(LOCAL));
            organizer.click("form.organizer button[type=submit]");
            organizer.waitForText(".done", "Event created.");
            assertThat(organizer.element("form.organizer input[name=name]").getAttribute("value"))
                    .as("the form is ready for the next event").isEmpty();

            organizer.click(".done a[href^='#/organizer/events/']");
            organizer.waitForText(".sales-state", "Sales not open yet");
            String eventId = organizer.currentUrl().replaceAll(".*#/organizer/events/", "");
            organizer.click("button.open");
            organizer.waitForText(".sales-state", "On sale");

            fan.signUp("quay-fan").openEvent(eventId);
            organizer.click("button.pause");
            organizer.waitForText(".sales-state", "Sales paused");
            fan.clickSeat("A-1-4");
            fan.click(".hold");
            fan.waitForText(".notice", "The organizer has paused sales for a moment, so nothing was held.");

            organizer.click("button.resume");
            organizer.waitForText(".sales-state", "On sale");
            fan.click(".hold");
            fan.waitForText(".hold-timer", "Your seats are held for you");
            organizer.waitUntil(driver -> organizer.text("table.sales tr[data-section=A] td:nth-child(5)").equals("1"));
            fan.click(".pay");
            fan.waitUntil(driver -> fan.currentUrl().contains("/sandbox/checkout/"));
            fan.click("button.pay");
            fan.waitForText(".state", "You are going!");

            organizer.waitUntil(driver -> organizer.text("table.sales tr[data-section=A] td:nth-child(4)").equals("1"));
            assertThat(organizer.text("table.sales tr[data-section=A]")).contains("€25.00");
            assertThat(organizer.text("table.sales tr[data-section=total] td:last-child")).isEqualTo("€25.00");
            assertThat(organizer.elements("table.sales tr[data-section=A] td").get(5).getText()).isEqualTo("23");
            organizer.screenshot("organizer-sales");
            assertThat(organizer.elements(".change-event").get(0).isDisplayed()).isFalse();
        }
    }
}
