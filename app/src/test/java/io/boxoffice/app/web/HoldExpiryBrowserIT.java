package io.boxoffice.app.web;

import io.boxoffice.app.support.Browser;
import io.boxoffice.app.support.PaymentTest;
import org.junit.jupiter.api.Test;

/** With 2-second holds: the fan watches the countdown reach zero and the seat come back on the map. */
class HoldExpiryBrowserIT extends PaymentTest {

    @Test
    void theCountdownReachesZeroTheHoldEndsAndTheSeatsReturnToTheMap() {
        try (Browser fan = Browser.open(port)) {
            fan.signUp("fan-slow").openEvent(eventId);
            fan.clickSeat("A-1-1");
            fan.clickSeat("A-1-2");
            fan.click(".hold");
            fan.waitForText(".hold-timer", "held for you");

            fan.waitForText(".state", "Your hold has ended. The seats went back on sale.");
            fan.waitForText(".state", "Your hold ended before payment."); // the reservation itself says EXPIRED
            fan.click(".actions a");
            fan.openEvent(eventId);
            fan.waitUntil(driver -> "AVAILABLE".equals(fan.seatStatus("A-1-1"))
                    && "AVAILABLE".equals(fan.seatStatus("A-1-2")));
        }
    }
}
