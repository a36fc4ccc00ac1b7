package io.boxoffice.app.support;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tokens signed with the test deployment's built-in issuer key, as whoever stole that key could make them, with
 * their claims changed: to show what the nodes check beyond the signature.
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** A token like the built-in issuer's (subject forged-fan, roles FAN and ADMIN), changed by {@code change}. */
    public static String forge(Consumer<JwtClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer("boxoffice").audience(List.of("boxoffice-api"))
                .subject("forged-fan").issuedAt(now).expiresAt(now.plusSeconds(300))
                .claim("sid", UUID.randomUUID().toString()).claim("roles", List.of("FAN", "ADMIN"));
        change.accept(claims);
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(
                TestServers.TOKEN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }
}
