-- Reservations as they were placed, the command side's own lookup: a repeated request (same Idempotency-Key) and
-- the owner's checkout are answered from it. Written in the transaction that places the reservation, so it knows
-- every reservation the moment its fan is told; the fans' reservation view is a replayable projection instead.
CREATE TABLE placed_reservation (
    reservation_id VARCHAR(64)    NOT NULL PRIMARY KEY,
    event_id       VARCHAR(64)    NOT NULL,
    user_id        VARCHAR(255)   NOT NULL,
    seat_ids       TEXT[]         NOT NULL,
    held_until     TIMESTAMPTZ    NOT NULL,
    amount         NUMERIC(12, 2) NOT NULL,
    currency       CHAR(3)        NOT NULL
);

-- reservations placed before: the view, until now written in the same transactions, knows them all
INSERT INTO placed_reservation (reservation_id, event_id, user_id, seat_ids, held_until, amount, currency)
SELECT reservation_id, event_id, user_id, seat_ids, expires_at, amount, currency FROM reservation_view;
