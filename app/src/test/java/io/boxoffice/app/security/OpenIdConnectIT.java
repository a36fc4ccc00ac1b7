package io.boxoffice.app.security;

import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ForgedTokens;
import io.boxoffice.app.support.OpenIdIssuer;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that signs fans in through an external OpenID Connect issuer (a real one, Spring Authorization Server,
 * started here) instead of its own accounts, as production may: its tokens are checked for issuer, audience and
 * expiry, roles come from the issuer or from the operator's configuration, never from a fan. The same node runs
 * the operations endpoints on a private management port and makes its links from {@code boxoffice.public-url}.
 */
class OpenIdConnectIT {

    private static OpenIdIssuer issuer;
    private static ConfigurableApplicationContext node;
    private static Api api;

    @BeforeAll
    static void start() {
        issuer = OpenIdIssuer.start();
        node = new SpringApplicationBuilder(BoxofficeApplication.class)
                .initializers(new TestServers.Initializer())
                .run("--server.port=0", "--boxoffice.auth.issuer.enabled=false",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.uri(),
                        "--spring.security.oauth2.resourceserver.jwt.audiences=" + OpenIdIssuer.AUDIENCE,
                        "--boxoffice.auth.admins=ops-console",
                        "--management.server.port=0",
                        "--boxoffice.public-url=https://tickets.example.org");
        api = new Api(((ServletWebServerApplicationContext) node).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        node.close();
        issuer.close();
    }

    @Test
    void aFanOfTheIssuerReservesAndCannotOrganize() {
        String organizer = issuer.token("organizer-app");
        String venueId = api.createVenue(organizer, Api.venue("OIDC Hall", 1, 2));
        String eventId = api.createEvent(organizer, venueId, "");
        String fan = issuer.token("fan-app");

        Api.Response held = api.reserve(fan, eventId, List.of("A-1-1"));
        assertThat(held.status()).as("%s", held.body()).isEqualTo(201);
        assertThat(api.get("/api/reservations/" + held.text("reservationId"), fan).text("userId"))
                .isEqualTo("fan-app");
        assertThat(api.post("/api/venues", fan, Api.venue("Not mine", 1, 1)).status()).isEqualTo(403);
        assertThat(api.post("/api/audit/events/" + eventId + "/verify", fan, null).status()).isEqualTo(403);
    }

    @Test
    void theOperatorGrantsRolesToSubjectsOfTheIssuer() {
        assertThat(api.post("/api/venues", issuer.token("ops-console"), Api.venue("Ops Hall", 1, 1)).status())
                .isEqualTo(201);
    }

    @Test
    void tokensForAnotherAudienceOrOfAnotherIssuerAreNotAccepted() {
        String otherAudience = issuer.token("other-app");
        assertThat(api.post("/api/venues", otherAudience, Api.venue("Stolen Hall", 1, 1)).status()).isEqualTo(401);
        String builtIn = ForgedTokens.forge(claims -> { });
        assertThat(api.post("/api/venues", builtIn, Api.venue("Foreign Hall", 1, 1)).status())
                .as("a token of the built-in issuer").isEqualTo(401);
    }

    @Test
    void theBuiltInSignInIsSwitchedOff() {
        assertThat(api.post("/api/auth/token", null, Api.credentials("admin", "anything at all")).status())
                .isEqualTo(404);
    }

    @Test
    void linksComeFromTheConfiguredPublicUrl() {
        String organizer = issuer.token("organizer-app");
        String eventId = api.createEvent(organizer, api.createVenue(organizer, Api.venue("Link Hall", 1, 1)), "");
        String fan = issuer.token("fan-app");
        String reservationId = api.reserve(fan, eventId, List.of("A-1-1")).text("reservationId");

        Api.Response checkout = api.post("/api/reservations/" + reservationId + "/checkout", fan, null,
                "X-Forwarded-Host", "evil.example");
        assertThat(checkout.text("checkoutUrl")).startsWith("https://tickets.example.org/sandbox/checkout/");
    }

    @Test
    void operationsLiveOnTheManagementPortOnly() throws Exception {
        int management = Integer.parseInt(node.getEnvironment().getProperty("local.management.port"));
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + management + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("boxoffice_reservations_total");
        assertThat(api.raw("/actuator/prometheus").statusCode()).as("not on the public port").isIn(401, 404);
    }
}
