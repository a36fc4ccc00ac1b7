package io.boxoffice.app.web;

import org.springframework.http.HttpStatus;

import java.util.Locale;

/** The stable problem type of an HTTP status that has no more specific one: {@code /problems/method-not-allowed}. */
final class ProblemTypes {

    private ProblemTypes() {
    }

    static String slug(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return "http-" + status;
        }
        return known == HttpStatus.INTERNAL_SERVER_ERROR ? "internal-error"
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
