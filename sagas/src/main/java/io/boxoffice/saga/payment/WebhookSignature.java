package io.boxoffice.saga.payment;

import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    /** The secret shared with the gateway, whatever length it issued. */
    private final byte[] key;

    public WebhookSignature(PaymentProperties settings) {
        this.key = settings.webhookSecret().getBytes(StandardCharsets.UTF_8);
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
        // compared in constant time, so that the time of a refusal tells nothing about the right signature
        if (!MessageDigest.isEqual(mac(timestamp, body), signature)) {
            throw new InvalidSignatureException("the signature does not match the body");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(TOLERANCE) > 0) {
            throw new InvalidSignatureException("the signature's timestamp is more than " + TOLERANCE.toMinutes()
                    + " minutes away from now");
        }
    }

    /** The HMAC-SHA256 of {@code t + "." + body}, with a Mac of its own: one is not safe to share between threads. */
    private byte[] mac(long timestamp, byte[] body) {
        return HmacUtils.updateHmac(HmacUtils.getInitializedMac(HmacAlgorithms.HMAC_SHA_256, key), signed(timestamp))
                .doFinal(body);
    }

    /** What precedes the body in the signed text: {@code t + "."}. */
    private static byte[] signed(long timestamp) {
        return (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    }
}
