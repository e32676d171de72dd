package cn.luohu.qpb.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static cn.luohu.qpb.user.PasswordPolicy.Violation.CONTAINS_USERNAME;
import static cn.luohu.qpb.user.PasswordPolicy.Violation.TOO_COMMON;
import static cn.luohu.qpb.user.PasswordPolicy.Violation.TOO_LONG;
import static cn.luohu.qpb.user.PasswordPolicy.Violation.TOO_SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void elevenCharactersAreTooShortTwelveAreEnough() {
        assertEquals(Optional.of(TOO_SHORT), policy.check("zhang", "abcdefghijk"));
        assertEquals(Optional.empty(), policy.check("zhang", "abcdefghijkx"));
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertEquals(Optional.of(TOO_SHORT), policy.check("zhang", "质量党建星级评定平台码")); // 11 chars, 33 bytes
        assertEquals(Optional.empty(), policy.check("zhang", "质量党建星级评定平台密码"));
    }

    @Test
    void sixtyFourCharactersAreAllowedAndNoCompositionRulesApply() {
        String passphrase = "the quiet river runs past the old banyan tree at dawn every day!";
        assertEquals(64, passphrase.length());
        assertEquals(Optional.empty(), policy.check("zhang", passphrase));
        assertEquals(Optional.empty(), policy.check("zhang", "onlylowercaseletters"));
    }

    @Test
    void moreThanBcryptsSeventyTwoBytesIsTooLong() {
        assertEquals(Optional.empty(), policy.check("zhang", "abcdefgh".repeat(9)));
        assertEquals(Optional.of(TOO_LONG), policy.check("zhang", "x".repeat(73)));
        assertEquals(Optional.of(TOO_LONG), policy.check("zhang", "党".repeat(25))); // 75 bytes in UTF-8
        assertEquals(Optional.empty(), policy.check("zhang", "质量党建星级评定平台".repeat(2) + "质量党建")); // 24 chars, 72 bytes
    }

    @Test
    void theUsernameIsRefusedInAnyCase() {
        assertEquals(Optional.of(CONTAINS_USERNAME), policy.check("zhangwei", "my-ZhangWei-password"));
        assertEquals(Optional.empty(), policy.check("zhangwei", "my-zhang-wei-password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password1234", "1qaz2wsx3edc", "woaini1314520", "qpb-demo-2026",
            "aaaaaaaaaaaaaa", "————————————"})
    void commonAndRepeatedPasswordsAreRefused(String candidate) {
        assertEquals(Optional.of(TOO_COMMON), policy.check("zhang", candidate));
    }
}
