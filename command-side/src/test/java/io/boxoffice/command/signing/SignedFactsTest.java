package io.boxoffice.command.signing;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed facts verify only as they were signed: same key, same version, same facts, same number of them. */
class SignedFactsTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes";
    private final SignedFacts facts = new SignedFacts(SECRET, "T1");

    @Test
    void whatWasSignedVerifiesWithItsFacts() {
        String signed = facts.sign("ticket-1", "event-1", "A-1-1", "alice");

        assertThat(signed).startsWith("T1.");
        assertThat(facts.verify(signed, 4)).contains(List.of("ticket-1", "event-1", "A-1-1", "alice"));
        assertThat(new SignedFacts(SECRET, "T1").verify(signed, 4)).as("on another node with the same key")
                .isPresent();
    }

    @Test
    void anAlteredOrForeignStringDoesNotVerify() {
        String signed = facts.sign("ticket-1", "event-1", "A-1-1", "alice");
        String[] parts = signed.split("\\.");
        String otherFacts = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("ticket-1|event-1|A-1-2|alice".getBytes());

        assertThat(facts.verify(parts[0] + "." + otherFacts + "." + parts[2], 4)).as("other facts").isEmpty();
        assertThat(new SignedFacts(SECRET + "!", "T1").verify(signed, 4)).as("another key").isEmpty();
        assertThat(new SignedFacts(SECRET, "T2").verify(signed, 4)).as("another version").isEmpty();
        assertThat(facts.verify(signed, 3)).as("another number of facts").isEmpty();
    }

    @Test
    void garbageIsRefusedWithoutAnError() {
        for (String garbage : new String[]{null, "", "T1", "T1..", "T1.!!!.???", "T1.a.b.c", "\u0000"}) {
            assertThat(facts.verify(garbage, 4)).as(String.valueOf(garbage)).isEmpty();
        }
    }
}
