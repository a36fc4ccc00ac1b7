package io.boxoffice.app.demo;

import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo data in a real browser: the events list, the 22,192-seat arena's map (how fast it draws, measured in
 * the browser) and the theatre on a phone. Saves the screenshots the README shows.
 */
class DemoArenaBrowserIT extends ApplicationTest {

    private static final Path FIGURES = Path.of("target", "browser-performance.txt");

    @BeforeEach
    void demoData() {
        context.getBean(DemoData.class).createOnce();
        for (String eventId : List.of(DemoData.HAMLET_ID, DemoData.NORTHERN_LIGHTS_ID)) {
            await().until(() -> !api.graphql(null, "query($id: ID!) { event(id: $id) { id } }",
                    Map.of("id", eventId)).body().at("/data/event").isNull());
        }
    }

    @Test
    void theEventsListFindsTheDemoEvents() {
        try (Browser fan = Browser.open(port)) {
            fan.go("#/");
            fan.waitForText(".event-list", "Northern Lights Tour");
            // the demo events are 30 and 60 days ahead; the tests' own events are years later
            fan.js("document.querySelector('input[name=to]').value = arguments[0]",
                    LocalDate.now(ZoneOffset.UTC).plusDays(61).toString());
            fan.click(".search button[type=submit]");
            fan.waitUntil(driver -> fan.elements(".event-card").size() == 2);
            assertThat(fan.text(".event-list")).contains("Hamlet", "Théâtre des Célestins, Lyon", "500 seats left",
                    "Northern Lights Tour", "Northside Arena, Manchester", "22,192 seats left", "45.00–89.00 EUR");
            fan.screenshot("events");
        }
    }

    @Test
    void theArenaMapDrawsAndStaysSmoothWhilePannedAndZoomed() throws IOException {
        List<String> figures = new ArrayList<>();
        try (Browser fan = Browser.open(port)) {
            // first visit: nothing cached; then reloads, with the layout and scripts from the browser's cache
            for (int visit = 1; visit <= 4; visit++) {
                if (visit == 1) {
                    fan.openEvent(DemoData.NORTHERN_LIGHTS_ID);
                } else {
                    fan.js("location.reload()");
                    fan.waitUntil(driver -> !fan.elements("seat-map[data-complete]").isEmpty());
                }
                double complete = ((Number) fan.js(
                        "return performance.getEntriesByName('seatmap:complete')[0].startTime")).doubleValue();
                figures.add("navigation to first complete draw, visit %d (%s): %.0f ms".formatted(visit,
                        visit == 1 ? "empty cache" : "cached layout and scripts", complete));
            }
            assertThat(fan.text(".legend")).contains("FLOOR 89.00 EUR", "LOWER 69.00 EUR", "UPPER 45.00 EUR",
                    "On hold", "Sold", "Your selection");
            fan.screenshot("arena-seat-map");

            WebElement canvas = fan.element("seat-map canvas");
            fan.js("""
                    performance.clearMeasures('seatmap:draw');
                    window.frameGaps = [];
                    let last = performance.now();
                    const frame = now => { frameGaps.push(now - last); last = now;
                        if (frameGaps.length < 5000) requestAnimationFrame(frame); };
                    requestAnimationFrame(frame);""");
            Actions pan = fan.actions().moveToElement(canvas).clickAndHold();
            for (int step = 0; step < 60; step++) {
                pan.moveByOffset(step < 30 ? 6 : -6, step % 2 == 0 ? 3 : -3);
            }
            pan.release().perform();
            for (int step = 0; step < 24; step++) {
                fan.actions().scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(canvas), 0,
                        step < 16 ? -120 : 120).perform();
            }
            List<Double> draws = numbers(fan.js(
                    "return performance.getEntriesByName('seatmap:draw').map(entry => entry.duration)"));
            List<Double> gaps = numbers(fan.js("return frameGaps.slice(1)"));
            assertThat(draws).as("the map redraws as it is panned and zoomed").hasSizeGreaterThan(20);
            figures.add("draw time per frame while panning and zooming (%d frames): %s".formatted(draws.size(),
                    percentiles(draws)));
            figures.add("time between animation frames meanwhile (%d frames): %s".formatted(gaps.size(),
                    percentiles(gaps)));

            fan.clickSeat("F1-5-10");
            assertThat(fan.seatSelected("F1-5-10")).isTrue();
            fan.screenshot("arena-seat-map-zoomed");
        }
        Files.createDirectories(FIGURES.getParent());
        Files.write(FIGURES, figures);
        figures.forEach(System.out::println);
    }

    @Test
    void theTheatreWorksOnAPhoneSizedScreen() {
        try (Browser fan = Browser.open(port)) {
            fan.resize(390, 844);
            fan.openEvent(DemoData.HAMLET_ID);
            assertThat((Boolean) fan.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing wider than the phone").isTrue();
            int mapBottom = fan.element("seat-map").getRect().getY() + fan.element("seat-map").getRect().getHeight();
            assertThat(fan.element(".panel").getRect().getY()).as("the panel goes below the map")
                    .isGreaterThanOrEqualTo(mapBottom);
            fan.clickSeat("STALLS-A-8");
            assertThat(fan.text(".chosen")).contains("Stalls, row A, seat 8");
            fan.click("[data-zoom=fit]");
            fan.screenshot("phone-seat-map");

            // 22,192 seats on a phone: sections as shapes until the fan zooms in
            fan.openEvent(DemoData.NORTHERN_LIGHTS_ID);
            assertThat(fan.element("seat-map").getDomAttribute("data-detail")).isEqualTo("sections");
            fan.screenshot("phone-arena-sections");
            for (int zoom = 0; zoom < 4; zoom++) {
                fan.click("[data-zoom=in]");
            }
            fan.waitUntil(driver -> "seats".equals(fan.element("seat-map").getDomAttribute("data-detail")));
        }
    }

    private static List<Double> numbers(Object values) {
        return ((List<?>) values).stream().map(value -> ((Number) value).doubleValue()).sorted().toList();
    }

    private static String percentiles(List<Double> sorted) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.95))),
                sorted.get(sorted.size() - 1));
    }
}
