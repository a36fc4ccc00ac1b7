package io.boxoffice.saga.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The webhook signature, modelled on the scheme large gateways use:
 * {@code Boxoffice-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>}. Signing the
 * timestamp with the body makes an old webhook useless to replay once it is older than the tolerance.
 */
@Component
public class WebhookSignature {

    public static final String HEADER = "Boxoffice-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(WebhookSignature.class);

    private final SecretKeySpec key;

    public WebhookSignature(@Value("${boxoffice.payment.webhook-secret:}") String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            log.warn("No boxoffice.payment.webhook-secret: webhooks are signed with a key made for this run only; "
                    + "set one shared with your gateway (and every node)");
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** Thrown for a missing, malformed, wrong or stale signature. */
    public static class InvalidSignatureException extends RuntimeException {
        InvalidSignatureException(String message) {
            super(message);
        }
    }

    public String sign(byte[] body, Instant now) {
        long timestamp = now.getEpochSecond();
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(timestamp, body));
    }

    public void verify(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            throw new InvalidSignatureException("the " + HEADER + " header is missing");
        }
        Long timestamp = null;
        byte[] signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            try {
                if (pair.length == 2 && pair[0].equals("t")) {
                    timestamp = Long.parseLong(pair[1]);
                } else if (pair.length == 2 && pair[0].equals("v1")) {
                    signature = HexFormat.of().parseHex(pair[1]);
                }
            } catch (IllegalArgumentException malformed) {
                throw new InvalidSignatureException("the " + HEADER + " header is malformed");
            }
        }
        if (timestamp == null || signature == null) {
            throw new InvalidSignatureException("the " + HEADER + " header needs t= and v1=");
        }
        if (!MessageDigest.isEqual(mac(timestamp, body), signature)) {
            throw new InvalidSignatureException("the signature does not match the body");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(TOLERANCE) > 0) {
            throw new InvalidSignatureException("the signature's timestamp is more than " + TOLERANCE.toMinutes()
                    + " minutes away from now");
        }
    }

    private byte[] mac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
