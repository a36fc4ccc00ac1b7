package io.boxoffice.loadtest.baseline;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * How the load test, standing in for the baseline's payment gateway, signs its webhook: HMAC-SHA256 of the body, so
 * that the baseline verifies a signature per payment as Boxoffice does.
 */
public final class BaselineWebhookSignature {

    public static final String HEADER = "Baseline-Signature";

    private BaselineWebhookSignature() {
    }

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verifies(String secret, String body, String signature) {
        return signature != null && !secret.isEmpty() && MessageDigest.isEqual(
                sign(secret, body).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
