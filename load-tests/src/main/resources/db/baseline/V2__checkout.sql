-- The baseline pays as Boxoffice does: a checkout opens a payment, the gateway's signed webhook settles it.
ALTER TABLE baseline_reservation ADD COLUMN IF NOT EXISTS payment_id TEXT UNIQUE;
