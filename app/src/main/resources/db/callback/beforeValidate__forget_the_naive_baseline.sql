-- The naive baseline's tables were once a product migration (2026.11.28.10); they moved to the load tests with a
-- Flyway history of their own. Databases made before still list it, which would fail validation as a migration
-- gone missing: forget it (its tables stay, unused, and the load tests' baseline reuses them).
DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '2026.11.28.10';
    END IF;
END
$$;
