package io.boxoffice.app.web;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A fan's account in the browser: sign-up with a password, sign-out that ends the session, sign-in again. */
class SignInBrowserIT extends ApplicationTest {

    private static final String SESSION = "return JSON.parse(localStorage.getItem('boxoffice.session'))";

    @Test
    void aFanSignsUpSignsOutAndSignsInAgainWithTheirPassword() {
        try (Browser fan = Browser.open(port)) {
            fan.go("#/sign-up");
            fan.type("input[name=username]", "Browser-Fan");
            fan.type("input[name=password]", "short");
            fan.click("form.sign-in button[type=submit]");
            // the rule in words, on the field it is about: not the server's terse "password: 10 to 128 characters"
            fan.waitForText(".problem", "A password has 10 to 128 characters");
            assertThat(fan.text(".problem")).doesNotContain("password:");
            assertThat(fan.element("input[name=password]").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(fan.element("input[name=username]").getAttribute("aria-invalid")).isNull();

            fan.signUp("browser-fan");
            String refreshToken = (String) fan.js(SESSION + ".refreshToken");
            fan.signOut();
            assertThat(fan.js("return localStorage.getItem('boxoffice.session')")).isNull();
            assertThat(api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}").status())
                    .as("signing out ended the session on the server too").isEqualTo(401);

            fan.go("#/sign-in");
            fan.type("input[name=username]", "browser-fan");
            fan.type("input[name=password]", "not my password");
            fan.click("form.sign-in button[type=submit]");
            fan.waitForText(".problem", "The username or the password is wrong.");

            fan.signIn("browser-fan", Api.PASSWORD);
            assertThat(fan.text("#who")).isEqualTo("browser-fan");
        }
    }

    @Test
    void anExpiredAccessTokenIsRenewedWithoutTheFanNoticing() {
        try (Browser fan = Browser.open(port)) {
            fan.signUp("renewing-fan");
            String first = (String) fan.js(SESSION + ".refreshToken");
            // minutes later: the access token has expired, the session has not
            fan.js("const s = " + SESSION.substring("return ".length()) + "; s.expiresAt = new Date(Date.now() - 1000)"
                    + ".toISOString(); localStorage.setItem('boxoffice.session', JSON.stringify(s));");

            fan.go("#/me");
            fan.waitForText("main h1", "My tickets");
            assertThat((Boolean) fan.js("return Date.parse(" + SESSION.substring("return ".length())
                    + ".expiresAt) > Date.now()")).as("a new access token").isTrue();
            assertThat((String) fan.js(SESSION + ".refreshToken")).as("the refresh token was spent").isNotEqualTo(first);
            assertThat(fan.text("#who")).isEqualTo("renewing-fan");
        }
    }
}
