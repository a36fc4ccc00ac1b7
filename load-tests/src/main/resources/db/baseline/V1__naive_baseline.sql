-- The naive design Boxoffice is measured against (load tests only, never in production): one row per seat,
-- reserved with optimistic version checks and retries, no gate, no event store. IF NOT EXISTS: databases made before
-- the baseline left the product have these tables already.
CREATE TABLE IF NOT EXISTS baseline_seat (
    event_id       TEXT        NOT NULL,
    seat_id        TEXT        NOT NULL,
    status         TEXT        NOT NULL DEFAULT 'AVAILABLE',
    version        BIGINT      NOT NULL DEFAULT 0,
    reservation_id TEXT,
    held_until     TIMESTAMPTZ,
    PRIMARY KEY (event_id, seat_id)
);

CREATE TABLE IF NOT EXISTS baseline_reservation (
    reservation_id TEXT PRIMARY KEY,
    event_id       TEXT        NOT NULL,
    user_id        TEXT        NOT NULL,
    seat_ids       TEXT[]      NOT NULL,
    status         TEXT        NOT NULL,
    held_until     TIMESTAMPTZ NOT NULL
);
