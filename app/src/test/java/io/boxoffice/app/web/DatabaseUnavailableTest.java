package io.boxoffice.app.web;

import jakarta.servlet.RequestDispatcher;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A request that failed because PostgreSQL was out of reach is a 503 to retry, anything else stays a 500. */
class DatabaseUnavailableTest {

    private final ProblemErrors errors = new ProblemErrors();

    @Test
    void aDatabaseOutOfReachIsA503WithRetryAfter() {
        for (Throwable failure : new Throwable[]{
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")),
                // a command whose unit of work could not reach PostgreSQL, as Axon wraps it
                new CommandExecutionException("failed", new IllegalStateException(
                        new SQLException("terminating connection due to administrator command", "57P01"))),
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")}) {
            ResponseEntity<ProblemDetail> answer = errors.error(failedWith(failure));

            assertThat(answer.getStatusCode().value()).as(failure.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
            assertThat(answer.getBody().getType().toString()).isEqualTo("/problems/database-unavailable");
        }
    }

    @Test
    void otherFailuresStayA500() {
        ResponseEntity<ProblemDetail> answer = errors.error(failedWith(new DataIntegrityViolationException("dup",
                new SQLException("duplicate key", "23505"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
    }

    private static MockHttpServletRequest failedWith(Throwable failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        return request;
    }
}
