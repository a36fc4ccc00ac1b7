package io.boxoffice.app.security;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Set;

/**
 * {@code boxoffice.auth.*}: the built-in sign-in (accounts with passwords, short-lived access tokens and refresh
 * tokens), or, with {@code issuer.enabled=false}, tokens of the external OpenID Connect issuer set in
 * {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param adminPassword the first administrator's ({@code admin}) password; the embedded default makes one when unset
 * @param admins        subjects of the external issuer who are organizers (ADMIN), granted by the operator here
 * @param auditors      subjects of the external issuer who are auditors (AUDITOR)
 * @param issuer        the built-in sign-in's tokens
 * @param revocationPollInterval how often a node reads the sessions signed out or revoked on any node
 */
@Validated
@ConfigurationProperties("boxoffice.auth")
public record AuthProperties(String adminPassword, Set<String> admins, Set<String> auditors,
                             @DefaultValue Issuer issuer,
                             @NotNull @DefaultValue("PT1S") Duration revocationPollInterval) {

    public AuthProperties {
        admins = admins == null ? Set.of() : Set.copyOf(admins);
        auditors = auditors == null ? Set.of() : Set.copyOf(auditors);
    }

    /**
     * @param enabled         the built-in sign-in; false: tokens of an external OpenID Connect issuer
     * @param secret          HMAC key of at least 32 bytes shared by all nodes; when missing each start makes a new one
     * @param accessTokenTtl  how long an access token is valid: minutes, so that a leaked one is worth little
     * @param refreshTokenTtl how long a session lasts without being used
     */
    public record Issuer(@DefaultValue("true") boolean enabled, String secret,
                         @NotNull @DefaultValue("PT5M") Duration accessTokenTtl,
                         @NotNull @DefaultValue("P14D") Duration refreshTokenTtl) {
    }
}
