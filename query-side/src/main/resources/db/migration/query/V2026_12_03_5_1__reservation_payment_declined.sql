-- A declined payment no longer ends a reservation: the view says when the last one was declined, so that the fan's
-- page can say so and offer to pay again while the hold lasts.
ALTER TABLE reservation_view_blue ADD COLUMN payment_declined_at TIMESTAMPTZ;
ALTER TABLE reservation_view_green ADD COLUMN payment_declined_at TIMESTAMPTZ;

DO $$
DECLARE
    generation TEXT := (SELECT lower(serving) FROM read_model_generation WHERE read_model = 'reservations');
BEGIN
    EXECUTE format('CREATE OR REPLACE VIEW reservation_view AS SELECT * FROM reservation_view_%s', generation);
END $$;
