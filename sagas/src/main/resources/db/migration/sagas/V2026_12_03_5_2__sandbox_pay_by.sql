-- A payment can be made until the hold it pays for ends: the payment page shows the time left and refuses after it.
ALTER TABLE sandbox_payment ADD COLUMN pay_by TIMESTAMPTZ;
