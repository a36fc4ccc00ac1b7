-- Organizers' tools: who created an event (null for events stored before: every organizer sees those), where its
-- sales stand (SCHEDULED until they open, OPEN, PAUSED, CLOSED), whether its accessible seats are on general sale;
-- and house seats, rows of seat_state with status HOUSE and no reservation. Both generations change alike, and the
-- views are made again over the serving one, as a switch of generations makes them.
ALTER TABLE event_view_blue ADD COLUMN organizer VARCHAR(200);
ALTER TABLE event_view_blue ADD COLUMN sales_state VARCHAR(10);
ALTER TABLE event_view_blue ADD COLUMN accessible_seats_released BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE event_view_green ADD COLUMN organizer VARCHAR(200);
ALTER TABLE event_view_green ADD COLUMN sales_state VARCHAR(10);
ALTER TABLE event_view_green ADD COLUMN accessible_seats_released BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE event_view_blue SET sales_state = CASE WHEN sales_start_at IS NULL THEN 'OPEN' ELSE 'SCHEDULED' END;
UPDATE event_view_green SET sales_state = CASE WHEN sales_start_at IS NULL THEN 'OPEN' ELSE 'SCHEDULED' END;
ALTER TABLE event_view_blue ALTER COLUMN sales_state SET NOT NULL;
ALTER TABLE event_view_green ALTER COLUMN sales_state SET NOT NULL;

ALTER TABLE seat_state_blue ALTER COLUMN reservation_id DROP NOT NULL;
ALTER TABLE seat_state_green ALTER COLUMN reservation_id DROP NOT NULL;

DO $$
DECLARE
    generation TEXT := (SELECT lower(serving) FROM read_model_generation WHERE read_model = 'catalog');
BEGIN
    EXECUTE format('CREATE OR REPLACE VIEW event_view AS SELECT * FROM event_view_%s', generation);
END $$;
