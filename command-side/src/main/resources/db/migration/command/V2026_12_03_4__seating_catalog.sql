-- Venues and events as the command side needs them to take reservations: its own lookup, written in the
-- transaction that creates them (until now it read the first event of their streams).
CREATE TABLE venue_seating (
    venue_id VARCHAR(64) NOT NULL PRIMARY KEY,
    sections JSONB       NOT NULL
);

CREATE TABLE event_seating (
    event_id            VARCHAR(64) NOT NULL PRIMARY KEY,
    venue_id            VARCHAR(64) NOT NULL,
    sales_start_at      TIMESTAMPTZ,
    prices              JSONB       NOT NULL,
    waiting_room        JSONB,
    max_tickets_per_fan INT         NOT NULL
);

-- venues and events created before: the catalog's views hold the same data
INSERT INTO venue_seating (venue_id, sections) SELECT venue_id, layout FROM venue_view;
INSERT INTO event_seating (event_id, venue_id, sales_start_at, prices, waiting_room, max_tickets_per_fan)
SELECT event_id, venue_id, sales_start_at, prices, waiting_room, max_tickets_per_fan FROM event_view;
