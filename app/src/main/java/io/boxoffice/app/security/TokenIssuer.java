package io.boxoffice.app.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens of the built-in sign-in: HS256 JWTs that live minutes, naming their issuer, audience, subject,
 * roles and session. The decoder refuses a token that lacks any of {@code iss}, {@code aud}, {@code exp} or
 * {@code sid}, names another issuer or audience, has expired, or belongs to a revoked session.
 */
@Component
@ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "true", matchIfMissing = true)
public class TokenIssuer {

    static final String ISSUER = "boxoffice";
    static final String AUDIENCE = "boxoffice-api";
    /** The session a token belongs to: signing out or a change of roles revokes it. */
    public static final String SESSION_CLAIM = "sid";

    private final AuthProperties auth;
    private final Clock clock;
    /** 256 bits, the size of the hash. */
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretKey key;
    private final NimbusJwtEncoder encoder;

    public TokenIssuer(AuthProperties auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
        String secret = auth.issuer().secret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("Set boxoffice.auth.issuer.secret: at least " + MIN_SECRET_BYTES
                    + " bytes, the same on every node");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    public record AccessToken(String token, Instant expiresAt) {
    }

    /** @param roles the account's granted roles; every account is also a FAN */
    public AccessToken issue(String username, Collection<String> roles, String sessionId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(auth.issuer().accessTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(username)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(SESSION_CLAIM, sessionId)
                .claim(SecurityConfiguration.ROLES_CLAIM, roles)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new AccessToken(token, expiresAt);
    }

    JwtDecoder decoder(RevokedSessions revoked) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(ISSUER),
                required(JwtClaimNames.EXP),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience != null
                        && audience.contains(AUDIENCE)),
                new JwtClaimValidator<String>(SESSION_CLAIM, session -> session != null
                        && !revoked.isRevoked(session))));
        return decoder;
    }

    /** Spring's timestamp check skips a token without {@code exp}: one that never expires is refused here. */
    static OAuth2TokenValidator<Jwt> required(String claim) {
        return new JwtClaimValidator<>(claim, Objects::nonNull);
    }
}
