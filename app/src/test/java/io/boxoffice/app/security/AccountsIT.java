package io.boxoffice.app.security;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.ForgedTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accounts of the built-in sign-in, tried as an outsider would: roles cannot be claimed, passwords are checked,
 * hashed and never shown, tokens are short-lived, bound to issuer, audience and session, and end when the session
 * does. A token that does not verify on a public read is no token at all.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountsIT extends ApplicationTest {

    private static final String ORGANIZER_VENUE = Api.venue("Claimed Hall", 1, 2);

    @Test
    void nobodyBecomesAnAdministratorByAskingForTheName() {
        Api.Response noPassword = api.post("/api/auth/token", null, "{\"username\":\"admin\"}");
        assertThat(noPassword.status()).isEqualTo(401);
        assertThat(noPassword.body().has("token")).isFalse();

        for (String name : List.of("admin", "Admin", " ADMIN ")) {
            Api.Response taken = api.post("/api/auth/accounts", null, Api.credentials(name, "my own secret words"));
            assertThat(taken.status()).as("sign-up as %s", name).isEqualTo(409);
        }
        Api.Response newcomer = api.post("/api/auth/accounts", null,
                "{\"username\":\"would-be-boss\",\"password\":\"my own secret words\",\"roles\":[\"ADMIN\"]}");
        assertThat(newcomer.status()).isEqualTo(201);
        assertThat(api.post("/api/venues", newcomer.text("token"), ORGANIZER_VENUE).status())
                .as("a claimed role is ignored").isEqualTo(403);
    }

    @Test
    void aFansTokenIsRefusedOnOrganizerAuditorAndOperatorCalls() {
        String fan = api.token("ordinary-fan");
        String eventId = api.eventWithSeats(1);

        assertThat(api.post("/api/venues", fan, ORGANIZER_VENUE).status()).isEqualTo(403);
        assertThat(api.post("/api/events", fan, "{}").status()).isEqualTo(403);
        assertThat(api.post("/api/audit/events/" + eventId + "/verify", fan, null).status()).isEqualTo(403);
        assertThat(api.get("/api/audit/events/" + eventId + "/seats/A-1-1/history", fan).status()).isEqualTo(403);
        assertThat(api.send("PUT", "/api/admin/accounts/ordinary-fan/roles", fan, "{\"roles\":[\"ADMIN\"]}")
                .status()).isEqualTo(403);
        assertThat(api.post("/api/admin/read-models/catalog/replay", fan, null).status()).isEqualTo(403);
        assertThat(api.get("/actuator/metrics", fan).status()).isEqualTo(403);
    }

    @Test
    void aFanSignsUpAndInWithAPasswordStoredOnlyAsAnArgon2Hash(CapturedOutput output) {
        String password = "a rather long " + UUID.randomUUID();
        Api.Response signedUp = api.post("/api/auth/accounts", null, Api.credentials("Hashed-Fan", password));
        assertThat(signedUp.status()).isEqualTo(201);
        assertThat(signedUp.text("username")).isEqualTo("hashed-fan");
        assertThat(signedUp.text("refreshToken")).isNotBlank();

        Api.Response signedIn = api.post("/api/auth/token", null, Api.credentials("hashed-fan", password));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(Instant.parse(signedIn.text("expiresAt"))).isBefore(Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(api.get("/api/reservations/none", signedIn.text("token")).status()).as("a valid token")
                .isEqualTo(404);

        String stored = context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT password_hash FROM account WHERE username = 'hashed-fan'", String.class);
        assertThat(stored).startsWith("{argon2}$argon2id$").doesNotContain(password);
        assertThat(output.getAll()).as("nothing printed the password").doesNotContain(password);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        api.token("known-fan");
        Api.Response wrongPassword = api.post("/api/auth/token", null, Api.credentials("known-fan", "not the one!!"));
        Api.Response unknownUser = api.post("/api/auth/token", null, Api.credentials("nobody-at-all", "not the one!!"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
        assertThat(wrongPassword.text("type")).isEqualTo("/problems/invalid-credentials");
    }

    @Test
    void weakOrMalformedCredentialsAreRefusedAndCreateNothing() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry(Api.credentials("short-pass", "too short"), "password"),
                Map.entry(Api.credentials("long-pass", "x".repeat(129) + "y"), "password"),
                Map.entry(Api.credentials("control-pass", "ten chars\u0000 and a nul"), "password"),
                Map.entry(Api.credentials("bidi-pass", "ten chars \u202E reversed"), "password"),
                Map.entry(Api.credentials("own-name", "own-name and more"), "password"),
                Map.entry(Api.credentials("common-pass", "password123"), "password"),
                Map.entry(Api.credentials("same-char", "aaaaaaaaaaaa"), "password"),
                Map.entry("{\"username\":\"no-pass\"}", "password"),
                Map.entry(Api.credentials("ab", "long enough words"), "username"),
                Map.entry(Api.credentials("with space", "long enough words"), "username"),
                Map.entry(Api.credentials("nul\u0000name", "long enough words"), "username"),
                Map.entry(Api.credentials("x".repeat(65), "long enough words"), "username"),
                Map.entry(Api.credentials("-leading", "long enough words"), "username"),
                Map.entry("{\"password\":\"long enough words\"}", "username"));
        refused.forEach((body, field) -> {
            Api.Response answer = api.post("/api/auth/accounts", null, body);
            assertThat(answer.status()).as("%s", body).isEqualTo(400);
            assertThat(answer.body().path("errors").findValuesAsText("field")).as("%s", body).contains(field);
            assertThat(answer.body().toString()).as("the password is not echoed").doesNotContain("long enough words");
        });
        for (String body : List.of("{\"username\":[\"a\"],\"password\":\"long enough words\"}",
                "{\"username\":\"typed\",\"password\":{\"a\":1}}", "not json", "[]")) {
            assertThat(api.post("/api/auth/accounts", null, body).status()).as("%s", body).isEqualTo(400);
        }
        Integer created = context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM account "
                + "WHERE username IN ('short-pass', 'long-pass', 'control-pass', 'bidi-pass', 'own-name', "
                + "'common-pass', 'same-char', 'no-pass', 'ab', 'typed')", Integer.class);
        assertThat(created).isZero();
    }

    @Test
    void rolesComeFromAnAdministratorAndAChangeEndsTheOldTokens() {
        String before = api.token("future-auditor");
        String eventId = api.eventWithSeats(1);
        String verify = "/api/audit/events/" + eventId + "/verify";
        assertThat(api.post(verify, before, null).status()).isEqualTo(403);

        Api.Response granted = api.send("PUT", "/api/admin/accounts/future-auditor/roles", api.token("admin"),
                "{\"roles\":[\"AUDITOR\"]}");
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.strings("roles")).containsExactly("FAN", "AUDITOR");

        assertThat(api.get("/api/reservations/none", before).status()).as("the old token is revoked").isEqualTo(401);
        Api.Response again = api.post("/api/auth/token", null, Api.credentials("future-auditor", Api.PASSWORD));
        assertThat(api.post(verify, again.text("token"), null).status()).isEqualTo(200);

        assertThat(api.send("PUT", "/api/admin/accounts/admin/roles", api.token("admin"), "{\"roles\":[]}")
                .status()).as("the first administrator keeps the role").isEqualTo(409);
        assertThat(api.send("PUT", "/api/admin/accounts/future-auditor/roles", api.token("admin"),
                "{\"roles\":[\"OWNER\"]}").status()).isEqualTo(400);
        assertThat(api.send("PUT", "/api/admin/accounts/no-such-fan/roles", api.token("admin"),
                "{\"roles\":[\"AUDITOR\"]}").status()).isEqualTo(404);
    }

    @Test
    void aRefreshTokenIsSpentOnUseAndItsReuseEndsTheSession() {
        Api.Response signedUp = api.post("/api/auth/accounts", null, Api.credentials("refreshing-fan", Api.PASSWORD));
        String first = signedUp.text("refreshToken");

        Api.Response renewed = api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + first + "\"}");
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.text("refreshToken")).isNotEqualTo(first);
        assertThat(api.get("/api/reservations/none", renewed.text("token")).status()).isEqualTo(404);

        Api.Response replayed = api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + first + "\"}");
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.text("type")).isEqualTo("/problems/invalid-refresh-token");
        assertThat(api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + renewed.text("refreshToken") + "\"}")
                .status()).as("the stolen session ended for both holders").isEqualTo(401);
        assertThat(api.get("/api/reservations/none", renewed.text("token")).status()).isEqualTo(401);

        for (String body : List.of("{}", "{\"refreshToken\":\"\"}", "{\"refreshToken\":\"" + "r".repeat(5000) + "\"}",
                "{\"refreshToken\":42}")) {
            assertThat(api.post("/api/auth/refresh", null, body).status()).as(body).isEqualTo(401);
        }
    }

    @Test
    void signingOutEndsTheSessionOnEveryNodeWithinASecond() {
        Api.Response signedIn = api.post("/api/auth/accounts", null, Api.credentials("leaving-fan", Api.PASSWORD));
        String token = signedIn.text("token");
        assertThat(api.get("/api/reservations/none", token).status()).isEqualTo(404);

        assertThat(api.post("/api/auth/sign-out", token, "{\"refreshToken\":\"" + signedIn.text("refreshToken")
                + "\"}").status()).isEqualTo(204);

        assertThat(api.get("/api/reservations/none", token).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + signedIn.text("refreshToken")
                + "\"}").status()).isEqualTo(401);
        RevokedSessions otherNodesView = new RevokedSessions(context.getBean(JdbcTemplate.class),
                context.getBean(AuthProperties.class));
        String session = claimsOf(token).get("sid").toString();
        assertThat(otherNodesView.isRevoked(session)).as("a node started after the sign-out knows it").isTrue();
    }

    @Test
    void tokensWithoutExpiryIssuerAudienceOrSessionOrWithOthersAreRefused() {
        Instant now = Instant.now();
        Map<String, Consumer<JwtClaimsSet.Builder>> forged = Map.of(
                "no exp", claims -> claims.claims(all -> all.remove("exp")),
                "no iss", claims -> claims.claims(all -> all.remove("iss")),
                "another iss", claims -> claims.issuer("https://evil.example"),
                "no aud", claims -> claims.claims(all -> all.remove("aud")),
                "another aud", claims -> claims.audience(List.of("another-api")),
                "no sid", claims -> claims.claims(all -> all.remove("sid")),
                "expired", claims -> claims.issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(300)));
        String valid = ForgedTokens.forge(claims -> { });
        assertThat(api.get("/api/reservations/none", valid).status()).as("the forger's key is right").isEqualTo(404);
        forged.forEach((what, change) -> assertThat(api.get("/api/reservations/none", ForgedTokens.forge(change)).status())
                .as("a token with %s", what).isEqualTo(401));
    }

    @Test
    void anExpiredTokenOnAPublicReadIsServedAsAnonymous() {
        String eventId = api.eventWithSeats(1);
        await().until(() -> api.get("/api/events/" + eventId + "/availability", null).status() == 200);
        String expired = ForgedTokens.forge(claims -> claims.issuedAt(Instant.now().minusSeconds(900))
                .expiresAt(Instant.now().minusSeconds(600)));

        assertThat(api.get("/api/events/" + eventId + "/availability", expired).status()).isEqualTo(200);
        assertThat(api.get("/api/events/" + eventId + "/waiting-room/line", expired).status()).isEqualTo(404);
        Api.Response browsing = api.graphql(expired, "{ events(first: 1) { edges { node { id } } } }", Map.of());
        assertThat(browsing.body().path("errors").isMissingNode()).as("%s", browsing.body()).isTrue();
        assertThat(api.get("/api/reservations/none", expired).status()).as("not on a fan's own call").isEqualTo(401);
        assertThat(api.reserve(expired, eventId, List.of("A-1-1")).status()).isEqualTo(401);
    }

    private static Map<String, Object> claimsOf(String token) {
        try {
            return Api.JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    Api.JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
