package io.boxoffice.app.web;

import io.boxoffice.api.problem.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * RFC 9457 problems with a stable {@code type} per kind of refusal, rendered as {@code application/problem+json}:
 * the app's own, and the modules' {@link Problem}s, so that every module's errors look alike.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
                                        Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** A module's problem as the API answers it. */
    public static ResponseEntity<ProblemDetail> response(Problem problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
        if (problem.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        return response.body(problem(HttpStatus.valueOf(problem.status()), problem.type(), problem.title(),
                problem.detail(), problem.properties()));
    }

    /** The problem as an exception, to be thrown from a controller. */
    public static ErrorResponseException error(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, problem(status, type, title, detail, Map.of()), null);
    }

    /** A 400 naming each offending field with what is wrong with it, to be thrown from a controller. */
    public static ErrorResponseException invalid(String detail, Map<String, String> messageByField) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, invalidRequest(detail, messageByField), null);
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

    public static ProblemDetail invalidRequest(String detail, Map<String, String> messageByField) {
        List<Map<String, String>> errors = messageByField.entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, Map.of("errors", errors));
    }
}
