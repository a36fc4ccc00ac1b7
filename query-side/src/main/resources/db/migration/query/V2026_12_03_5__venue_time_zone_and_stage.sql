-- Venues have a time zone (their events' times are shown in it) and may draw a stage. Both generations gain the
-- columns; the view is made again over the serving one, as a switch of generations makes it.
ALTER TABLE venue_view_blue ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'UTC';
ALTER TABLE venue_view_blue ADD COLUMN stage JSONB;
ALTER TABLE venue_view_green ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'UTC';
ALTER TABLE venue_view_green ADD COLUMN stage JSONB;

DO $$
DECLARE
    generation TEXT := (SELECT lower(serving) FROM read_model_generation WHERE read_model = 'catalog');
BEGIN
    EXECUTE format('CREATE OR REPLACE VIEW venue_view AS SELECT * FROM venue_view_%s', generation);
END $$;
