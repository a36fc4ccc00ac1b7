-- Every gateway event id ever received, with the SHA-256 of its body: an id has one effect, whatever body comes
-- with it later. Written in the transaction that records the event's effect.
CREATE TABLE gateway_event (
    gateway_event_id VARCHAR(255) NOT NULL PRIMARY KEY,
    body_sha256      BYTEA        NOT NULL,
    reservation_id   VARCHAR(64)  NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
