-- Tickets of confirmed reservations, one per seat, and refunds of payments that came too late.
CREATE TABLE ticket_view (
    ticket_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    reservation_id VARCHAR(64)  NOT NULL,
    event_id       VARCHAR(64)  NOT NULL,
    seat_id        VARCHAR(100) NOT NULL,
    holder         VARCHAR(255) NOT NULL
);
CREATE INDEX ticket_view_by_reservation ON ticket_view (reservation_id);

CREATE TABLE refund_view (
    reservation_id VARCHAR(64)    NOT NULL,
    payment_id     VARCHAR(64)    NOT NULL,
    amount         NUMERIC(12, 2) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    status         VARCHAR(20)    NOT NULL,
    PRIMARY KEY (reservation_id, payment_id)
);
