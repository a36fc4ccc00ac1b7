package io.boxoffice.command.signing;

import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A few facts in one compact, signed string that can be checked without any lookup:
 * {@code <version>.<base64url of the facts joined by "|">.<base64url of their HMAC-SHA256>}. Facts must not
 * contain "|". Ticket codes and waiting-room admissions are made this way, each with a key from configuration that
 * every node shares (its record validates it), so what one node signs verifies on every node and after a restart.
 */
public final class SignedFacts {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final String version;

    public SignedFacts(String secret, String version) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.version = version;
    }

    public String sign(String... facts) {
        String payload = ENCODER.encodeToString(String.join("|", facts).getBytes(StandardCharsets.UTF_8));
        return version + "." + payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The facts of an intact string signed with this key and version, if it has {@code count} of them. */
    public Optional<List<String>> verify(String signed, int count) {
        String[] parts = signed == null ? new String[0] : signed.split("\\.", -1);
        if (parts.length != 3 || !version.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            // compared in constant time, so that the time of a refusal tells nothing about the right MAC
            if (!MessageDigest.isEqual(mac(parts[1]), DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            List<String> facts = List.of(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8)
                    .split("\\|", -1));
            return facts.size() == count ? Optional.of(facts) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** A Mac per call: one is not safe to share between threads. */
    private byte[] mac(String payload) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmac(payload.getBytes(StandardCharsets.US_ASCII));
    }
}
