package io.boxoffice.command.bestavailable;

import io.boxoffice.api.catalog.Row;
import io.boxoffice.api.catalog.SeatAccess;
import io.boxoffice.api.catalog.SeatPosition;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static io.boxoffice.command.bestavailable.SeatOrder.Seating.GENERAL;
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

    private final SeatOrder order = SeatOrder.of(List.of(section("A", "FLOOR", 3, 0), section("B", "BALCONY", 3, 10)), null);

    @Test
    void picksTheCentralSeatsOfTheFrontRow() {
        assertThat(order.best(4, category -> true, seat -> false, GENERAL)).containsExactly("A-1-4", "A-1-5", "A-1-6", "A-1-7");
    }

    @Test
    void neverLeavesASingleSeatAloneInARow() {
        // row 1: 3 and 8 sold, free runs 1-2, 4-7, 9-10
        Set<String> sold = Set.of("A-1-3", "A-1-8");

        assertThat(order.best(4, category -> true, sold::contains, GENERAL)).as("the run of four fits exactly")
                .containsExactly("A-1-4", "A-1-5", "A-1-6", "A-1-7");
        assertThat(order.best(3, category -> true, sold::contains, GENERAL)).as("three in the run of four would leave one: row 2")
                .containsExactly("A-2-4", "A-2-5", "A-2-6");
        assertThat(order.best(2, category -> true, sold::contains, GENERAL)).as("two: either end of the run of four, not its middle")
                .isIn(List.of("A-1-4", "A-1-5"), List.of("A-1-6", "A-1-7"));
    }

    @Test
    void keepsToTheCategoriesAskedFor() {
        assertThat(order.best(2, "BALCONY"::equals, seat -> false, GENERAL)).allMatch(seat -> seat.startsWith("B-1-"));
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
        assertThat(order.best(2, category -> true, everyOtherSeat::contains, GENERAL)).isEmpty();
        assertThat(order.best(11, category -> true, seat -> false, GENERAL)).as("longer than any row").isEmpty();
    }

    /** Row 1 of section A with a wheelchair space at seat 5 and its companion seat at 6. */
    private static SeatOrder withAWheelchairSpaceMidRow() {
        Section plain = section("A", "FLOOR", 2, 0);
        List<SeatPosition> first = new ArrayList<>(plain.rows().get(0).seats());
        first.set(4, new SeatPosition("5", 5.0, 1.0, SeatAccess.WHEELCHAIR));
        first.set(5, new SeatPosition("6", 6.0, 1.0, SeatAccess.COMPANION));
        return SeatOrder.of(List.of(new Section("A", "A", "FLOOR", List.of(new Row("1", first),
                plain.rows().get(1)))), null);
    }

    @Test
    void keepsWheelchairSpacesAndCompanionSeatsFromGeneralPicksUntilReleased() {
        SeatOrder accessible = withAWheelchairSpaceMidRow();

        assertThat(accessible.best(4, category -> true, seat -> false, GENERAL))
                .as("not through the kept seats: the centre of the row behind")
                .containsExactly("A-2-4", "A-2-5", "A-2-6", "A-2-7");
        assertThat(accessible.best(4, category -> true, seat -> false, SeatOrder.Seating.ANY))
                .as("released to general sale").containsExactly("A-1-4", "A-1-5", "A-1-6", "A-1-7");
    }

    @Test
    void anAccessiblePickIsAWheelchairSpaceWithItsCompanionSeat() {
        SeatOrder accessible = withAWheelchairSpaceMidRow();

        assertThat(accessible.best(2, category -> true, seat -> false, SeatOrder.Seating.ACCESSIBLE))
                .containsExactly("A-1-5", "A-1-6");
        assertThat(accessible.best(3, category -> true, seat -> false, SeatOrder.Seating.ACCESSIBLE))
                .as("only two accessible seats side by side").isEmpty();
        assertThat(accessible.best(2, category -> true, "A-1-5"::equals, SeatOrder.Seating.ACCESSIBLE))
                .as("the wheelchair space is taken").isEmpty();
        assertThat(order.best(1, category -> true, seat -> false, SeatOrder.Seating.ACCESSIBLE))
                .as("a venue without any").isEmpty();
    }

    @Test
    void measuresFromTheStageWhereTheLayoutDrawsOne() {
        SeatOrder stageOnTheRight = SeatOrder.of(List.of(section("A", "FLOOR", 3, 0)),
                new Stage("Stage", 12.0, 0.0, 2.0, 4.0));

        assertThat(stageOnTheRight.best(2, category -> true, seat -> false, GENERAL))
                .containsExactly("A-2-9", "A-2-10");
    }
}
