-- Reservations as their owners see them. Written by a subscribing projection in the transaction that
-- appends the events, so a fan reads their reservation back the moment it is acknowledged.
CREATE TABLE reservation_view (
    reservation_id VARCHAR(64)    NOT NULL PRIMARY KEY,
    event_id       VARCHAR(64)    NOT NULL,
    user_id        VARCHAR(255)   NOT NULL,
    seat_ids       TEXT[]         NOT NULL,
    status         VARCHAR(20)    NOT NULL,
    expires_at     TIMESTAMPTZ    NOT NULL,
    amount         NUMERIC(12, 2) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    placed_at      TIMESTAMPTZ    NOT NULL
);

CREATE INDEX reservation_view_by_user ON reservation_view (user_id, placed_at DESC);
