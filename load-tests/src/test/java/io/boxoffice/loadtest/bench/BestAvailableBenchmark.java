package io.boxoffice.loadtest.bench;

import io.boxoffice.api.catalog.Row;
import io.boxoffice.api.catalog.SeatPosition;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.command.bestavailable.SeatOrder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One best-available pick on an 80,000-seat stadium (40 sections of 50 rows of 40 seats) in the middle of a flash
 * sale: a share of the seats taken at random, the fan asking for 4 together in any category. Also what building the
 * venue's seat order once costs. Run with load-tests/jmh.sh; figures in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class BestAvailableBenchmark {

    static final int SECTIONS = 40;
    static final int ROWS = 50;
    static final int SEATS_PER_ROW = 40;

    /** Percent of the stadium already held or sold. */
    @Param({"0", "50", "90"})
    int takenPercent;

    List<Section> sections;
    SeatOrder order;
    Set<String> taken;

    @Setup
    public void stadium() {
        sections = new ArrayList<>();
        for (int s = 0; s < SECTIONS; s++) {
            List<Row> rows = new ArrayList<>();
            for (int r = 1; r <= ROWS; r++) {
                List<SeatPosition> seats = new ArrayList<>();
                for (int n = 1; n <= SEATS_PER_ROW; n++) {
                    // sections side by side, ten to a ring, four rings back from the stage
                    seats.add(new SeatPosition(Integer.toString(n), (s % 10) * 45.0 + n, (s / 10) * 55.0 + r));
                }
                rows.add(new Row(Integer.toString(r), seats));
            }
            sections.add(new Section("S" + s, "Section " + s, s < 10 ? "FLOOR" : "STANDS", rows));
        }
        order = SeatOrder.of(sections, null);
        Random random = new Random(42);
        taken = new HashSet<>();
        for (Section section : sections) {
            for (Row row : section.rows()) {
                for (SeatPosition seat : row.seats()) {
                    if (random.nextInt(100) < takenPercent) {
                        taken.add(Section.seatId(section.id(), row.label(), seat.number()));
                    }
                }
            }
        }
    }

    @Benchmark
    public List<String> pickFourTogether() {
        return order.best(4, category -> true, taken::contains, SeatOrder.Seating.GENERAL);
    }

    @Benchmark
    public SeatOrder buildTheVenuesSeatOrder() {
        return SeatOrder.of(sections, null);
    }
}
