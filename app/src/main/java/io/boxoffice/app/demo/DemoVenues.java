package io.boxoffice.app.demo;

import io.boxoffice.api.catalog.Row;
import io.boxoffice.api.catalog.SeatAccess;
import io.boxoffice.api.catalog.SeatPosition;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * Seating layouts of the demo venues, with coordinates a seat map can draw: a theatre of about 500 seats facing
 * its stage, and an arena of over 20,000 seats in bowls of wedge-shaped sections around its floor.
 */
final class DemoVenues {

    private static final double SEAT_PITCH = 1.0;

    private DemoVenues() {
    }

    /**
     * Stalls of 12 curved rows and a circle of 8 behind them, 500 seats facing a stage at (0, 0); the stalls' last
     * row has a wheelchair space at each end, each with its companion seat beside it.
     */
    static List<Section> theatre() {
        Section stalls = curvedSection("STALLS", "Stalls", "STALLS", 12, 16, 2, 8.0);
        List<Row> rows = new ArrayList<>(stalls.rows());
        rows.set(rows.size() - 1, withWheelchairSpacesAtEnds(rows.get(rows.size() - 1)));
        return List.of(
                new Section(stalls.id(), stalls.name(), stalls.category(), rows),
                curvedSection("CIRCLE", "Circle", "CIRCLE", 8, 22, 0, 26.0));
    }

    static final Stage THEATRE_STAGE = new Stage("Stage", -6.0, -0.5, 12.0, 3.5);
    static final Stage ARENA_STAGE = new Stage("Stage", -20.0, -45.0, 40.0, 5.0);

    private static Row withWheelchairSpacesAtEnds(Row row) {
        List<SeatPosition> seats = new ArrayList<>(row.seats());
        int last = seats.size() - 1;
        seats.set(0, accessible(seats.get(0), SeatAccess.WHEELCHAIR));
        seats.set(1, accessible(seats.get(1), SeatAccess.COMPANION));
        seats.set(last - 1, accessible(seats.get(last - 1), SeatAccess.COMPANION));
        seats.set(last, accessible(seats.get(last), SeatAccess.WHEELCHAIR));
        return new Row(row.label(), seats);
    }

    private static SeatPosition accessible(SeatPosition seat, SeatAccess access) {
        return new SeatPosition(seat.number(), seat.x(), seat.y(), access);
    }

    /** Four floor blocks in front of the stage, a lower bowl of 16 sections and an upper bowl of 16. */
    static List<Section> arena() {
        List<Section> sections = new ArrayList<>();
        for (int block = 0; block < 4; block++) {
            sections.add(floorBlock("F" + (block + 1), block));
        }
        for (int wedge = 0; wedge < 16; wedge++) {
            sections.add(bowlSection(String.valueOf(101 + wedge), "LOWER", wedge, 20, 26, 60.0));
        }
        for (int wedge = 0; wedge < 16; wedge++) {
            sections.add(bowlSection(String.valueOf(201 + wedge), "UPPER", wedge, 18, 30, 90.0));
        }
        return sections;
    }

    /** Rows lettered A.. from the stage, each {@code growth} seats wider than the one before, on arcs. */
    private static Section curvedSection(String id, String name, String category, int rows, int firstRowSeats,
                                         int growth, double firstRadius) {
        List<Row> rowList = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int seats = firstRowSeats + r * growth;
            double radius = firstRadius + r * 1.4;
            double spread = seats * SEAT_PITCH / radius;
            List<SeatPosition> positions = new ArrayList<>();
            for (int s = 0; s < seats; s++) {
                double angle = -spread / 2 + spread * (s + 0.5) / seats;
                positions.add(seat(s + 1, radius * Math.sin(angle), radius * Math.cos(angle)));
            }
            rowList.add(new Row(String.valueOf((char) ('A' + r)), positions));
        }
        return new Section(id, name, category, rowList);
    }

    /** A 30 by 30 block of the floor, two blocks wide and two deep, in front of a stage at the arena's top. */
    private static Section floorBlock(String id, int block) {
        double left = (block % 2 == 0 ? -32.0 : 2.0);
        double top = (block < 2 ? -38.0 : -6.0);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            List<SeatPosition> positions = new ArrayList<>();
            for (int s = 0; s < 30; s++) {
                positions.add(seat(s + 1, left + s * SEAT_PITCH, top + r * SEAT_PITCH));
            }
            rows.add(new Row(String.valueOf(r + 1), positions));
        }
        return new Section(id, "Floor " + id, "FLOOR", rows);
    }

    /** One of 16 wedges of a bowl around the arena's centre, rows getting longer as they climb. */
    private static Section bowlSection(String id, String category, int wedge, int rows, int firstRowSeats,
                                       double firstRadius) {
        double wedgeAngle = 2 * Math.PI / 16;
        double from = wedge * wedgeAngle + 0.02;
        double to = (wedge + 1) * wedgeAngle - 0.02;
        List<Row> rowList = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double radius = firstRadius + r * 1.2;
            int seats = firstRowSeats + r / 3;
            List<SeatPosition> positions = new ArrayList<>();
            for (int s = 0; s < seats; s++) {
                double angle = from + (to - from) * (s + 0.5) / seats;
                positions.add(seat(s + 1, radius * Math.cos(angle), radius * Math.sin(angle) * 0.8));
            }
            rowList.add(new Row(String.valueOf(r + 1), positions));
        }
        return new Section(id, "Section " + id, category, rowList);
    }

    private static SeatPosition seat(int number, double x, double y) {
        return new SeatPosition(String.valueOf(number), Math.round(x * 100) / 100.0, Math.round(y * 100) / 100.0);
    }
}
