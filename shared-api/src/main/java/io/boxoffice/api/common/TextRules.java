package io.boxoffice.api.common;

import java.util.Optional;

/**
 * What a name or label must be to be shown to fans and stored anywhere: printable text of bounded length. Control
 * characters (NUL, ESC…), format characters such as the bidi overrides that reorder what a reader sees (U+202E),
 * unpaired surrogates (no character at all) and unassigned or private-use code points are refused, not cleaned up:
 * the sender learns what is wrong. The zero-width joiner of emoji sequences is text.
 */
public final class TextRules {

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private TextRules() {
    }

    /** What is wrong with a required text of at most {@code maxLength} characters, if anything. */
    public static Optional<String> problem(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return Optional.of("is required");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return Optional.of("at most " + maxLength + " characters");
        }
        return text.codePoints().anyMatch(TextRules::unprintable)
                ? Optional.of("printable characters only: no control, format (bidi) or unpaired surrogate characters")
                : Optional.empty();
    }

    /** Whether a code point is not a character a reader can see or a space. */
    public static boolean unprintable(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || (type == Character.FORMAT && codePoint != ZERO_WIDTH_JOINER);
    }
}
