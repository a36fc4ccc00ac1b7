package io.boxoffice.command;

import io.boxoffice.command.reservation.ReservationProperties;
import io.boxoffice.command.ticket.TicketProperties;
import io.boxoffice.command.waitingroom.WaitingRoomProperties;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's settings refuse, at start-up, values a node cannot run with: keys too short to sign with,
 * reservations of no seats, and missing windows.
 */
class SettingsValidationTest {

    private static final jakarta.validation.ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = factory.getValidator();
    private static final String KEY = "a-secret-of-at-least-thirty-two-bytes";

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Set<String> invalid(Object settings) {
        return validator.validate(settings).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    private static WaitingRoomProperties waitingRoom(String secret) {
        return new WaitingRoomProperties(secret, 1000, Duration.ofMinutes(10), Duration.ofMinutes(1),
                Duration.ofMillis(200), Duration.ofSeconds(3));
    }

    @Test
    void signingKeysAreRequiredAndLongEnough() {
        assertThat(invalid(waitingRoom(KEY))).isEmpty();
        assertThat(invalid(waitingRoom(null))).containsExactly("signingSecret");
        assertThat(invalid(waitingRoom("short"))).containsExactly("signingSecret");
        assertThat(invalid(new TicketProperties(KEY))).isEmpty();
        assertThat(invalid(new TicketProperties(" ".repeat(40)))).containsExactly("signingSecret");
    }

    @Test
    void aReservationHoldsAtLeastOneSeatForSomeTime() {
        assertThat(invalid(new ReservationProperties(Duration.ofMinutes(10), 8))).isEmpty();
        assertThat(invalid(new ReservationProperties(Duration.ofMinutes(10), 0)))
                .containsExactly("maxSeatsPerReservation");
        assertThat(invalid(new ReservationProperties(null, 8))).containsExactly("holdDuration");
    }
}
