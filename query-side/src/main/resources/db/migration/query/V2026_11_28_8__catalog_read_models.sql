-- Browsing read models, written by the pooled `catalog` projection (up to a couple of seconds behind).
CREATE TABLE venue_view (
    venue_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    city       VARCHAR(100) NOT NULL,
    seat_count INTEGER      NOT NULL,
    layout     JSONB        NOT NULL
);

CREATE TABLE event_view (
    event_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    venue_id       VARCHAR(64)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    starts_at      TIMESTAMPTZ  NOT NULL,
    sales_start_at TIMESTAMPTZ,
    prices         JSONB        NOT NULL
);
CREATE INDEX event_view_by_start ON event_view (starts_at, event_id);

-- Only seats that are not available have a row: an event of 80,000 seats starts with none.
CREATE TABLE seat_state (
    event_id       VARCHAR(64)  NOT NULL,
    seat_id        VARCHAR(100) NOT NULL,
    status         VARCHAR(10)  NOT NULL,
    reservation_id VARCHAR(64)  NOT NULL,
    held_until     TIMESTAMPTZ,
    PRIMARY KEY (event_id, seat_id)
);
