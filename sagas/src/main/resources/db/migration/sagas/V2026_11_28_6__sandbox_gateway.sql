-- The sandbox payment gateway's own books: what a real gateway keeps on its side. Shared by all nodes, so a
-- payment opened through one node can be paid on a page served by another.
CREATE TABLE sandbox_payment (
    payment_id     VARCHAR(64)    NOT NULL PRIMARY KEY,
    reservation_id VARCHAR(64)    NOT NULL,
    amount         NUMERIC(12, 2) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    status         VARCHAR(20)    NOT NULL,
    created_at     TIMESTAMPTZ    NOT NULL DEFAULT now()
);

-- at most one open payment per reservation: opening checkout twice gives the same payment
CREATE UNIQUE INDEX sandbox_payment_open_per_reservation ON sandbox_payment (reservation_id) WHERE status = 'OPEN';
