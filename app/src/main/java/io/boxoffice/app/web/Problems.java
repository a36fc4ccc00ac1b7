package io.boxoffice.app.web;

import io.boxoffice.api.problem.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

    public static ProblemDetail invalidRequest(String detail, Map<String, String> messageByField) {
        List<Map<String, String>> errors = messageByField.entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, Map.of("errors", errors));
    }
}
