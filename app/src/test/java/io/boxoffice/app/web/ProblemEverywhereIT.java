package io.boxoffice.app.web;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error is problem+json with a stable type: also what Tomcat and Spring answer before any controller runs,
 * and nothing a client sends makes GraphQL report an INTERNAL_ERROR.
 */
class ProblemEverywhereIT extends ApplicationTest {

    private RawHttp.Answer raw(String requestLine, String... headers) {
        try (RawHttp client = RawHttp.connect(port)) {
            String[] all = new String[headers.length + 2];
            all[0] = "Host: localhost";
            all[1] = "Connection: close";
            System.arraycopy(headers, 0, all, 2, headers.length);
            return client.head(requestLine, all).answer();
        }
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"/problems/" + type + "\"");
        assertThat(answer.body()).doesNotContain("Tomcat", "<html", "Exception");
    }

    @Test
    void tomcatsOwnRefusalsAreProblems() {
        assertProblem(raw("GET /api/events/a%2Fb/availability HTTP/1.1"), 400, "bad-request");
        assertProblem(raw("GET /api/events/%zz/availability HTTP/1.1"), 400, "bad-request");
        assertProblem(raw("GET /api/events/%00/availability HTTP/1.1"), 400, "bad-request");
        assertProblem(raw("GET /a b c HTTP/1.1"), 400, "bad-request");
        assertProblem(raw("GET /api/events HTTP/1.1", "X-Big: " + "a".repeat(20_000)), 400, "bad-request");
    }

    @Test
    void springsOwnRefusalsHaveTypesOfTheirOwn() {
        assertProblem(raw("GET /error HTTP/1.1"), 404, "not-found");
        assertProblem(raw("GET /nothing/here HTTP/1.1"), 404, "not-found");
        assertProblem(raw("PATCH /api/venues HTTP/1.1", "Authorization: Bearer " + api.token("admin")), 405,
                "method-not-allowed");
        assertProblem(raw("POST /api/auth/token HTTP/1.1", "Content-Type: text/plain", "Content-Length: 0"), 415,
                "unsupported-media-type");
        assertProblem(raw("GET /api/venues/none HTTP/1.1", "X-Name: caf\u00e9"), 404, "venue-not-found");
    }

    @Test
    void identifiersThatAreNotTextAreTheClientsError() {
        for (String query : List.of("{ event(id: \"nul\\u0000\") { name } }", "{ venue(id: \"\\u0000\") { name } }")) {
            Api.Response answer = api.graphql(null, query, Map.of());
            assertThat(answer.body().toString()).as(query).doesNotContain("INTERNAL_ERROR");
        }
        Api.Response reservation = api.graphql(api.token("nul-fan"), "{ reservation(id: \"\\u0000\") { id } }",
                Map.of());
        assertThat(reservation.body().toString()).doesNotContain("INTERNAL_ERROR");
        Api.Response reserve = api.post("/api/events/" + "x\u0000y".replace("\u0000", "%00") + "/reservations",
                api.token("nul-fan"), "{\"seatIds\":[\"A-1-1\"]}");
        assertThat(reserve.status()).isBetween(400, 499);
        assertThat(reserve.contentType()).startsWith("application/problem+json");
    }
}
