package io.boxoffice.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * An HMAC-SHA256 key from configuration, for what Boxoffice signs: tokens, webhooks, ticket codes. Without a
 * configured secret (the embedded default), a random key is made for this run, with a warning: what it signs
 * does not verify after a restart or on another node.
 */
public final class HmacKey {

    /** 256 bits, the size of the hash. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(HmacKey.class);

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
            log.warn("No {}: signing with a key made for this run only; what it signs will not verify after a "
                    + "restart or on other nodes", property);
            byte[] random = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            return new HmacKey(random);
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
