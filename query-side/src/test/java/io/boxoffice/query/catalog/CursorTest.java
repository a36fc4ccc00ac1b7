package io.boxoffice.query.catalog;

import io.boxoffice.query.catalog.CatalogReadModel.Cursor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The events list's opaque cursor: what a page hands out comes back as the same sort key, travels in a URL as it
 * is, and anything a client makes up is refused as a bad argument rather than failing the query.
 */
class CursorTest {

    private static final Instant STARTS_AT = Instant.parse("2027-06-21T19:30:00.123Z");

    @Test
    void aCursorDecodesToTheSortKeyItWasMadeOf() {
        Cursor cursor = new Cursor(STARTS_AT, "3f1c9a7e-event");

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void anEventIdWithTheSeparatorInItSurvivesTheRoundTrip() {
        Cursor cursor = new Cursor(STARTS_AT, "odd|id|");

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void anEncodedCursorIsUrlSafeWithoutPadding() {
        // ids of every length modulo 3 (padding in plain Base64), and bytes it encodes with "+"
        for (String eventId : new String[]{"?>?>", "a", "ab", "~~~~~~"}) {
            assertThat(new Cursor(STARTS_AT, eventId).encode()).matches("[A-Za-z0-9_-]+");
        }
    }

    @Test
    void whatIsNotACursorIsRefusedAsABadArgument() {
        String noSeparator = encoded("2027-06-21T19:30:00Z");
        String notAnInstant = encoded("tomorrow|e-1");
        for (String cursor : new String[]{"not base64!", noSeparator, notAnInstant}) {
            assertThatThrownBy(() -> Cursor.decode(cursor))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a cursor of this API: " + cursor);
        }
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
