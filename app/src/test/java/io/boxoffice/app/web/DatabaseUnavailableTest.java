package io.boxoffice.app.web;

import jakarta.servlet.RequestDispatcher;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

    /**
     * PostgreSQL dropping a connection mid-statement leaves an EOFException among the causes, which Spring MVC takes
     * for a client that went away if an exception handler throws it on: it answered an empty 200 to a hold that was
     * not made.
     */
    @Test
    void aConnectionDroppedMidStatementIsA503NotAnEmpty200() throws Exception {
        SQLException dropped = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new EOFException());
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing(List.of(
                        new DataAccessResourceFailureException("dropped", dropped),
                        new CommandExecutionException("failed", new DataAccessResourceFailureException("dropped", dropped)),
                        new UncategorizedSQLException("query", "SELECT 1", new SQLException("broken", null,
                                new EOFException())))))
                .setControllerAdvice(new ApiProblemHandler()).build();

        for (int expected : new int[]{503, 503, 500}) {
            mvc.perform(post("/fail"))
                    .andExpect(status().is(expected))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(expected));
        }
    }

    /** Fails each request with the next of its failures. */
    @RestController
    static final class Failing {

        private final Iterator<RuntimeException> failures;

        Failing(List<RuntimeException> failures) {
            this.failures = failures.iterator();
        }

        @PostMapping("/fail")
        void fail() {
            throw failures.next();
        }
    }

    private static MockHttpServletRequest failedWith(Throwable failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        return request;
    }
}
