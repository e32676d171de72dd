package cn.luohu.qpb.user;

import java.security.SecureRandom;

/**
 * Temporary passwords that an administrator hands over once (reset, import). 16 characters from an
 * alphabet without look-alikes (no 0/O, 1/l/I), so they can be read out over the phone; they pass the
 * password policy, and the user must replace them at the first login.
 */
public final class OneTimePassword {

    static final int LENGTH = 16;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePassword() {
    }

    public static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
