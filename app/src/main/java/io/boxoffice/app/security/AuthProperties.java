package io.boxoffice.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Set;

/**
 * {@code boxoffice.auth.*}: who is an organizer (ADMIN) or an auditor, and the built-in token issuer of the
 * embedded default. With {@code issuer.enabled=false}, tokens come from the external OpenID Connect issuer set in
 * {@code spring.security.oauth2.resourceserver.jwt.*} and carry their roles in the {@code roles} claim.
 */
@ConfigurationProperties("boxoffice.auth")
public record AuthProperties(Set<String> admins, Set<String> auditors, Issuer issuer) {

    public AuthProperties {
        admins = admins == null ? Set.of("admin") : Set.copyOf(admins);
        auditors = auditors == null ? Set.of() : Set.copyOf(auditors);
        issuer = issuer == null ? new Issuer(true, null, null) : issuer;
    }

    /**
     * @param secret HMAC key of at least 32 bytes shared by all nodes; when missing each start makes a new one
     * @param tokenTtl how long an issued token is valid
     */
    public record Issuer(boolean enabled, String secret, Duration tokenTtl) {

        public Issuer {
            tokenTtl = tokenTtl == null ? Duration.ofHours(12) : tokenTtl;
        }
    }
}
