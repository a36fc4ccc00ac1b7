package io.boxoffice.query.catalog;

import io.boxoffice.api.catalog.FindSeatCounts;
import io.boxoffice.api.catalog.FindSeatCounts.SeatCounts;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers other modules' questions about seats left (the waiting room admits by them). */
@Component
public class SeatCountQueries {

    private final CatalogReadModel catalog;

    public SeatCountQueries(CatalogReadModel catalog) {
        this.catalog = catalog;
    }

    /** Empty while the event is not in browsing's read model yet. */
    @QueryHandler
    public Optional<SeatCounts> seatCounts(FindSeatCounts query) {
        return catalog.counts(query.eventId());
    }
}
