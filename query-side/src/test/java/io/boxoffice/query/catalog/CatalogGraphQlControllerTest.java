package io.boxoffice.query.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.api.catalog.Row;
import io.boxoffice.api.catalog.SalesState;
import io.boxoffice.api.catalog.SeatPosition;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.common.Money;
import io.boxoffice.query.QueryDataSourceConfiguration.QueryJdbc;
import io.boxoffice.query.catalog.CatalogGraphQlController.EventConnection;
import io.boxoffice.query.catalog.CatalogGraphQlController.SeatNode;
import io.boxoffice.query.catalog.CatalogReadModel.Cursor;
import io.boxoffice.query.catalog.CatalogReadModel.EventFilter;
import io.boxoffice.query.catalog.CatalogReadModel.EventRow;
import io.boxoffice.query.catalog.CatalogReadModel.Page;
import io.boxoffice.query.catalog.CatalogReadModel.SeatState;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the browsing resolvers make of the read model's rows: seats priced by their section's category with their
 * status, the columnar seat map's one-letter statuses, prices by category and their range by amount, cursor
 * pagination, and the arguments refused before any query runs. The read model is one whose queries answer rows
 * the test chose (no database: its JDBC template has none and is never used).
 */
class CatalogGraphQlControllerTest {

    private static final Instant HELD_UNTIL = Instant.parse("2027-03-01T18:10:00Z");
    private static final Money STD = money("9.50");
    private static final Money VIP = money("120.00");

    /** Rows the test chose, in place of the read model's queries. */
    private static final class ChosenRows extends CatalogReadModel {

        final Map<String, List<Section>> layouts = new HashMap<>();
        final Map<String, SeatState> states = new HashMap<>();
        final List<EventFilter> filters = new ArrayList<>();
        Page page = new Page(List.of(), false);

        ChosenRows() {
            super(new QueryJdbc(new JdbcTemplate(), null), new ObjectMapper(), Clock.systemUTC());
        }

        @Override
        public List<Section> layout(String venueId) {
            return layouts.getOrDefault(venueId, List.of());
        }

        @Override
        public Map<String, SeatState> seatStates(String eventId) {
            return states;
        }

        @Override
        public Page events(EventFilter filter, int first, String after) {
            filters.add(filter);
            return page;
        }
    }

    private final ChosenRows catalog = new ChosenRows();
    private final CatalogGraphQlController controller = new CatalogGraphQlController(catalog);

    private static Money money(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static Section section(String id, String category, int seats) {
        return new Section(id, id + " stand", category, List.of(new Row("1", IntStream.rangeClosed(1, seats)
                .mapToObj(n -> new SeatPosition(Integer.toString(n), (double) n, 2.5)).toList())));
    }

    private static EventRow event(String id, Instant startsAt, Map<String, Money> prices) {
        return new EventRow(id, "Concert " + id, startsAt, null, "v-1", prices, null, 8, SalesState.OPEN, null, false);
    }

    private EventRow twoSectionEvent() {
        catalog.layouts.put("v-1", List.of(section("A", "STD", 2), section("B", "VIP", 1)));
        catalog.states.put("A-1-2", new SeatState("HELD", HELD_UNTIL));
        catalog.states.put("B-1-1", new SeatState("SOLD", null));
        return event("e-1", HELD_UNTIL, Map.of("STD", STD, "VIP", VIP));
    }

    @Test
    void everySeatIsPricedByItsCategoryAndAvailableUnlessHeldOrSold() {
        List<SeatNode> seats = controller.seats(twoSectionEvent(), null);

        assertThat(seats).extracting(SeatNode::id, SeatNode::section, SeatNode::row, SeatNode::number,
                        SeatNode::category, SeatNode::price, SeatNode::status, SeatNode::heldUntil)
                .containsExactly(
                        tuple("A-1-1", "A", "1", "1", "STD", STD, "AVAILABLE", null),
                        tuple("A-1-2", "A", "1", "2", "STD", STD, "HELD", HELD_UNTIL.toString()),
                        tuple("B-1-1", "B", "1", "1", "VIP", VIP, "SOLD", null));
        assertThat(seats.get(1).x()).isEqualTo(2.0);
        assertThat(seats.get(1).y()).isEqualTo(2.5);
    }

    @Test
    void seatsOfOneSectionAreThatSectionsOnly() {
        assertThat(controller.seats(twoSectionEvent(), "B")).extracting(SeatNode::id).containsExactly("B-1-1");
        assertThat(controller.seats(twoSectionEvent(), "no-such-section")).isEmpty();
    }

    @Test
    void moreSeatObjectsThanTenThousandAreRefusedButOneSectionOfThemIsNot() {
        catalog.layouts.put("v-1", List.of(section("A", "STD", 10_000), section("B", "STD", 1)));
        EventRow event = event("e-1", HELD_UNTIL, Map.of("STD", STD));

        assertThatThrownBy(() -> controller.seats(event, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seatMap");
        assertThat(controller.seats(event, "A")).hasSize(10_000);
        assertThat(controller.seats(event, "B")).hasSize(1);
    }

    @Test
    void theSeatMapHasOneStatusLetterPerSeatInTheOrderOfItsColumns() {
        Map<String, Object> seatMap = controller.seatMap(twoSectionEvent());

        assertThat(seatMap).containsOnlyKeys("seatIds", "sections", "rows", "numbers", "x", "y", "categories",
                "access", "status");
        assertThat(seatMap.get("seatIds")).isEqualTo(List.of("A-1-1", "A-1-2", "B-1-1"));
        assertThat(seatMap.get("categories")).isEqualTo(List.of("STD", "STD", "VIP"));
        assertThat(seatMap.get("status")).isEqualTo("AHS");
    }

    @Test
    void aHouseSeatIsAnXOnTheSeatMapAndHouseInTheSeatList() {
        EventRow event = twoSectionEvent();
        catalog.states.put("A-1-1", new SeatState("HOUSE", null));

        assertThat(controller.seatMap(event).get("status")).isEqualTo("XHS");
        assertThat(controller.seats(event, "A")).extracting(SeatNode::status).containsExactly("HOUSE", "HELD");
    }

    @Test
    void pricesAreListedByCategoryAndTheirRangeIsByAmountNotByText() {
        // as text "120.00" < "49.00" < "9.50"
        EventRow event = event("e-1", HELD_UNTIL, Map.of("VIP", VIP, "STD", STD, "BALCONY", money("49.00")));

        assertThat(controller.prices(event)).extracting(CatalogGraphQlController.CategoryPrice::category)
                .containsExactly("BALCONY", "STD", "VIP");
        assertThat(controller.priceRange(event)).isEqualTo(new CatalogGraphQlController.PriceRange(STD, VIP));
    }

    @Test
    void aPageOfEventsHasTheCursorOfEachEventAndEndsAtTheLastOne() {
        Instant first = Instant.parse("2027-05-01T20:00:00Z");
        Instant second = Instant.parse("2027-05-02T20:00:00Z");
        catalog.page = new Page(List.of(event("e-1", first, Map.of("STD", STD)),
                event("e-2", second, Map.of("STD", STD))), true);

        EventConnection connection = controller.events("Lyon", "2027-05-01T00:00:00Z", "2027-06-01T00:00:00Z",
                "rock", 2, null);

        assertThat(catalog.filters).containsExactly(new EventFilter("Lyon", Instant.parse("2027-05-01T00:00:00Z"),
                Instant.parse("2027-06-01T00:00:00Z"), "rock"));
        assertThat(connection.edges()).extracting(edge -> Cursor.decode(edge.cursor()))
                .containsExactly(new Cursor(first, "e-1"), new Cursor(second, "e-2"));
        assertThat(connection.pageInfo().hasNextPage()).isTrue();
        assertThat(connection.pageInfo().endCursor()).isEqualTo(connection.edges().get(1).cursor());
    }

    @Test
    void anEmptyPageHasNoEndCursor() {
        EventConnection connection = controller.events(null, null, null, null, 20, null);

        assertThat(connection.edges()).isEmpty();
        assertThat(connection.pageInfo().hasNextPage()).isFalse();
        assertThat(connection.pageInfo().endCursor()).isNull();
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyQueryRuns() {
        assertThatThrownBy(() -> controller.events(null, null, null, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("first must be between 1 and 100");
        assertThatThrownBy(() -> controller.events(null, null, null, null, 101, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("first must be between 1 and 100");
        assertThatThrownBy(() -> controller.events(null, "next friday", null, null, 20, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("from must be an ISO-8601");
        assertThatThrownBy(() -> controller.events(null, null, "2027-13-01", null, 20, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("to must be an ISO-8601");
        assertThatThrownBy(() -> controller.events(null, null, null, "rock\u202Eroll", 20, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("text: printable");
        assertThatThrownBy(() -> controller.events("Ly\u0000on", null, null, null, 20, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("city: printable");
        assertThat(catalog.filters).isEmpty();

        // a blank search is no filter, not a bad one
        controller.events(" ", null, null, "", 100, null);
        assertThat(catalog.filters).hasSize(1);
    }
}
