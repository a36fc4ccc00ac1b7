package io.boxoffice.query.organizer;

import io.boxoffice.api.catalog.SalesState;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.common.Money;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.query.catalog.CatalogReadModel;
import io.boxoffice.query.catalog.CatalogReadModel.EventRow;
import io.boxoffice.query.catalog.CatalogReadModel.SectionCounts;
import io.boxoffice.query.catalog.CatalogReadModel.VenueRow;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What organizers (ADMIN) follow of their events: the list, and sales per section from browsing's read model (up to
 * a couple of seconds behind; the page asks again every couple of seconds).
 */
@RestController
public class OrganizerController {

    private static final SectionCounts NONE_TAKEN = new SectionCounts(0, 0, 0);

    private final CatalogReadModel catalog;

    public OrganizerController(CatalogReadModel catalog) {
        this.catalog = catalog;
    }

    /** An event as its organizer manages it; {@code timeZone} is its venue's, in which its times are shown. */
    public record OrganizerEvent(String eventId, String name, Instant startsAt, Instant salesStartAt,
                                 SalesState salesState, boolean accessibleSeatsReleased, String venueId,
                                 String venueName, String timeZone, Map<String, Money> prices) {
    }

    /** Seats and revenue (sold seats at the category's price) of one section, or of the whole event. */
    public record SectionSales(String sectionId, String name, String category, Money price, int seats,
                               int available, int held, int sold, int house, Money revenue) {
    }

    public record EventSales(String eventId, SalesState salesState, List<SectionSales> sections, SectionSales total) {
    }

    @GetMapping("/api/organizer/events")
    public ResponseEntity<List<OrganizerEvent>> events(Principal organizer) {
        List<EventRow> events = catalog.eventsOrganizedBy(organizer.getName());
        Map<String, VenueRow> venues = catalog.venues(events.stream().map(EventRow::venueId)
                .collect(Collectors.toSet()));
        return fresh(events.stream().map(event -> {
            VenueRow venue = venues.get(event.venueId());
            return new OrganizerEvent(event.id(), event.name(), event.startsAt(), event.salesStartAt(),
                    event.salesState(), event.accessibleSeatsReleased(), event.venueId(), venue.name(),
                    venue.timeZone(), event.prices());
        }).toList());
    }

    @GetMapping("/api/organizer/events/{eventId}/sales")
    public ResponseEntity<EventSales> sales(@PathVariable String eventId) {
        EventRow event = catalog.event(eventId).orElseThrow(() -> Problem.of(HttpStatus.NOT_FOUND.value(),
                "event-not-found", "Event not found", "no event " + eventId).refused());
        Map<String, SectionCounts> counts = catalog.countsBySection(eventId);
        List<SectionSales> sections = catalog.layout(event.venueId()).stream()
                .map(section -> sales(section, event.prices().get(section.category()),
                        counts.getOrDefault(section.id(), NONE_TAKEN)))
                .toList();
        return fresh(new EventSales(eventId, event.salesState(), sections, total(sections)));
    }

    private static SectionSales sales(Section section, Money price, SectionCounts taken) {
        int seats = section.seatCount();
        return new SectionSales(section.id(), section.name(), section.category(), price, seats,
                seats - taken.held() - taken.sold() - taken.house(), taken.held(), taken.sold(), taken.house(),
                new Money(price.amount().multiply(BigDecimal.valueOf(taken.sold())), price.currency()));
    }

    /** The event's sums; every price of an event is in one currency. */
    private static SectionSales total(List<SectionSales> sections) {
        SectionSales first = sections.get(0);
        return new SectionSales(null, null, null, null,
                sections.stream().mapToInt(SectionSales::seats).sum(),
                sections.stream().mapToInt(SectionSales::available).sum(),
                sections.stream().mapToInt(SectionSales::held).sum(),
                sections.stream().mapToInt(SectionSales::sold).sum(),
                sections.stream().mapToInt(SectionSales::house).sum(),
                sections.stream().map(SectionSales::revenue).reduce(new Money(BigDecimal.ZERO.setScale(2),
                        first.revenue().currency()), Money::plus));
    }

    /** Figures that change by the second: never from a cache. */
    private static <T> ResponseEntity<T> fresh(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
