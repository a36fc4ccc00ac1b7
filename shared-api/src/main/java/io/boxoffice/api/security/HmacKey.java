package io.boxoffice.api.security;


import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * An HMAC-SHA256 key from configuration, for what Boxoffice signs: tokens, webhooks, ticket codes. There is always a
 * configured secret (the embedded default keeps its own in its data folder), so what one node signs verifies on
 * every node and after a restart.
 */
public final class HmacKey {

    /** 256 bits, the size of the hash. */
    public static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec key;

    private HmacKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * @param property the configuration property the secret comes from, named in messages
     * @param minBytes the shortest secret accepted (a webhook secret is whatever the gateway issued)
     */
    public static HmacKey fromSecret(String configured, String property, int minBytes) {
        if (configured == null || configured.isEmpty()) {
            throw new IllegalStateException("Set " + property + ": a key that every node shares");
        }
        byte[] secret = configured.getBytes(StandardCharsets.UTF_8);
        if (secret.length < minBytes) {
            throw new IllegalStateException(property + " must be at least " + minBytes + " bytes");
        }
        return new HmacKey(secret);
    }

    public SecretKey secretKey() {
        return key;
    }

    /** The MAC of the parts, concatenated. */
    public byte[] sign(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** Compares in constant time, so that the time of a refusal tells nothing about the right MAC. */
    public boolean verify(byte[] mac, byte[]... parts) {
        return MessageDigest.isEqual(sign(parts), mac);
    }
}
