package io.boxoffice.loadtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * How a simulated fan picks seats: {@code count} adjacent seats in one row of a section, among those their map
 * shows available, in a row and at a place chosen at random, as fans click on a map.
 */
public record SeatPicker(String section, int rows, int seatsPerRow) {

    public static String seatId(String section, int row, int seat) {
        return section + "-" + row + "-" + seat;
    }

    /**
     * The rows of one section shared out over {@code sections} sections of the same width, one below the other: one
     * section {@code <name>} when {@code sections} is 1 or less, else {@code <name>1} to {@code <name><sections>},
     * the first ones a row larger when the rows do not divide evenly.
     */
    public static List<SeatPicker> split(String name, int rows, int seatsPerRow, int sections) {
        if (sections <= 1) {
            return List.of(new SeatPicker(name, rows, seatsPerRow));
        }
        if (sections > rows) {
            throw new IllegalArgumentException(rows + " rows cannot make " + sections + " sections");
        }
        List<SeatPicker> split = new ArrayList<>(sections);
        for (int section = 1; section <= sections; section++) {
            split.add(new SeatPicker(name + section, rows / sections + (section <= rows % sections ? 1 : 0),
                    seatsPerRow));
        }
        return List.copyOf(split);
    }

    /** The seats, or an empty list when no row has {@code count} adjacent seats free. */
    public List<String> pick(Random random, int count, Set<String> unavailable) {
        List<Integer> order = new ArrayList<>();
        for (int row = 1; row <= rows; row++) {
            order.add(row);
        }
        Collections.shuffle(order, random);
        for (int row : order) {
            int offset = random.nextInt(seatsPerRow);
            for (int step = 0; step < seatsPerRow; step++) {
                int first = (offset + step) % seatsPerRow + 1;
                if (first + count - 1 > seatsPerRow) {
                    continue;
                }
                List<String> seats = new ArrayList<>(count);
                for (int seat = first; seat < first + count; seat++) {
                    seats.add(seatId(section, row, seat));
                }
                if (seats.stream().noneMatch(unavailable::contains)) {
                    return seats;
                }
            }
        }
        return List.of();
    }
}
