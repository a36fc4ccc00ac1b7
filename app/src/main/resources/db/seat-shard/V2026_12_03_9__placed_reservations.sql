-- A seat shard: its event store comes from db/migration/event-store, shared with the primary database (the token
-- table comes with it, unused here); this is the lookup of the reservations placed on the shard, written in the
-- transaction that places each, as db/migration/command's is on the primary database (whose migration also fills
-- it from the reservations placed before it, which a shard never had).
CREATE TABLE placed_reservation (
    reservation_id VARCHAR(64)    NOT NULL PRIMARY KEY,
    event_id       VARCHAR(64)    NOT NULL,
    user_id        VARCHAR(255)   NOT NULL,
    seat_ids       TEXT[]         NOT NULL,
    held_until     TIMESTAMPTZ    NOT NULL,
    amount         NUMERIC(12, 2) NOT NULL,
    currency       CHAR(3)        NOT NULL
);
