package io.boxoffice.api.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacKeyTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMacVerifiesOnlyTheSamePartsUnderTheSameSecret() {
        HmacKey key = HmacKey.fromSecret(SECRET, "test.secret", HmacKey.MIN_SECRET_BYTES);
        byte[] mac = key.sign(bytes("t=1."), bytes("{\"id\":1}"));

        assertThat(key.verify(mac, bytes("t=1.{\"id\":1}"))).as("the parts are concatenated").isTrue();
        assertThat(key.verify(mac, bytes("t=2."), bytes("{\"id\":1}"))).isFalse();
        assertThat(HmacKey.fromSecret(SECRET + "!", "test.secret", 1).verify(mac, bytes("t=1.{\"id\":1}")))
                .isFalse();
    }

    @Test
    void withoutASecretThereIsNoKey() {
        assertThatThrownBy(() -> HmacKey.fromSecret("", "test.secret", HmacKey.MIN_SECRET_BYTES))
                .hasMessageContaining("Set test.secret");
        assertThatThrownBy(() -> HmacKey.fromSecret(null, "test.secret", 1)).hasMessageContaining("Set test.secret");
    }

    @Test
    void aShortSecretIsRefusedAtStartUp() {
        assertThatThrownBy(() -> HmacKey.fromSecret("short", "test.secret", HmacKey.MIN_SECRET_BYTES))
                .hasMessageContaining("test.secret must be at least 32 bytes");
    }
}
