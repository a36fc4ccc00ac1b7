package io.boxoffice.query.catalog;

import io.boxoffice.api.catalog.FindSeatCounts.SeatCounts;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.common.Money;
import io.boxoffice.api.common.TextRules;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** GraphQL for browsing: events with cursor pagination, an event's seats, venues (schema: graphql/schema.graphqls). */
@Controller
public class CatalogGraphQlController {

    public static final int MAX_PAGE = 100;
    /** {@code seats} answers one object per seat; beyond this many, {@code seatMap} is the form to ask for. */
    static final int MAX_SEAT_NODES = 10_000;

    /** seatMap's status letters; a house seat is 'X', as 'H' is a fan's hold. */
    private static final Map<String, Character> STATUS_LETTERS = Map.of("HELD", 'H', "SOLD", 'S', "HOUSE", 'X');

    private final CatalogReadModel catalog;

    public CatalogGraphQlController(CatalogReadModel catalog) {
        this.catalog = catalog;
    }

    public record EventConnection(List<EventEdge> edges, PageInfo pageInfo) {
    }

    public record EventEdge(String cursor, CatalogReadModel.EventRow node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    public record SectionNode(String id, String name, String category, int seatCount) {
    }

    public record CategoryPrice(String category, Money price) {
    }

    public record PriceRange(Money min, Money max) {
    }

    public record SeatNode(String id, String section, String row, String number, double x, double y, String category,
                           Money price, String status, String heldUntil) {
    }

    @QueryMapping
    public EventConnection events(@Argument String city, @Argument String from, @Argument String to,
                                  @Argument String text, @Argument int first, @Argument String after) {
        if (first < 1 || first > MAX_PAGE) {
            throw new IllegalArgumentException("first must be between 1 and " + MAX_PAGE);
        }
        searched("city", city);
        searched("text", text);
        CatalogReadModel.Page page = catalog.events(
                new CatalogReadModel.EventFilter(city, instant("from", from), instant("to", to), text), first, after);
        List<EventEdge> edges = page.events().stream()
                .map(event -> new EventEdge(new CatalogReadModel.Cursor(event.startsAt(), event.id()).encode(), event))
                .toList();
        return new EventConnection(edges,
                new PageInfo(page.hasNext(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    @QueryMapping
    public CatalogReadModel.EventRow event(@Argument String id) {
        return catalog.event(id).orElse(null);
    }

    @QueryMapping
    public CatalogReadModel.VenueRow venue(@Argument String id) {
        return catalog.venues(List.of(id)).get(id);
    }

    @QueryMapping
    public List<CatalogReadModel.VenueRow> venues() {
        return catalog.allVenues();
    }

    @BatchMapping(typeName = "Event")
    public Map<CatalogReadModel.EventRow, CatalogReadModel.VenueRow> venue(List<CatalogReadModel.EventRow> events) {
        Map<String, CatalogReadModel.VenueRow> venues = catalog.venues(
                events.stream().map(CatalogReadModel.EventRow::venueId).collect(Collectors.toSet()));
        return events.stream().collect(Collectors.toMap(Function.identity(), event -> venues.get(event.venueId()),
                (a, b) -> a));
    }

    @BatchMapping(typeName = "Event")
    public Map<CatalogReadModel.EventRow, SeatCounts> counts(List<CatalogReadModel.EventRow> events) {
        Map<String, SeatCounts> counts = catalog.counts(events);
        return events.stream().collect(Collectors.toMap(Function.identity(), event -> counts.get(event.id()),
                (a, b) -> a));
    }

    @SchemaMapping(typeName = "Event")
    public String startsAt(CatalogReadModel.EventRow event) {
        return event.startsAt().toString();
    }

    @SchemaMapping(typeName = "Event")
    public String salesState(CatalogReadModel.EventRow event) {
        return event.salesState().name();
    }

    @SchemaMapping(typeName = "Event")
    public String salesStartAt(CatalogReadModel.EventRow event) {
        return event.salesStartAt() == null ? null : event.salesStartAt().toString();
    }

    @SchemaMapping(typeName = "Event")
    public List<CategoryPrice> prices(CatalogReadModel.EventRow event) {
        return event.prices().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(price -> new CategoryPrice(price.getKey(), price.getValue())).toList();
    }

    @SchemaMapping(typeName = "Event")
    public PriceRange priceRange(CatalogReadModel.EventRow event) {
        Comparator<Money> byAmount = Comparator.comparing(Money::amount);
        return new PriceRange(event.prices().values().stream().min(byAmount).orElseThrow(),
                event.prices().values().stream().max(byAmount).orElseThrow());
    }

    /** The venue's layout, priced and with each seat's status: one read of the (cached) layout and one query. */
    @SchemaMapping(typeName = "Event")
    public List<SeatNode> seats(CatalogReadModel.EventRow event, @Argument String section) {
        Map<String, CatalogReadModel.SeatState> states = catalog.seatStates(event.id());
        List<SeatNode> seats = new ArrayList<>();
        for (Section s : catalog.layout(event.venueId())) {
            if (section != null && !section.equals(s.id())) {
                continue;
            }
            if (seats.size() + s.seatCount() > MAX_SEAT_NODES) {
                throw new IllegalArgumentException("seats answers at most " + MAX_SEAT_NODES + " seats: ask for one "
                        + "section (seats(section: ...)) or for seatMap");
            }
            Money price = event.prices().get(s.category());
            s.rows().forEach(row -> row.seats().forEach(seat -> {
                String seatId = Section.seatId(s.id(), row.label(), seat.number());
                CatalogReadModel.SeatState state = states.get(seatId);
                seats.add(new SeatNode(seatId, s.id(), row.label(), seat.number(), seat.x(), seat.y(), s.category(),
                        price, state == null ? "AVAILABLE" : state.status(),
                        state == null || state.heldUntil() == null ? null : state.heldUntil().toString()));
            }));
        }
        return seats;
    }

    /**
     * The seat map in columns: the venue's columns are built once and kept; per request only the status string is
     * made, one character per seat.
     */
    @SchemaMapping(typeName = "Event")
    public Map<String, Object> seatMap(CatalogReadModel.EventRow event) {
        CatalogReadModel.SeatColumns columns = catalog.seatColumns(event.venueId());
        Map<String, CatalogReadModel.SeatState> states = catalog.seatStates(event.id());
        StringBuilder status = new StringBuilder(columns.seatIds().size());
        columns.seatIds().forEach(seatId -> {
            CatalogReadModel.SeatState state = states.get(seatId);
            status.append(state == null ? 'A' : STATUS_LETTERS.get(state.status()));
        });
        Map<String, Object> seatMap = new LinkedHashMap<>();
        seatMap.put("seatIds", columns.seatIds());
        seatMap.put("sections", columns.sections());
        seatMap.put("rows", columns.rows());
        seatMap.put("numbers", columns.numbers());
        seatMap.put("x", columns.x());
        seatMap.put("y", columns.y());
        seatMap.put("categories", columns.categories());
        seatMap.put("access", columns.access());
        seatMap.put("status", status.toString());
        return seatMap;
    }

    @SchemaMapping(typeName = "Venue")
    public List<SectionNode> sections(CatalogReadModel.VenueRow venue) {
        return catalog.layout(venue.id()).stream()
                .map(s -> new SectionNode(s.id(), s.name(), s.category(), s.seatCount())).toList();
    }

    /** A search term is printable text, as the names it is compared with are (blank: no filter). */
    private static void searched(String argument, String value) {
        if (value != null && !value.isBlank()) {
            TextRules.problem(value, 100).ifPresent(problem -> {
                throw new IllegalArgumentException(argument + ": " + problem);
            });
        }
    }

    private static Instant instant(String argument, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(argument + " must be an ISO-8601 instant, e.g. 2030-01-01T00:00:00Z");
        }
    }
}
