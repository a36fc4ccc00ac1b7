package io.boxoffice.app.account;

import io.boxoffice.api.common.TextRules;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a username and a password must be. Usernames are lower case (so {@code Admin} cannot pass for
 * {@code admin}); passwords are long rather than complicated (NIST SP 800-63B): 10 to 128 characters, any
 * printable ones including spaces, not the username and not one of the most common passwords.
 */
@Component
public class PasswordPolicy {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

    private final Set<String> common = commonPasswords();

    /** The username as accounts store it: trimmed and in lower case. */
    public static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /** What is wrong with a new account's username and password, by field; empty when nothing is. */
    public Map<String, String> problems(String username, String password) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!isUsername(username)) {
            problems.put("username", "3 to 64 characters: lower-case letters, digits and . _ @ -, starting with a "
                    + "letter or digit");
        }
        if (password == null) {
            problems.put("password", "is required");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            problems.put("password", MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        } else if (password.codePoints().anyMatch(TextRules::unprintable)) {
            problems.put("password", "letters, digits, spaces and symbols only: no control characters");
        } else if (username != null && password.toLowerCase(Locale.ROOT).contains(username)) {
            problems.put("password", "must not contain the username");
        } else if (common.contains(password.toLowerCase(Locale.ROOT))
                || password.codePoints().distinct().count() == 1) {
            problems.put("password", "is too easy to guess: it is among the most common passwords");
        }
        return problems;
    }

    private static Set<String> commonPasswords() {
        try (InputStream in = new ClassPathResource("security/common-passwords.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("the common passwords are part of the application", e);
        }
    }
}
