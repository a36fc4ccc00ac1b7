package io.boxoffice.app.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the payment tests: holds of 2 seconds, so that deadlines are reached within a test, in a context
 * shared by all of them (it runs beside the main one like a second node).
 */
@TestPropertySource(properties = "boxoffice.hold-duration=PT2S")
public abstract class PaymentTest extends ApplicationTest {

    protected Gateway gateway;
    protected String eventId;

    @BeforeEach
    void newEvent() {
        gateway = new Gateway(api, context);
        eventId = api.eventWithSeats(8);
    }
}
