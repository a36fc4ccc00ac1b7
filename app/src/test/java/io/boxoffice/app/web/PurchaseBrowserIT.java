package io.boxoffice.app.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A fan buys seats in a real browser: hold, countdown, the sandbox gateway's page, tickets with QR codes. */
class PurchaseBrowserIT extends ApplicationTest {

    @Test
    void aFanHoldsPaysAndGetsTicketsWhoseQrCodesTheDoorAccepts() throws Exception {
        String eventId = concert("Spring Concert");
        try (Browser fan = Browser.open(port); Browser other = Browser.open(port)) {
            fan.signUp("fan-buyer").openEvent(eventId);
            fan.clickSeat("A-1-3");
            fan.clickSeat("A-1-4");
            fan.click(".hold");
            fan.waitForText(".hold-timer", "Your seats are held for you");
            assertThat(fan.text(".seats")).contains("Floor A, row 1, seat 3", "Floor A, row 1, seat 4");
            fan.screenshot("hold");

            // the countdown runs from the hold's end, not from when the page was opened
            int before = fan.secondsLeft(".countdown");
            assertThat(before).isBetween(9 * 60, 10 * 60);
            fan.go("#/me");
            fan.waitForText("main", "On hold");
            fan.click(".reservation-item a");
            fan.waitForText(".hold-timer", "held for you");
            assertThat(fan.secondsLeft(".countdown")).isBetween(9 * 60, before);

            fan.click(".pay");
            fan.waitUntil(driver -> fan.currentUrl().contains("/sandbox/checkout/"));
            assertThat(fan.text(".amount")).isEqualTo("98.00 EUR");
            fan.click("button.pay");

            fan.waitForText(".state", "You are going!");
            fan.waitUntil(driver -> fan.elements(".ticket canvas").size() == 2);
            fan.screenshot("confirmation");
            // each ticket's printed code and its QR image, read in one go from the page as it is now; read again
            // until the QR codes decode: the page may still be drawing them, or have re-rendered the tickets
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                @SuppressWarnings("unchecked")
                List<List<String>> tickets = (List<List<String>>) fan.js("""
                        return [...document.querySelectorAll('.ticket')].map(ticket => [
                            ticket.querySelector('code').textContent,
                            ticket.querySelector('canvas').toDataURL('image/png')])""");
                assertThat(tickets).hasSize(2);
                for (List<String> ticket : tickets) {
                    assertThat(qrCode(ticket.get(1))).isEqualTo(ticket.get(0));
                }
            });
            List<String> codes = fan.elements(".ticket code").stream().map(WebElement::getText).toList();
            assertThat(codes).hasSize(2);
            for (String code : codes) {
                Api.Response verified = api.get("/api/tickets/verify?code="
                        + URLEncoder.encode(code, StandardCharsets.UTF_8), null);
                assertThat(verified.body().path("valid").asBoolean()).as("door check of %s", code).isTrue();
            }

            other.openEvent(eventId);
            other.waitUntil(driver -> "SOLD".equals(other.seatStatus("A-1-3"))
                    && "SOLD".equals(other.seatStatus("A-1-4")));
            assertThat(other.seatStatus("A-1-2")).isEqualTo("AVAILABLE");

            fan.go("#/me");
            fan.waitForText(".my-group", "Tickets");
            assertThat(fan.text("main")).contains("Spring Concert", "2 seats", "€98.00", "confirmed");
        }
    }

    @Test
    void aFanLetsBoxofficeFindFourSeatsTogetherOnAPartlySoldRowWithoutLeavingOneAlone() {
        String eventId = concert("Summer Concert");
        assertThat(api.reserve(api.token("early-bird"), eventId, List.of("A-1-1")).status()).isEqualTo(201);
        try (Browser fan = Browser.open(port)) {
            fan.signUp("fan-together").openEvent(eventId);
            fan.waitUntil(driver -> "HELD".equals(fan.seatStatus("A-1-1")));
            fan.js("const form = document.querySelector('.best-available');"
                    + "form.elements.quantity.value = '4'; form.elements.category.value = 'FLOOR';");

            fan.click(".best-available button");

            // row 1 is free from seat 2: its most central four (3-6) would leave seat 2 alone, so 2-5
            fan.waitForText(".hold-timer", "held for you");
            assertThat(fan.text(".seats")).contains("Floor A, row 1, seat 2", "Floor A, row 1, seat 3",
                    "Floor A, row 1, seat 4", "Floor A, row 1, seat 5");
        }
    }

    @Test
    void aWheelchairUserBuysASpaceWithItsCompanionSeatThroughBestAvailable() {
        String admin = api.token("admin");
        String venue = Api.venue("Accessible hall", 2, 8)
                .replace("\"number\":\"8\",", "\"number\":\"8\",\"access\":\"WHEELCHAIR\",")
                .replace("\"number\":\"7\",", "\"number\":\"7\",\"access\":\"COMPANION\",");
        String eventId = api.createEvent(admin, api.createVenue(admin, venue), "");
        try (Browser fan = Browser.open(port)) {
            fan.signUp("fan-wheelchair").openEvent(eventId);
            fan.js("const form = document.querySelector('.best-available');"
                    + "form.elements.quantity.value = '2'; form.elements.accessible.checked = true;");

            fan.click(".best-available button");

            fan.waitForText(".hold-timer", "held for you");
            assertThat(fan.text(".seats")).contains("Floor A, row 1, seat 7", "Floor A, row 1, seat 8");
            fan.click(".pay");
            fan.waitUntil(driver -> fan.currentUrl().contains("/sandbox/checkout/"));
            fan.click("button.pay");
            fan.waitForText(".state", "You are going!");
            fan.waitUntil(driver -> fan.elements(".ticket").size() == 2);
        }
    }

    @Test
    void aDeclinedCardKeepsTheSeatsAndTheFanPaysAgainOnTheSameHold() {
        String eventId = concert("Autumn Concert");
        try (Browser fan = Browser.open(port)) {
            fan.signUp("fan-declined").openEvent(eventId);
            fan.clickSeat("A-2-1");
            fan.click(".hold");
            fan.waitForText(".hold-timer", "held for you");
            fan.click(".pay");
            fan.waitUntil(driver -> fan.currentUrl().contains("/sandbox/checkout/"));
            fan.waitUntil(driver -> fan.text(".time-left").matches("(?s).*holds your seats for [89]:\\d\\d more.*"));
            fan.click("button.decline");

            fan.waitForText(".state", "Your payment was declined and you have not been charged. Your seats are "
                    + "still held for you");
            assertThat(fan.text(".hold-timer")).contains("held for you");
            assertThat(fan.text(".pay")).isEqualTo("Pay €49.00 again");
            fan.screenshot("payment-declined");
            fan.click(".pay");
            fan.waitUntil(driver -> fan.currentUrl().contains("/sandbox/checkout/"));
            fan.click("button.pay");

            fan.waitForText(".state", "You are going!");
            fan.waitUntil(driver -> fan.elements(".ticket").size() == 1);
        }
    }

    @Test
    void payingOnAPaymentPageWhoseHoldWasCancelledIsExplainedInWords() {
        String eventId = concert("Winter Concert");
        try (Browser fan = Browser.open(port)) {
            fan.signUp("fan-cancelled").openEvent(eventId);
            fan.clickSeat("A-2-2");
            fan.click(".hold");
            fan.waitForText(".hold-timer", "held for you");
            String reservation = fan.currentUrl().replaceAll(".*#/reservations/([^?]+).*", "$1");
            fan.click(".pay");
            fan.waitUntil(driver -> fan.currentUrl().contains("/sandbox/checkout/"));
            // the fan cancels in another tab while this page stays open
            assertThat(api.delete("/api/reservations/" + reservation, api.token("fan-cancelled")).status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.text(URI.create(fan.currentUrl()).getPath())
                    .contains("can no longer be made"));

            fan.click("button.pay");

            fan.waitForText(".status", "This payment can no longer be made: your hold at Boxoffice has ended");
            fan.click(".status + p a");
            fan.waitUntil(driver -> fan.currentUrl().contains("#/reservations/"));
        }
    }

    /** Each section is a part of the venue sold on its own (a bucket, docs/seat-shards.md): the fan is told so. */
    @Test
    void seatsOfTwoSectionsAreHeldOneSectionAtATimeAndTheFanIsToldWhy() {
        String admin = api.token("admin");
        String venueId = api.createVenue(admin, """
                {"name":"Two floors","city":"Lyon","sections":[
                 {"id":"A","name":"Floor A","category":"FLOOR","rows":[{"label":"1","seats":[
                   {"number":"1","x":1.0,"y":1.0},{"number":"2","x":3.0,"y":1.0}]}]},
                 {"id":"B","name":"Floor B","category":"FLOOR","rows":[{"label":"1","seats":[
                   {"number":"1","x":1.0,"y":6.0},{"number":"2","x":3.0,"y":6.0}]}]}]}""");
        String eventId = api.createEvent(admin, venueId, "");
        try (Browser fan = Browser.open(port)) {
            fan.signUp("fan-two-floors").openEvent(eventId);
            fan.clickSeat("A-1-1");
            fan.clickSeat("B-1-1");
            fan.click(".hold");
            fan.waitForText(".notice", "These seats are in different parts of the venue (A, B), which are sold "
                    + "separately. Please hold the seats of one part at a time.");
            assertThat(api.get("/api/events/" + eventId + "/availability", null).strings("held")).isEmpty();
        }
    }

    /** A new event at a new hall of two rows of eight seats, 49.00 EUR each. */
    private String concert(String name) {
        String admin = api.token("admin");
        String venueId = api.createVenue(admin, Api.venue("Hall", 2, 8));
        Api.Response created = api.post("/api/events", admin, """
                {"venueId":"%s","name":"%s","startsAt":"2030-05-01T19:30:00Z",
                 "prices":{"FLOOR":{"amount":"49.00","currency":"EUR"}}}""".formatted(venueId, name));
        assertThat(created.status()).isEqualTo(201);
        return created.text("eventId");
    }

    /** What a door scanner reads from the ticket's QR code, as drawn on the page. */
    private static String qrCode(String png) throws Exception {
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1))));
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(drawn)));
        // no margin added: the quiet zone a scanner needs must be part of what the page draws; trying harder, as
        // scanner apps do (ZXing's quick pass missed the finder patterns of one code of a fresh-clone CI run)
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (ReaderException missed) {
            // ZXing's finder-pattern detector misreads a few perfectly sharp synthetic codes (6 of 400 ticket codes
            // drawn with whole pixels per module, a ChecksumException in one CI run), which all decode as what the
            // canvas is: the code alone, upright, with its quiet zone
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        }
    }

}
