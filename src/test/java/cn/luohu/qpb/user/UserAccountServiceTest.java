package cn.luohu.qpb.user;

import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.i18n.Language;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserAccountServiceTest extends IntegrationTest {

    @Autowired
    private UserAccountService accounts;
    @Autowired
    private UserDetailsService userDetails;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private AuditService audit;

    private String username;

    @BeforeEach
    void setUp() {
        username = data.user(data.branch(data.committee("账户测试党工委"), "账户测试支部"), Role.SECRETARY);
        data.mustChangePassword(username);
        actAs(username);
    }

    private PasswordPolicy.Violation refusal(String current, String fresh) {
        return assertThrows(PasswordRefusedException.class, () -> accounts.changePassword(current, fresh)).violation();
    }

    @Test
    void aGoodNewPasswordIsStoredAndClearsTheForcedChange() {
        assertTrue(accounts.sessionInfo().mustChangePassword());
        accounts.changePassword(TestData.PASSWORD, "a brand new pass phrase");
        assertFalse(accounts.sessionInfo().mustChangePassword());
        String hash = userDetails.loadUserByUsername(username).getPassword();
        assertTrue(hash.startsWith("{bcrypt}"));
        assertTrue(encoder.matches("a brand new pass phrase", hash));

        actAs(data.user(data.districtId(), Role.ADMIN));
        assertEquals("PASSWORD_CHANGED", audit.latestFor("user", username, 1).getFirst().action());
    }

    @Test
    void eachPolicyRuleRefusesAndNothingIsSaved() {
        assertEquals(PasswordPolicy.Violation.TOO_SHORT, refusal(TestData.PASSWORD, "short"));
        assertEquals(PasswordPolicy.Violation.TOO_LONG, refusal(TestData.PASSWORD, "y".repeat(73)));
        assertEquals(PasswordPolicy.Violation.CONTAINS_USERNAME, refusal(TestData.PASSWORD, "a long phrase with " + username + " inside"));
        assertEquals(PasswordPolicy.Violation.TOO_COMMON, refusal(TestData.PASSWORD, "password1234"));
        assertEquals(PasswordPolicy.Violation.SAME_AS_CURRENT, refusal(TestData.PASSWORD, TestData.PASSWORD));
        assertTrue(encoder.matches(TestData.PASSWORD, userDetails.loadUserByUsername(username).getPassword()));
        assertTrue(accounts.sessionInfo().mustChangePassword());
    }

    @Test
    void theCurrentPasswordMustBeRight() {
        PortalException refused = assertThrows(PortalException.class,
                () -> accounts.changePassword("not my password", "a brand new pass phrase"));
        assertEquals("password.current-wrong", refused.messageKey());
    }

    @Test
    void theLanguageChoiceIsStoredPerUser() {
        accounts.changeLanguage(Language.EN);
        assertEquals("en", accounts.sessionInfo().preferredLanguage());
        accounts.changeLanguage(Language.ZH);
        assertEquals("zh", accounts.sessionInfo().preferredLanguage());
    }

    @Test
    void everyUserEditsHisOwnProfile() {
        Profile before = accounts.profile();
        assertEquals(username, before.username());
        assertEquals(java.util.Set.of(Role.SECRETARY), before.roles());
        assertEquals("账户测试支部", before.organizationName());

        accounts.updateProfile(new ProfileChanges(" 赵志强 ", "0755-82345678", "zhaozq@example.com", Language.EN,
                before.version()));

        Profile after = accounts.profile();
        assertEquals("赵志强", after.displayName());
        assertEquals("0755-82345678", after.phone());
        assertEquals("zhaozq@example.com", after.email());
        assertEquals("en", after.preferredLanguage());
        assertEquals("en", accounts.sessionInfo().preferredLanguage());
        actAs(data.user(data.districtId(), Role.ADMIN));
        var event = audit.latestFor("user", username, 1).getFirst();
        assertEquals("PROFILE_UPDATED", event.action());
        assertEquals(username, event.actor());
        assertTrue(event.afterJson().contains("\"displayName\":\"赵志强\""), event.afterJson());
    }

    @Test
    void aProfileEditIsCheckedAndNeverOverwritesAChangeMadeMeanwhile() {
        Profile opened = accounts.profile();
        assertEquals("user.error.display-name-required", assertThrows(PortalException.class, () ->
                accounts.updateProfile(new ProfileChanges("", null, null, Language.ZH, opened.version()))).messageKey());
        assertEquals("user.error.phone-format", assertThrows(PortalException.class, () ->
                accounts.updateProfile(new ProfileChanges("赵志强", "电话", null, Language.ZH, opened.version())))
                .messageKey());
        assertEquals("user.error.email-format", assertThrows(PortalException.class, () ->
                accounts.updateProfile(new ProfileChanges("赵志强", null, "zhao@", Language.ZH, opened.version())))
                .messageKey());
        assertEquals("user.error.language-required", assertThrows(PortalException.class, () ->
                accounts.updateProfile(new ProfileChanges("赵志强", null, null, null, opened.version()))).messageKey());

        accounts.updateProfile(new ProfileChanges("第一次", null, null, Language.ZH, opened.version()));
        assertEquals("user.error.stale", assertThrows(PortalException.class, () ->
                accounts.updateProfile(new ProfileChanges("第二次", null, null, Language.ZH, opened.version())))
                .messageKey());
        assertEquals("第一次", accounts.profile().displayName());
    }

    @Test
    void onlyAdministratorsSeeAccountCounts() {
        assertThrows(AccessDeniedException.class, () -> accounts.counts());
        actAs(data.user(data.districtId(), Role.ADMIN));
        UserCounts counts = accounts.counts();
        assertTrue(counts.total() >= 150, "the demo district has over 150 accounts");
        assertTrue(counts.byRole().get(Role.SECRETARY) >= 136);
    }

    @Test
    void nothingWorksWithoutLogin() {
        SecurityContextHolder.clearContext();
        assertThrows(AuthenticationCredentialsNotFoundException.class, () -> accounts.sessionInfo());
    }
}
