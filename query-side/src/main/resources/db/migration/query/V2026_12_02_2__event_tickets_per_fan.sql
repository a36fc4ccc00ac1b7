-- Seats one fan may hold or own in an event over all their reservations (events created before: the default, 8)
ALTER TABLE event_view ADD COLUMN max_tickets_per_fan INT NOT NULL DEFAULT 8;
