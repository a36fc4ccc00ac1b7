package io.boxoffice.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.boxoffice.api.problem.RequestRefused;
import io.boxoffice.command.refusal.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every error of the API is RFC 9457 problem+json. Malformed bodies and failed validation are 400s of type
 * {@code /problems/invalid-request}, naming each offending field.
 */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    /** Enough to fix a request; a layout of 80,000 broken seats does not need 80,000 messages back. */
    private static final int MAX_REPORTED_ERRORS = 50;

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .limit(MAX_REPORTED_ERRORS)
                .map(error -> Map.of("field", error.getField(), "message", message(error)))
                .toList();
        return invalid("The request body is not valid", errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException e,
                                                                            @NonNull HttpHeaders headers,
                                                                            @NonNull HttpStatusCode status,
                                                                            @NonNull WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", result.getMethodParameter().getParameterName() == null ? "request"
                                : result.getMethodParameter().getParameterName(),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .limit(MAX_REPORTED_ERRORS)
                .toList();
        return invalid("The request is not valid", errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalid("A field of the request body has the wrong type", List.of(Map.of(
                    "field", path(mismatch.getPath()), "message", expected(mismatch.getTargetType()))), headers);
        }
        String field = e.getCause() instanceof JsonProcessingException ? "body" : "request";
        return invalid("The request body is missing or is not valid JSON of the expected shape",
                List.of(Map.of("field", field, "message", "a JSON object of the documented shape")), headers);
    }

    /** {@code sections[0].rows[2].seats[5].x}, as bean validation names fields. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "not of the expected type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return Integer.class.equals(type) || Long.class.equals(type) || int.class.equals(type)
                    || long.class.equals(type) ? "a whole number" : "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 instant, such as 2030-06-01T20:00:00Z";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Boolean.class.equals(type) || boolean.class.equals(type)) {
            return "true or false";
        }
        return Collection.class.isAssignableFrom(type) ? "a list" : "an object";
    }

    /** Spring's own problems (405, 415, 404…) get a stable type of their own instead of {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception e, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode status,
                                                             @NonNull WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && URI.create("about:blank").equals(problem.getType())) {
            problem.setType(URI.create("/problems/" + ProblemTypes.slug(status.value())));
        }
        return response;
    }

    /** A module's refusal, answered with its problem. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(RequestRefused refused) {
        return Problems.response(refused.problem());
    }

    /**
     * A failure of PostgreSQL, alone or as the cause of another exception, is answered here and never thrown on:
     * Spring MVC takes an exception thrown out of an exception handler for a client that went away when its causes
     * hold an {@code EOFException} (as they do when PostgreSQL drops a connection mid-statement) and answers an empty
     * 200. A value PostgreSQL cannot take (SQLSTATE class 22, "data exception": a NUL character, a date out of range)
     * came from the request, which validation should have refused: it is the client's 400. PostgreSQL out of reach
     * is a 503 to retry; anything else a 500.
     */
    @ExceptionHandler
    ResponseEntity<?> dataException(DataAccessException e) {
        if (DatabaseFailures.causedByBadValue(e)) {
            return invalid("A value of the request is not one that can be stored or looked up",
                    List.of(Map.of("field", "request", "message", "printable text and dates within range")),
                    new HttpHeaders());
        }
        if (DatabaseFailures.causedByUnavailableDatabase(e)) {
            log.warn("Answered 503, the database is out of reach: {}", e.toString());
            return ProblemErrors.databaseUnavailable();
        }
        log.error("Request failed in the database", e);
        return ProblemErrors.withStatus(HttpStatus.INTERNAL_SERVER_ERROR.value(), false);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static ResponseEntity<Object> invalid(String detail, List<Map<String, String>> errors, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("/problems/invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }
}
