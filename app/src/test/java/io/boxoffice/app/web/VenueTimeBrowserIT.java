package io.boxoffice.app.web;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Times are the venue's: a fan abroad reads the show's time as the venue's clock shows it, with its zone. */
class VenueTimeBrowserIT extends ApplicationTest {

    @Test
    void aViewerInNewYorkSeesTheLyonShowAtNinePmCentralEuropeanTime() {
        String admin = api.token("admin");
        String venueId = api.createVenue(admin, Api.venue("Opéra de Lyon", 1, 4)
                .replaceFirst("\\{", "{\"timeZone\":\"Europe/Paris\","));
        String lyonShow = eventAt(admin, venueId, "Carmen in Lyon", "2030-01-15T20:00:00Z");

        try (Browser newYorker = Browser.open(port).inTimeZone("America/New_York")) {
            newYorker.openEvent(lyonShow);
            newYorker.waitForText(".event-when", "9:00 PM CET");
            assertThat(newYorker.js("return new Date('2030-01-15T20:00:00Z').getHours()"))
                    .as("the viewer's own clock is New York's: 3 PM there").isEqualTo(15L);
            assertThat(newYorker.text(".event-when")).contains("Jan 15, 2030");

            newYorker.go("#/");
            newYorker.type("form.search input[name=text]", "Carmen in Lyon");
            newYorker.click("form.search button[type=submit]");
            newYorker.waitUntil(driver -> newYorker.elements(".event-card").size() == 1);
            assertThat(newYorker.text("main")).contains("9:00 PM CET");
        }
    }

    private String eventAt(String admin, String venueId, String name, String startsAt) {
        Api.Response created = api.post("/api/events", admin, """
                {"venueId":"%s","name":"%s","startsAt":"%s","prices":{"FLOOR":{"amount":"80.00","currency":"EUR"}}}"""
                .formatted(venueId, name, startsAt));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.text("eventId");
    }
}
