-- What an organizer may change about an event after creating it: where its sales stand (SCHEDULED until they open,
-- OPEN, PAUSED, CLOSED) and whether its wheelchair spaces and companion seats are on general sale.
ALTER TABLE event_seating ADD COLUMN sales_state VARCHAR(10);
UPDATE event_seating SET sales_state = CASE WHEN sales_start_at IS NULL THEN 'OPEN' ELSE 'SCHEDULED' END;
ALTER TABLE event_seating ALTER COLUMN sales_state SET NOT NULL;
ALTER TABLE event_seating ADD COLUMN accessible_seats_released BOOLEAN NOT NULL DEFAULT FALSE;
