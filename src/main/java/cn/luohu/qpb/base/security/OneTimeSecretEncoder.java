package cn.luohu.qpb.base.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Hashes one-time passwords: salted SHA-256, as OWASP ASVS 2.6.2 allows for random look-up secrets.
 * A one-time password is 16 random characters (about 93 bits), far beyond brute force with any hash, and
 * must be replaced at the first login, when the new password gets bcrypt. A slow hash here would cost an
 * import of 20,000 accounts minutes instead of milliseconds. Stored as "{otp}salt$hash".
 */
public final class OneTimeSecretEncoder implements PasswordEncoder {

    public static final String ID = "otp";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** The stored form, with the prefix that Spring's DelegatingPasswordEncoder dispatches on. */
    public static String hash(String oneTimePassword) {
        return "{" + ID + "}" + new OneTimeSecretEncoder().encode(oneTimePassword);
    }

    @Override
    public String encode(CharSequence raw) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt) + "$" + HEX.formatHex(digest(salt, raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        int separator = encoded == null ? -1 : encoded.indexOf('$');
        if (raw == null || separator < 0) {
            return false;
        }
        byte[] salt = HEX.parseHex(encoded, 0, separator);
        byte[] expected = HEX.parseHex(encoded, separator + 1, encoded.length());
        return MessageDigest.isEqual(expected, digest(salt, raw));
    }

    private static byte[] digest(byte[] salt, CharSequence raw) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
