package io.boxoffice.app.web;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** An organizer creates an event from the browser; a fan cannot. */
class OrganizerBrowserIT extends ApplicationTest {

    @Test
    void anOrganizerCreatesAnEventWithAPricePerCategoryAndFansCanPickItsSeats() {
        String venueId = api.createVenue(api.token("admin"), Api.venue("Organizer Hall", 2, 6));
        try (Browser organizer = Browser.open(port)) {
            organizer.signIn("admin", TestServers.ADMIN_PASSWORD);
            organizer.click("#nav-organizer");
            new Select(organizer.element("select[name=venueId]")).selectByValue(venueId);
            organizer.type("input[name=name]", "Harbour Jazz Night");
            organizer.js("document.querySelector('input[name=startsAt]').value = '2031-07-14T21:00'");
            organizer.type("input[name='price:FLOOR']", "35.5");
            organizer.type("input[name=maxTicketsPerFan]", "4");
            organizer.click("form.organizer button[type=submit]");

            organizer.waitForText(".done", "Event created.");
            organizer.click(".done a[href^='#/events/']");
            organizer.waitUntil(driver -> !organizer.elements("seat-map[data-complete]").isEmpty());
            assertThat(organizer.text("h1")).isEqualTo("Harbour Jazz Night");
            assertThat(organizer.text(".legend")).contains("FLOOR €35.50");
            assertThat(organizer.text(".hint")).as("the fans are told the limit").startsWith("Up to 4 seats per fan.");
            organizer.clickSeat("A-2-6");
            assertThat(organizer.text(".panel .total")).contains("€35.50");
        }
    }

    @Test
    void aFanIsToldThatOnlyOrganizersCreateEvents() {
        try (Browser fan = Browser.open(port)) {
            fan.signUp("fan-curious");
            assertThat(fan.element("#nav-organizer").isDisplayed()).isFalse();
            fan.go("#/organizer");
            fan.waitForText("main", "Only organizers can create events.");
            assertThat(fan.elements("form.organizer")).isEmpty();
        }
    }
}
