package io.boxoffice.query.catalog;

import io.boxoffice.api.catalog.Row;
import io.boxoffice.api.catalog.SeatPosition;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.query.catalog.CatalogReadModel.SeatColumns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A venue's seat map in columns: one entry per seat in every column, in layout order (section, row, seat), so that
 * the i-th entry of each column describes the same seat; cached and shared, so nobody may change them.
 */
class SeatColumnsTest {

    private static final List<Section> LAYOUT = List.of(
            new Section("A", "Stalls", "STD", List.of(
                    new Row("1", List.of(new SeatPosition("1", 0.0, 0.0), new SeatPosition("2", 1.0, 0.0))),
                    new Row("2", List.of(new SeatPosition("1", 0.0, 1.0))))),
            new Section("B", "Balcony", "VIP", List.of(
                    new Row("R", List.of(new SeatPosition("10", 5.0, 9.5))))));

    @Test
    void everyColumnHasOneEntryPerSeatInLayoutOrder() {
        SeatColumns columns = SeatColumns.of(LAYOUT);

        assertThat(columns.seatIds()).containsExactly("A-1-1", "A-1-2", "A-2-1", "B-R-10");
        assertThat(columns.sections()).containsExactly("A", "A", "A", "B");
        assertThat(columns.rows()).containsExactly("1", "1", "2", "R");
        assertThat(columns.numbers()).containsExactly("1", "2", "1", "10");
        assertThat(columns.x()).containsExactly(0.0, 1.0, 0.0, 5.0);
        assertThat(columns.y()).containsExactly(0.0, 0.0, 1.0, 9.5);
        assertThat(columns.categories()).containsExactly("STD", "STD", "STD", "VIP");
    }

    @Test
    void theColumnsCannotBeChanged() {
        SeatColumns columns = SeatColumns.of(LAYOUT);

        assertThatThrownBy(() -> columns.seatIds().add("C-1-1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.x().set(0, 3.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.categories().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aVenueNotProjectedYetHasEmptyColumns() {
        assertThat(SeatColumns.of(List.of()).seatIds()).isEmpty();
    }
}
