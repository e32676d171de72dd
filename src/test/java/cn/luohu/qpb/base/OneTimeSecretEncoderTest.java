package cn.luohu.qpb.base;

import cn.luohu.qpb.base.security.OneTimeSecretEncoder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneTimeSecretEncoderTest {

    private final OneTimeSecretEncoder encoder = new OneTimeSecretEncoder();

    @Test
    void matchesOnlyTheSecretAndSaltsEveryHash() {
        String hash = encoder.encode("Kp7mQ2xR9vB4nT6w");
        assertTrue(encoder.matches("Kp7mQ2xR9vB4nT6w", hash));
        assertFalse(encoder.matches("Kp7mQ2xR9vB4nT6W", hash));
        assertNotEquals(hash, encoder.encode("Kp7mQ2xR9vB4nT6w"), "a fresh salt every time");
        assertFalse(encoder.matches("anything", "not-a-hash"));
        assertTrue(OneTimeSecretEncoder.hash("x").startsWith("{otp}"));
    }
}
