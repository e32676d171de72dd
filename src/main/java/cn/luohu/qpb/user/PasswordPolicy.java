package cn.luohu.qpb.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Password rules in the spirit of OWASP ASVS level 2 (V2.1): at least 12 characters, long pass-phrases
 * allowed, no composition rules, and the obvious refused: the username and common passwords.
 * The upper bound is bcrypt's: it reads at most 72 bytes, so a longer secret would be silently cut.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    public static final int MAX_BYTES = 72;

    /** Why a password was refused; each maps to a translated message. */
    public enum Violation {
        TOO_SHORT, TOO_LONG, CONTAINS_USERNAME, TOO_COMMON, SAME_AS_CURRENT
    }

    private final Set<String> commonPasswords;

    private PasswordPolicy(Set<String> commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /** The policy with the bundled list of common passwords. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new PasswordPolicy(reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first rule the candidate breaks, if any. */
    public Optional<Violation> check(String username, String candidate) {
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Violation.TOO_SHORT);
        }
        if (length > MAX_LENGTH || candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(Violation.TOO_LONG);
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Violation.CONTAINS_USERNAME);
        }
        if (commonPasswords.contains(lower) || isOneRepeatedCharacter(lower)) {
            return Optional.of(Violation.TOO_COMMON);
        }
        return Optional.empty();
    }

    private static boolean isOneRepeatedCharacter(String candidate) {
        return candidate.codePoints().distinct().count() == 1;
    }
}
