-- Every read model in two generations of tables, blue and green, each written by its own Axon processor
-- (catalog-blue, catalog-green, ...). Readers query views that select from the serving generation; a replay fills
-- the other one from the first event while this one serves, then the views move over in one transaction.
CREATE TABLE read_model_generation (
    read_model VARCHAR(64) NOT NULL PRIMARY KEY,
    serving    VARCHAR(5)  NOT NULL CHECK (serving IN ('BLUE', 'GREEN'))
);
INSERT INTO read_model_generation (read_model, serving) VALUES ('catalog', 'BLUE'), ('reservations', 'BLUE');

ALTER TABLE venue_view RENAME TO venue_view_blue;
ALTER TABLE event_view RENAME TO event_view_blue;
ALTER TABLE seat_state RENAME TO seat_state_blue;
ALTER TABLE reservation_view RENAME TO reservation_view_blue;
ALTER TABLE ticket_view RENAME TO ticket_view_blue;
ALTER TABLE refund_view RENAME TO refund_view_blue;

CREATE TABLE venue_view_green (LIKE venue_view_blue INCLUDING ALL);
CREATE TABLE event_view_green (LIKE event_view_blue INCLUDING ALL);
CREATE TABLE seat_state_green (LIKE seat_state_blue INCLUDING ALL);
CREATE TABLE reservation_view_green (LIKE reservation_view_blue INCLUDING ALL);
CREATE TABLE ticket_view_green (LIKE ticket_view_blue INCLUDING ALL);
CREATE TABLE refund_view_green (LIKE refund_view_blue INCLUDING ALL);

CREATE VIEW venue_view AS SELECT * FROM venue_view_blue;
CREATE VIEW event_view AS SELECT * FROM event_view_blue;
CREATE VIEW seat_state AS SELECT * FROM seat_state_blue;
CREATE VIEW reservation_view AS SELECT * FROM reservation_view_blue;
CREATE VIEW ticket_view AS SELECT * FROM ticket_view_blue;
CREATE VIEW refund_view AS SELECT * FROM refund_view_blue;
