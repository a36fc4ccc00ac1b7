package io.boxoffice.command.bestavailable;

import io.boxoffice.api.catalog.Row;
import io.boxoffice.api.catalog.SeatPosition;
import io.boxoffice.api.catalog.Section;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SeatOrderTest {

    /** Rows 1..rows of 10 seats, row 1 nearest the stage (smallest y), seat 1 on the left. */
    private static Section section(String id, String category, int rows, double firstY) {
        List<Row> seatRows = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            double y = firstY + r;
            seatRows.add(new Row(Integer.toString(r), IntStream.rangeClosed(1, 10)
                    .mapToObj(n -> new SeatPosition(Integer.toString(n), (double) n, y)).toList()));
        }
        return new Section(id, id, category, seatRows);
    }

    private final SeatOrder order = SeatOrder.of(List.of(section("A", "FLOOR", 3, 0), section("B", "BALCONY", 3, 10)));

    @Test
    void picksTheCentralSeatsOfTheFrontRow() {
        assertThat(order.best(4, category -> true, seat -> false)).containsExactly("A-1-4", "A-1-5", "A-1-6", "A-1-7");
    }

    @Test
    void neverLeavesASingleSeatAloneInARow() {
        // row 1: 3 and 8 sold, free runs 1-2, 4-7, 9-10
        Set<String> sold = Set.of("A-1-3", "A-1-8");

        assertThat(order.best(4, category -> true, sold::contains)).as("the run of four fits exactly")
                .containsExactly("A-1-4", "A-1-5", "A-1-6", "A-1-7");
        assertThat(order.best(3, category -> true, sold::contains)).as("three in the run of four would leave one: row 2")
                .containsExactly("A-2-4", "A-2-5", "A-2-6");
        assertThat(order.best(2, category -> true, sold::contains)).as("two: either end of the run of four, not its middle")
                .isIn(List.of("A-1-4", "A-1-5"), List.of("A-1-6", "A-1-7"));
    }

    @Test
    void keepsToTheCategoriesAskedFor() {
        assertThat(order.best(2, "BALCONY"::equals, seat -> false)).allMatch(seat -> seat.startsWith("B-1-"));
    }

    @Test
    void findsNothingWhenNoRowHasTheSeatsTogether() {
        Set<String> everyOtherSeat = new HashSet<>();
        for (String section : List.of("A", "B")) {
            for (int row = 1; row <= 3; row++) {
                for (int seat = 2; seat <= 10; seat += 2) {
                    everyOtherSeat.add(section + "-" + row + "-" + seat);
                }
            }
        }
        assertThat(order.best(2, category -> true, everyOtherSeat::contains)).isEmpty();
        assertThat(order.best(11, category -> true, seat -> false)).as("longer than any row").isEmpty();
    }
}
