package io.boxoffice.api.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a request was refused, as a value: an RFC 9457 problem with a stable {@code type} per kind of refusal (served
 * as {@code /problems/<type>}), what went wrong in words, facts the client can act on, and, when trying again later
 * helps, after how long. Every module refuses requests this way ({@link #refused()}); the app renders them as
 * {@code application/problem+json}, so that every module's errors look alike.
 *
 * @param status     the HTTP status
 * @param type       the kind of refusal, e.g. {@code event-not-found}
 * @param properties facts beside the standard members, e.g. the seats that were taken
 * @param retryAfter when trying again helps, after how long (null: it does not)
 */
public record Problem(int status, String type, String title, String detail, Map<String, Object> properties,
                      Duration retryAfter) {

    public Problem {
        properties = Map.copyOf(properties);
    }

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail, Map.of(), null);
    }

    /** A 400 naming each offending field with what is wrong with it. */
    public static Problem invalid(String detail, Map<String, String> messageByField) {
        List<Map<String, String>> errors = messageByField.entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue()))
                .toList();
        return of(400, "invalid-request", "Invalid request", detail).with("errors", errors);
    }

    public Problem with(String property, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(property, value);
        return new Problem(status, type, title, detail, more, retryAfter);
    }

    /** The same problem as a kind of its own, e.g. an invalid request that is an invalid webhook. */
    public Problem retyped(String type, String title) {
        return new Problem(status, type, title, detail, properties, retryAfter);
    }

    public Problem retryAfter(Duration wait) {
        return new Problem(status, type, title, detail, properties, wait);
    }

    /** The problem as an exception, to be thrown from a controller. */
    public RequestRefused refused() {
        return new RequestRefused(this);
    }
}
