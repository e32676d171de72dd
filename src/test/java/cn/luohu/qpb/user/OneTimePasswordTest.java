package cn.luohu.qpb.user;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneTimePasswordTest {

    @Test
    void passwordsPassThePolicyAvoidLookAlikesAndDoNotRepeat() {
        PasswordPolicy policy = PasswordPolicy.standard();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = OneTimePassword.generate();
            assertEquals(OneTimePassword.LENGTH, password.length());
            assertEquals(Optional.empty(), policy.check("someone", password));
            assertTrue(password.chars().noneMatch(c -> "0O1lI".indexOf(c) >= 0), password);
            assertTrue(seen.add(password), "no repeats");
        }
    }
}
