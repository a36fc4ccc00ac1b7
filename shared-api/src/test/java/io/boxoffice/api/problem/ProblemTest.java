package io.boxoffice.api.problem;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem is a value: what a refusal says, unchanged by the copies that add to it. */
class ProblemTest {

    @Test
    void anInvalidRequestNamesEachFieldWithWhatIsWrong() {
        Problem invalid = Problem.invalid("The request is not valid", Map.of("seatIds", "must not be empty"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.type()).isEqualTo("invalid-request");
        assertThat(invalid.properties()).containsEntry("errors",
                List.of(Map.of("field", "seatIds", "message", "must not be empty")));
    }

    @Test
    void addingToAProblemLeavesTheOriginalAsItWas() {
        Problem taken = Problem.of(409, "seats-unavailable", "Seats unavailable", "some seats are taken");

        Problem withSeats = taken.with("unavailableSeatIds", List.of("A-1-1")).retryAfter(Duration.ofSeconds(5));

        assertThat(taken.properties()).isEmpty();
        assertThat(taken.retryAfter()).isNull();
        assertThat(withSeats.properties()).containsEntry("unavailableSeatIds", List.of("A-1-1"));
        assertThat(withSeats.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(withSeats.refused().problem()).isEqualTo(withSeats);
    }
}
