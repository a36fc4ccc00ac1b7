package io.boxoffice.command.refusal;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/** What a failure in PostgreSQL was, read from its causes. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether a failure was a value the database cannot take (SQLSTATE class 22, "data exception": a NUL character,
     * a date out of range): a bad input that got past validation, the client's error, never a 500.
     */
    public static boolean causedByBadValue(Throwable failure) {
        return causedBy(failure, cause -> sqlState(cause).startsWith("22"));
    }

    /**
     * Whether a failure was PostgreSQL out of reach (restarting, failing over, no connection to be had in time):
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (shutting down, cannot connect now), or a pool that gave
     * up waiting for a connection. The request may be repeated once it is back.
     */
    public static boolean causedByUnavailableDatabase(Throwable failure) {
        return causedBy(failure, cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof CannotGetJdbcConnectionException
                || sqlState(cause).startsWith("08") || sqlState(cause).startsWith("57P0"));
    }

    /**
     * Whether PostgreSQL itself could not be reached or refused connections (SQLSTATE class 08 or 57P01-57P03, also as
     * the reason a pool gave up), rather than a pool whose connections were all busy for a while: the first is a
     * database down, the second one under load.
     */
    public static boolean causedByUnreachableDatabase(Throwable failure) {
        return causedBy(failure, cause -> sqlState(cause).startsWith("08") || sqlState(cause).startsWith("57P0"));
    }

    private static boolean causedBy(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    /** A JDBC failure's SQLSTATE; empty for anything else. */
    private static String sqlState(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }
}
