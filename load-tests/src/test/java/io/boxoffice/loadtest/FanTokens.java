package io.boxoffice.loadtest;

import com.fasterxml.jackson.core.JsonProcessingException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fans' access tokens made as the built-in sign-in makes them (HS256, issuer, audience, expiry, session), with the
 * run's issuer key ({@code -DissuerSecret}, what {@code run.sh} starts the application with). A flash sale's fans
 * signed in long before the on-sale: minting their tokens keeps thousands of password hashes out of what is
 * measured.
 */
final class FanTokens {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final String SECRET = System.getProperty("issuerSecret", "");

    private FanTokens() {
    }

    static String mint(String username) {
        if (SECRET.isEmpty()) {
            throw new IllegalStateException("-DissuerSecret=<the application's boxoffice.auth.issuer.secret> is "
                    + "needed to give the simulated fans their tokens (load-tests/run.sh passes it)");
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "boxoffice");
        claims.put("aud", List.of("boxoffice-api"));
        claims.put("sub", username);
        claims.put("iat", now);
        claims.put("exp", now + 3 * 3600);
        claims.put("sid", UUID.randomUUID().toString());
        claims.put("roles", List.of("FAN"));
        String signed = part(Map.of("alg", "HS256")) + "." + part(claims);
        return signed + "." + BASE64.encodeToString(hmac(signed));
    }

    private static String part(Object json) {
        try {
            return BASE64.encodeToString(Boxoffice.JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claims are plain data", e);
        }
    }

    private static byte[] hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
