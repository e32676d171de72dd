package cn.luohu.qpb.user;

import cn.luohu.qpb.audit.AuditEvent;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.security.PortalPrincipal;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Logging in through the real Spring Security filter chain, against accounts in the database. */
class LoginTest extends IntegrationTest {

    @Autowired
    private WebApplicationContext context;

    @Autowired
    private AuditService audit;
    @Autowired
    private DSLContext dsl;

    private MockMvc mvc;
    private String username;
    private String admin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        long branch = data.branch(data.committee("登录测试党工委"), "登录测试支部");
        username = data.user(branch, Role.SECRETARY);
        admin = data.user(data.districtId(), Role.ADMIN);
    }

    private MvcResult login(String user, String password) throws Exception {
        return login(user, password, new MockHttpSession());
    }

    private MvcResult login(String user, String password, MockHttpSession session) throws Exception {
        return mvc.perform(post("/login").session(session).param("username", user).param("password", password)
                .with(csrf())).andReturn();
    }

    private static boolean succeeded(MvcResult result) {
        return "/".equals(result.getResponse().getRedirectedUrl());
    }

    private List<AuditEvent> auditOf(String user) {
        actAs(admin);
        try {
            return audit.latestFor("user", user, 20);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theRightPasswordLogsInAndIsAudited() throws Exception {
        assertTrue(succeeded(login(username, TestData.PASSWORD)));
        AuditEvent event = auditOf(username).getFirst();
        assertEquals("LOGIN", event.action());
        assertEquals(username, event.actor());
        assertEquals("127.0.0.1", event.clientAddress());
    }

    @Test
    void aWrongPasswordIsRefusedWithTheSameAnswerAsAnUnknownUser() throws Exception {
        MvcResult wrongPassword = login(username, "not the password at all");
        MvcResult unknownUser = login("nobody-" + username, "not the password at all");
        assertEquals("/login?error", wrongPassword.getResponse().getRedirectedUrl());
        assertEquals(wrongPassword.getResponse().getRedirectedUrl(), unknownUser.getResponse().getRedirectedUrl());
        assertEquals("LOGIN_FAILED", auditOf(username).getFirst().action());
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            login(username, "wrong password " + attempt);
        }
        assertTrue(succeeded(login(username, TestData.PASSWORD)), "four failures do not lock");
        for (int attempt = 1; attempt <= 5; attempt++) {
            login(username, "wrong password " + attempt);
        }
        assertTrue(auditOf(username).stream().anyMatch(e -> e.action().equals("ACCOUNT_LOCKED")));
        MvcResult whileLocked = login(username, TestData.PASSWORD);
        assertEquals("/login?error", whileLocked.getResponse().getRedirectedUrl(), "locked: even the right password fails");

        clock.advance(Duration.ofMinutes(14));
        assertEquals("/login?error", login(username, TestData.PASSWORD).getResponse().getRedirectedUrl());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertTrue(succeeded(login(username, TestData.PASSWORD)), "unlocked after 15 minutes");
    }

    @Test
    void theCountStartsAfreshAfterASuccessfulLogin() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            login(username, "wrong password " + attempt);
        }
        assertTrue(succeeded(login(username, TestData.PASSWORD)));
        for (int attempt = 1; attempt <= 4; attempt++) {
            login(username, "wrong password " + attempt);
        }
        assertTrue(succeeded(login(username, TestData.PASSWORD)), "4 + 4 failures around a success do not lock");
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = login(username, TestData.PASSWORD, session);
        assertTrue(succeeded(result));
        assertNotEquals(before, result.getRequest().getSession().getId());
    }

    /** Login CSRF: a page elsewhere must not be able to log the visitor in as the attacker. */
    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
        MvcResult forged = mvc.perform(post("/login").session(new MockHttpSession()).param("username", username)
                .param("password", TestData.PASSWORD)).andReturn();
        assertEquals(403, forged.getResponse().getStatus());
        assertFalse(succeeded(forged));
        assertTrue(auditOf(username).stream().noneMatch(e -> e.action().equals("LOGIN")), "nobody logged in");
    }

    @Test
    void anonymousRequestsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void logoutIsAudited() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult loggedIn = login(username, TestData.PASSWORD, session);
        mvc.perform(post("/logout").session((MockHttpSession) loggedIn.getRequest().getSession()).with(csrf()));
        assertEquals("LOGOUT", auditOf(username).getFirst().action());
    }

    /** The account is read at every login and once per request: with its roles, in one statement. */
    @Test
    void anAccountIsReadWithAllItsRolesInOneStatement() {
        AtomicInteger statements = new AtomicInteger();
        DSLContext counting = dsl.configuration()
                .deriveAppending(ExecuteListener.onExecuteStart(ctx -> statements.incrementAndGet())).dsl();
        var accounts = new PortalUserDetailsService(new UserAccountRepository(counting), clock);
        String reviewerAndApprover = data.user(data.districtId(), Role.REVIEWER, Role.APPROVER);

        PortalPrincipal read = (PortalPrincipal) accounts.loadUserByUsername(reviewerAndApprover);

        assertEquals(1, statements.get());
        assertEquals(EnumSet.of(Role.REVIEWER, Role.APPROVER), read.roles());
        assertEquals(data.userId(reviewerAndApprover), read.userId());
        dsl.deleteFrom(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.eq(read.userId())).execute();
        assertEquals(Set.of(), ((PortalPrincipal) accounts.loadUserByUsername(reviewerAndApprover)).roles(),
                "an account without roles is still read");
        assertThrows(UsernameNotFoundException.class, () -> accounts.loadUserByUsername("no-such-account"));
    }
}
