package io.boxoffice.app.demo;

import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.Select;

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
 * the browser; its sections, on a desktop and on a phone; jumping to a section with the keyboard) and the theatre
 * on a phone, with its accessible seating. Saves the screenshots the README shows.
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
                    "Northern Lights Tour", "Northside Arena, Manchester", "22,192 seats left", "€45.00", "€89.00");
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
            assertThat(fan.text(".legend")).contains("FLOOR €89.00", "LOWER €69.00", "UPPER €45.00",
                    "On hold", "Sold", "Your selection", "Held by you");
            // too many seats to tell apart at once: the arena opens on its sections, the stage drawn
            Map<String, Object> opened = fan.seatMap();
            assertThat(opened).containsEntry("detail", "sections").containsEntry("stage", "Stage");
            assertThat(labels(opened, "sectionLabels")).contains("Floor F1 · €89.00 · 900 left")
                    .anySatisfy(label -> assertThat(label).matches("(Section )?2\\d\\d · (€45.00|€45) · \\d+ left"));
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
    void onAPhoneTheArenaOpensOnItsSectionsAndATapZoomsIntoOneWhereAFingerPicksSeatsAndHoldsThem() {
        try (Browser fan = Browser.open(port)) {
            fan.resize(390, 844);
            fan.signUp("fan-on-a-phone").openEvent(DemoData.NORTHERN_LIGHTS_ID);
            Map<String, Object> opened = fan.seatMap();
            assertThat(opened).containsEntry("detail", "sections").containsEntry("stage", "Stage");
            // little room per section on a phone: short forms, and no more lines than fit; the jump list says all
            assertThat(labels(opened, "sectionLabels"))
                    .anySatisfy(label -> assertThat(label).matches("(Floor )?F2 · (€89.00|€89) · 900 left"))
                    .anySatisfy(label -> assertThat(label).matches("(Section )?10\\d · (€69.00|€69).*"))
                    .anySatisfy(label -> assertThat(label).matches("(Section )?2\\d\\d · (€45.00|€45).*"));
            assertThat(new Select(fan.element(".jump")).getOptions()).extracting(WebElement::getText)
                    .contains("Floor F2 · €89.00 · 900 seats left", "Section 101 · €69.00 · 577 seats left");
            assertThat((Boolean) fan.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing wider than the phone").isTrue();
            fan.screenshot("phone-arena-sections");

            fan.tapSection("F2");
            fan.waitForText(".section-summary", "Floor F2 · €89.00 · 900 seats left");
            fan.waitUntil(driver -> "seats".equals(fan.seatMap().get("detail")));
            Map<String, Object> zoomed = fan.seatMap();
            assertThat(((Number) zoomed.get("pitch")).doubleValue()).as("seats a finger can pick")
                    .isGreaterThanOrEqualTo(24);
            assertThat(labels(zoomed, "rowLabels")).contains("F2 15");

            fan.tapSeat("F2-5-10");
            fan.tapSeat("F2-5-11");
            assertThat(fan.seatSelected("F2-5-10") && fan.seatSelected("F2-5-11")).isTrue();
            // the count, the total and the button in view, wherever the page is scrolled
            WebElement bar = fan.element(".hold-bar");
            assertThat(bar.getText()).contains("2 seats · €178.00", "Hold 2 seats");
            assertThat(bar.getRect().getY() + bar.getRect().getHeight())
                    .isLessThanOrEqualTo(((Number) fan.js("return window.innerHeight")).intValue());
            fan.screenshot("phone-seat-map");

            fan.click(".hold-bar .hold");
            fan.waitForText(".hold-timer", "held for you");
            String reservationId = fan.currentUrl().substring(fan.currentUrl().lastIndexOf('/') + 1);
            fan.openEvent(DemoData.NORTHERN_LIGHTS_ID);
            fan.waitUntil(driver -> fan.seatMine("F2-5-10") && fan.seatMine("F2-5-11"));
            assertThat(fan.seatMine("F2-5-12")).isFalse();

            // the demo arena as the other tests expect it, all seats left
            assertThat(api.delete("/api/reservations/" + reservationId, api.token("fan-on-a-phone")).status())
                    .isEqualTo(202);
            fan.waitUntil(driver -> "AVAILABLE".equals(fan.seatStatus("F2-5-10"))
                    && "AVAILABLE".equals(fan.seatStatus("F2-5-11")));
        }
    }

    @Test
    void theTheatreWorksOnAPhoneSizedScreenWithItsAccessibleSeating() {
        try (Browser fan = Browser.open(port)) {
            fan.resize(390, 844);
            fan.openEvent(DemoData.HAMLET_ID);
            assertThat((Boolean) fan.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing wider than the phone").isTrue();
            int mapBottom = fan.element("seat-map").getRect().getY() + fan.element("seat-map").getRect().getHeight();
            assertThat(fan.element(".panel").getRect().getY()).as("the panel goes below the map")
                    .isGreaterThanOrEqualTo(mapBottom);
            // 500 seats open at seat level, large enough to tell apart
            assertThat(fan.seatMap()).containsEntry("detail", "seats").containsEntry("stage", "Stage");
            assertThat(((Number) fan.seatMap().get("pitch")).doubleValue()).isGreaterThan(13.99);
            fan.clickSeat("STALLS-A-8");
            assertThat(fan.text(".chosen")).contains("Stalls, row A, seat 8");

            assertThat(fan.text(".legend")).contains("Wheelchair space", "Companion seat");
            fan.click(".access-filter");
            fan.waitUntil(driver -> !labels(fan.seatMap(), "highlighted").isEmpty());
            // the stalls' last row: a wheelchair space at each end, its companion seat beside it
            assertThat(labels(fan.seatMap(), "highlighted"))
                    .containsExactlyInAnyOrder("STALLS-L-1", "STALLS-L-2", "STALLS-L-37", "STALLS-L-38");
            assertThat(fan.element(".access-filter").getDomAttribute("aria-pressed")).isEqualTo("true");
            fan.screenshot("phone-theatre-accessible-seating");
        }
    }

    @Test
    void aKeyboardUserJumpsToAnySectionInOneStepAndMovesSeatBySeatWithinItAndAMouseUserClicksOne() {
        try (Browser fan = Browser.open(port)) {
            fan.openEvent(DemoData.NORTHERN_LIGHTS_ID);
            assertThat(new Select(fan.element(".jump")).getOptions()).hasSize(1 + 36);
            // keys alone: Tab to the list, arrow down to the section (each one shown, the focus kept), Enter
            fan.tabTo(".jump");
            fan.actions().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN).perform();
            fan.waitForText(".section-summary", "Floor F3 · €89.00 · 900 seats left");
            assertThat((Boolean) fan.js("return document.activeElement.matches('.jump')")).isTrue();
            fan.actions().sendKeys(Keys.ENTER).perform();
            fan.waitUntil(driver -> (Boolean) fan.js("return document.activeElement.matches('.seat-focus')"));
            assertThat(fan.element(".seat-focus").getAccessibleName())
                    .isEqualTo("Floor F3, row 1, seat 1, €89.00, available");
            assertThat(fan.seatMap().get("detail")).isEqualTo("seats");
            assertThat(fan.text(".section-summary")).isEqualTo("Floor F3 · €89.00 · 900 seats left");

            fan.actions().sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_DOWN).perform();
            assertThat(fan.element(".seat-focus").getAccessibleName())
                    .isEqualTo("Floor F3, row 2, seat 2, €89.00, available");
            fan.screenshot("arena-jump-to-section");

            // with a mouse: over a section, a tip says what it is; a click zooms into it
            fan.click("[data-zoom=fit]");
            fan.hoverSection("101");
            fan.waitForText(".seat-tip", "Section 101 · €69.00 · 577 seats left");
            fan.actions().click().perform();
            fan.waitForText(".section-summary", "Section 101 · €69.00 · 577 seats left");
            assertThat(fan.seatMap().get("detail")).isEqualTo("seats");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels(Map<String, Object> seatMap, String kind) {
        return (List<String>) seatMap.get(kind);
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
