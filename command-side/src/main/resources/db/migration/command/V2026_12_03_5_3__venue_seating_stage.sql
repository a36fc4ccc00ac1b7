-- Best available measures a seat's quality from the stage, where the layout draws one.
ALTER TABLE venue_seating ADD COLUMN stage JSONB;
