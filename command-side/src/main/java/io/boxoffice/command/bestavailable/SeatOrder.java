package io.boxoffice.command.bestavailable;

import io.boxoffice.api.catalog.Row;
import io.boxoffice.api.catalog.SeatAccess;
import io.boxoffice.api.catalog.SeatPosition;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.Stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A venue's seats as best available sees them: rows with their seats side by side (ordered by their position along
 * the row), each seat with its distance to the front of the venue. The front is the stage's centre where the layout
 * draws one, else the middle of the venue's first line of seats (the smallest {@code y}, where layouts put the
 * stage): the nearer a seat, the better, and of two rows at the same distance the more central block wins.
 * <p>
 * Built once per venue; a pick reads it without changing it, so any number of picks may run at once.
 */
public final class SeatOrder {

    /** One row: its seats in order along the row, their ids, distances, access (null: any fan's) and category. */
    record SeatRow(String[] seatIds, double[] distance, SeatAccess[] access, String category) {
    }

    /** Which seats a pick may take. */
    public enum Seating {
        /** Every seat but wheelchair spaces and their companion seats, which are kept for fans who need them. */
        GENERAL,
        /** Every seat: the organizer released the accessible seats to general sale. */
        ANY,
        /** Only wheelchair spaces and companion seats, with at least one wheelchair space in the block. */
        ACCESSIBLE
    }

    private final List<SeatRow> rows;

    private SeatOrder(List<SeatRow> rows) {
        this.rows = rows;
    }

    public static SeatOrder of(List<Section> sections, Stage stage) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (Section section : sections) {
            for (Row row : section.rows()) {
                for (SeatPosition seat : row.seats()) {
                    minX = Math.min(minX, seat.x());
                    maxX = Math.max(maxX, seat.x());
                    minY = Math.min(minY, seat.y());
                }
            }
        }
        double frontX = stage == null ? (minX + maxX) / 2 : stage.x() + stage.width() / 2;
        double frontY = stage == null ? minY : stage.y() + stage.height() / 2;
        List<SeatRow> rows = new ArrayList<>();
        for (Section section : sections) {
            for (Row row : section.rows()) {
                List<SeatPosition> seats = row.seats().stream().sorted(Comparator.comparingDouble(SeatPosition::x))
                        .toList();
                String[] ids = new String[seats.size()];
                double[] distance = new double[seats.size()];
                SeatAccess[] access = new SeatAccess[seats.size()];
                for (int i = 0; i < seats.size(); i++) {
                    SeatPosition seat = seats.get(i);
                    ids[i] = Section.seatId(section.id(), row.label(), seat.number());
                    distance[i] = Math.hypot(seat.x() - frontX, seat.y() - frontY);
                    access[i] = seat.access();
                }
                rows.add(new SeatRow(ids, distance, access, section.category()));
            }
        }
        return new SeatOrder(List.copyOf(rows));
    }

    /**
     * The best {@code quantity} seats side by side in one row of a category {@code wanted} accepts, none of them
     * {@code taken}, all of them of the {@code seating} asked for, that leave no single seat alone between them and a
     * taken seat or the row's end (an orphan nobody buys; accessible blocks are too few and too small for that rule);
     * empty when none fit. Best: the smallest total distance to the front.
     */
    public List<String> best(int quantity, Predicate<String> wanted, Predicate<String> taken, Seating seating) {
        SeatRow bestRow = null;
        int bestStart = -1;
        double bestDistance = Double.MAX_VALUE;
        for (SeatRow row : rows) {
            if (!wanted.test(row.category()) || row.seatIds().length < quantity) {
                continue;
            }
            int runStart = 0;
            for (int i = 0; i <= row.seatIds().length; i++) {
                if (i < row.seatIds().length && offered(row.access()[i], seating) && !taken.test(row.seatIds()[i])) {
                    continue;
                }
                // [runStart, i) is a run of free seats between taken ones or the row's ends
                int start = bestBlockIn(row, runStart, i, quantity, seating);
                if (start >= 0) {
                    double distance = blockDistance(row, start, quantity);
                    if (distance < bestDistance) {
                        bestRow = row;
                        bestStart = start;
                        bestDistance = distance;
                    }
                }
                runStart = i + 1;
            }
        }
        if (bestRow == null) {
            return List.of();
        }
        return List.of(bestRow.seatIds()).subList(bestStart, bestStart + quantity);
    }

    private static boolean offered(SeatAccess access, Seating seating) {
        return switch (seating) {
            case GENERAL -> access == null;
            case ANY -> true;
            case ACCESSIBLE -> access != null;
        };
    }

    /**
     * The best start of a block within the free run [from, to), or -1; a block may not leave one seat on a side, and
     * an accessible one holds a wheelchair space.
     */
    private static int bestBlockIn(SeatRow row, int from, int to, int quantity, Seating seating) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int start = from; start + quantity <= to; start++) {
            boolean accessible = seating == Seating.ACCESSIBLE;
            if (accessible ? !hasWheelchairSpace(row, start, quantity)
                    : start - from == 1 || to - (start + quantity) == 1) {
                continue;
            }
            double distance = blockDistance(row, start, quantity);
            if (distance < bestDistance) {
                best = start;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static boolean hasWheelchairSpace(SeatRow row, int start, int quantity) {
        for (int i = start; i < start + quantity; i++) {
            if (row.access()[i] == SeatAccess.WHEELCHAIR) {
                return true;
            }
        }
        return false;
    }

    private static double blockDistance(SeatRow row, int start, int quantity) {
        double sum = 0;
        for (int i = start; i < start + quantity; i++) {
            sum += row.distance()[i];
        }
        return sum;
    }
}
