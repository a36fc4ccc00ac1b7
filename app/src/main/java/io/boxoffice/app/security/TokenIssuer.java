package io.boxoffice.app.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The built-in token issuer of the embedded default: HS256-signed JWTs whose roles come from configuration. */
@Component
@ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "true", matchIfMissing = true)
public class TokenIssuer {

    static final String ISSUER = "boxoffice";
    private static final Logger log = LoggerFactory.getLogger(TokenIssuer.class);

    private final AuthProperties auth;
    private final Clock clock;
    private final SecretKey key;
    private final NimbusJwtEncoder encoder;

    public TokenIssuer(AuthProperties auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
        this.key = new SecretKeySpec(secret(auth.issuer().secret()), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    private static byte[] secret(String configured) {
        if (configured != null && configured.getBytes(StandardCharsets.UTF_8).length >= 32) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        if (configured != null) {
            throw new IllegalStateException("boxoffice.auth.issuer.secret must be at least 32 bytes");
        }
        log.warn("No boxoffice.auth.issuer.secret: signing tokens with a key made for this run only; tokens end "
                + "with it, and other nodes do not accept them");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public IssuedToken issue(String username) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(auth.issuer().tokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(username)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(SecurityConfiguration.ROLES_CLAIM, rolesOf(username))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    private List<String> rolesOf(String username) {
        List<String> roles = new ArrayList<>(List.of("FAN"));
        if (auth.admins().contains(username)) {
            roles.add("ADMIN");
        }
        if (auth.auditors().contains(username)) {
            roles.add("AUDITOR");
        }
        return roles;
    }

    JwtDecoder decoder() {
        return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }
}
