package io.boxoffice.loadtest;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatPickerTest {

    private final SeatPicker hot = new SeatPicker("H", 3, 5);

    @Test
    void picksAdjacentFreeSeatsInOneRow() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            List<String> seats = hot.pick(random, 3, Set.of("H-1-3", "H-2-2"));
            assertThat(seats).hasSize(3).doesNotContain("H-1-3", "H-2-2");
            List<String[]> parts = seats.stream().map(seat -> seat.split("-")).toList();
            assertThat(parts).extracting(part -> part[1]).containsOnly(parts.get(0)[1]);
            int first = Integer.parseInt(parts.get(0)[2]);
            assertThat(parts).extracting(part -> Integer.parseInt(part[2])).containsExactly(first, first + 1, first + 2);
        }
    }

    @Test
    void findsTheLastFreeRunAndNothingOnceTheSectionIsFull() {
        Set<String> taken = new HashSet<>();
        for (int row = 1; row <= 3; row++) {
            for (int seat = 1; seat <= 5; seat++) {
                taken.add(SeatPicker.seatId("H", row, seat));
            }
        }
        taken.removeAll(Set.of("H-2-4", "H-2-5"));
        assertThat(hot.pick(new Random(1), 2, taken)).containsExactly("H-2-4", "H-2-5");
        assertThat(hot.pick(new Random(1), 3, taken)).isEmpty();
        taken.addAll(Set.of("H-2-4", "H-2-5"));
        assertThat(hot.pick(new Random(1), 1, taken)).isEmpty();
    }

    @Test
    void splitsASectionsRowsOverSeveralSectionsOrKeepsItWhole() {
        assertThat(SeatPicker.split("C", 40, 50, 0)).containsExactly(new SeatPicker("C", 40, 50));
        assertThat(SeatPicker.split("C", 40, 50, 1)).containsExactly(new SeatPicker("C", 40, 50));
        // 40 rows over 6 sections: the first 4 get 7 rows, the last 2 get 6, and no row is lost
        assertThat(SeatPicker.split("C", 40, 50, 6)).containsExactly(new SeatPicker("C1", 7, 50),
                new SeatPicker("C2", 7, 50), new SeatPicker("C3", 7, 50), new SeatPicker("C4", 7, 50),
                new SeatPicker("C5", 6, 50), new SeatPicker("C6", 6, 50));
        assertThatThrownBy(() -> SeatPicker.split("C", 3, 50, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
