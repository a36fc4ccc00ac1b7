package io.boxoffice.app.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.boxoffice.api.security.HmacKey;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The built-in token issuer of the embedded default: HS256-signed JWTs whose roles come from configuration. */
@Component
@ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "true", matchIfMissing = true)
public class TokenIssuer {

    static final String ISSUER = "boxoffice";

    private final AuthProperties auth;
    private final Clock clock;
    private final SecretKey key;
    private final NimbusJwtEncoder encoder;

    public TokenIssuer(AuthProperties auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
        this.key = HmacKey.fromSecret(auth.issuer().secret(), "boxoffice.auth.issuer.secret",
                HmacKey.MIN_SECRET_BYTES).secretKey();
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
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
