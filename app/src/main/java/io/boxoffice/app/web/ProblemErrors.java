package io.boxoffice.app.web;

import io.boxoffice.command.refusal.DatabaseFailures;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/**
 * Errors that reach no controller's advice are problem+json too: Tomcat's own refusals ({@link ProblemReportValve})
 * and whatever the servlet container forwards to {@code /error} (an exception no handler took, a status set by a
 * filter). A 500 says that something failed on our side and nothing more; asking for {@code /error} itself is a 404.
 * A failure because PostgreSQL was out of reach is a 503 with {@code Retry-After}: nothing was done, the client may
 * repeat the request (with its Idempotency-Key) in a moment.
 */
@Configuration(proxyBeanMethods = false)
@RestController
public class ProblemErrors implements ErrorController {

    private static final String RETRY_DATABASE_AFTER_SECONDS = "2";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context ->
                ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName()));
    }

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseFailures.causedByUnavailableDatabase(failure)) {
            return databaseUnavailable();
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : HttpStatus.NOT_FOUND.value();
        return withStatus(status, code == null);
    }

    /** PostgreSQL out of reach: nothing was done, the request may be repeated (with its Idempotency-Key). */
    static ResponseEntity<ProblemDetail> databaseUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_DATABASE_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                        "The database cannot be reached; nothing was done, please try again", Map.of()));
    }

    /** A problem that says no more than its status (a 5xx never tells what failed inside). */
    static ResponseEntity<ProblemDetail> withStatus(int status, boolean nothingHere) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + ProblemTypes.slug(status)));
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setDetail(status >= 500 ? "Something went wrong on our side; please try again"
                : nothingHere ? "There is nothing here" : problem.getTitle());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
