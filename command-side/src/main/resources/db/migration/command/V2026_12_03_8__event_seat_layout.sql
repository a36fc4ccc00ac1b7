-- Where an event's seats are decided (its buckets and their seat shards), as its EventCreated recorded it; null for
-- events created before seats had shards: all their seats lie on the primary database.
ALTER TABLE event_seating ADD COLUMN seat_layout JSONB;
