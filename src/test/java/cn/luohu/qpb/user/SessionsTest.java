package cn.luohu.qpb.user;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.ReviewFilter;
import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.base.security.PortalPrincipal;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockRequestDispatcher;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 11, items 1 and 2: sessions end on the server, through the real Spring Security filter chain (a
 * session ended on the server is logged out at its next request: a page goes to the login view, an open
 * Vaadin UI gets Vaadin's "session expired" answer and reloads), and every service call judges the account
 * as it is now, not as it was at login.
 */
class SessionsTest extends IntegrationTest {

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private UserAdminService admin;
    @Autowired
    private UserAccountService accounts;
    @Autowired
    private AssessmentService assessments;
    @Autowired
    private ReviewService reviews;
    @Autowired
    private DSLContext dsl;

    private MockMvc mvc;
    private long branch;
    private String secretary;
    private String administrator;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        // a request that security lets in is forwarded to Vaadin's servlet, which a mock servlet context lacks:
        // a mock dispatcher stands for it, so such a request ends as "forwarded", not as an error
        ((MockServletContext) context.getServletContext()).registerNamedDispatcher("springServlet",
                new MockRequestDispatcher("/vaadin"));
        branch = data.branch(data.committee("会话测试党工委"), "会话测试支部");
        secretary = data.user(branch, Role.SECRETARY);
        administrator = data.user(data.districtId(), Role.ADMIN);
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    /** Logs in through the form, as a browser does; the session it ends up with. */
    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").session(new MockHttpSession()).param("username", username)
                .param("password", password).with(csrf())).andReturn();
        assertEquals("/", result.getResponse().getRedirectedUrl(), "logged in");
        return (MockHttpSession) result.getRequest().getSession();
    }

    /** Whether a page request of this session is still let in (not sent to the login view). */
    private boolean loggedIn(MockHttpSession session) throws Exception {
        String redirect = mvc.perform(get("/my-assessment").session(session)).andReturn().getResponse().getRedirectedUrl();
        return redirect == null || !redirect.endsWith("/login");
    }

    private void asAdministrator(Runnable work) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        actAs(administrator);
        try {
            work.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    private long idOf(String username) {
        return data.userId(username);
    }

    @Test
    void disablingAnAccountLogsItsOpenSessionOutAtItsNextRequest() throws Exception {
        MockHttpSession session = login(secretary, TestData.PASSWORD);
        assertTrue(loggedIn(session));

        asAdministrator(() -> admin.disable(idOf(secretary)));

        assertEquals("/login", mvc.perform(get("/my-assessment").session(session)).andReturn().getResponse()
                .getRedirectedUrl());
        assertTrue(session.isInvalid(), "logged out on the server");
    }

    @Test
    void anOpenVaadinUiGetsVaadinsSessionExpiredAnswerAndReloads() throws Exception {
        MockHttpSession session = login(secretary, TestData.PASSWORD);
        asAdministrator(() -> admin.disable(idOf(secretary)));

        MvcResult uidl = mvc.perform(post("/").param("v-r", "uidl").param("v-uiId", "0").session(session)).andReturn();
        assertTrue(uidl.getResponse().getContentAsString().contains("\"sessionExpired\":true"),
                uidl.getResponse().getContentAsString());
        assertTrue(session.isInvalid());
    }

    @Test
    void lockingOrChangingRolesOrOrganisationEndsTheSessions() throws Exception {
        MockHttpSession first = login(secretary, TestData.PASSWORD);
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(post("/login").session(new MockHttpSession()).param("username", secretary)
                    .param("password", "wrong " + attempt).with(csrf()));
        }
        assertTrue(!loggedIn(first), "locked after five failures: the open session ends too");

        String other = data.user(branch, Role.SECRETARY);
        MockHttpSession second = login(other, TestData.PASSWORD);
        long otherBranch = data.branch(data.committee("会话测试另一党工委"), "会话测试另一支部");
        asAdministrator(() -> {
            UserSummary before = admin.get(idOf(other));
            admin.update(before.id(), new UserChanges(before.displayName(), otherBranch, EnumSet.of(Role.SECRETARY),
                    null, null, before.version()));
        });
        assertTrue(!loggedIn(second), "moved to another organisation: logs in again");
    }

    /** ASVS 3.3.3: a new password ends the account's other sessions and keeps the one that made the change. */
    @Test
    void aPasswordChangeEndsTheOtherSessionsButNotItsOwn() throws Exception {
        MockHttpSession here = login(secretary, TestData.PASSWORD);
        MockHttpSession elsewhere = login(secretary, TestData.PASSWORD);
        assertNotEquals(here.getId(), elsewhere.getId());

        inRequestOf(here);
        actAs(secretary);
        accounts.changePassword(TestData.PASSWORD, "a much newer horse battery staple");

        assertTrue(loggedIn(here), "the session that changed it stays");
        assertTrue(!loggedIn(elsewhere), "every other session ends");
    }

    /** ASVS 3.3.4: she sees her own sessions, this one marked, and ends the others. */
    @Test
    void aUserSeesHerSessionsAndEndsTheOthers() throws Exception {
        MockHttpSession here = login(secretary, TestData.PASSWORD);
        MockHttpSession phone = login(secretary, TestData.PASSWORD);
        MockHttpSession tablet = login(secretary, TestData.PASSWORD);
        login(administrator, TestData.PASSWORD); // someone else's: never listed, never ended

        inRequestOf(here);
        actAs(secretary);
        List<OwnSession> mine = accounts.sessions();
        assertEquals(3, mine.size());
        assertEquals(1, mine.stream().filter(OwnSession::current).count());
        long other = mine.stream().filter(s -> !s.current()).findFirst().orElseThrow().id();

        accounts.endSession(other);
        assertEquals(2, accounts.sessions().size());
        assertEquals(1, accounts.endOtherSessions());
        assertEquals(List.of(true), accounts.sessions().stream().map(OwnSession::current).toList());
        assertTrue(loggedIn(here));
        assertTrue(!loggedIn(phone) && !loggedIn(tablet));

        actAs(administrator);
        inRequestOf(new MockHttpSession());
        long secretarysSession = other;
        assertThrows(cn.luohu.qpb.base.NotFoundException.class, () -> accounts.endSession(secretarysSession),
                "another user's session is like a missing one");
    }

    /** Item 1: the session of a disabled secretary still held her login, and submitted with it. */
    @Test
    void aServiceCallActsOnTheAccountAsItIsNow() {
        var fixtures = new AssessmentFixtures(dsl);
        long assessment = fixtures.openAssessment(branch, 2);
        fixtures.state(assessment, AssessmentState.DRAFT);
        fixtures.readyToSubmit(assessment, idOf(secretary), 2);
        actAs(secretary);
        assessments.gaps(assessment);

        asAdministrator(() -> admin.disable(idOf(secretary)));
        inRequestOf(new MockHttpSession());
        assertThrows(AccessDeniedException.class, () -> assessments.submit(assessment));
        assertEquals("DRAFT", dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessment))
                .fetchSingle().value1());

        String reviewer = data.user(data.committee("会话测试评审党工委"), Role.REVIEWER);
        actAs(reviewer);
        reviews.count(ReviewFilter.none());
        dsl.deleteFrom(cn.luohu.qpb.jooq.Tables.APP_USER_ROLE)
                .where(cn.luohu.qpb.jooq.Tables.APP_USER_ROLE.USER_ID.eq(idOf(reviewer))).execute();
        inRequestOf(new MockHttpSession()); // the next click: a request reads the account once, this one anew
        assertThrows(AccessDeniedException.class, () -> reviews.count(ReviewFilter.none()),
                "a role taken away is gone at the next call");
    }

    /** Every request asks the registry: a session seen within the minute costs its one read, no write. */
    @Test
    void aRequestOfASessionSeenWithinTheMinuteSendsNoWrite() {
        AtomicInteger touches = new AtomicInteger();
        UserSessions registry = new UserSessions(new UserSessionRepository(dsl) {
            @Override
            void touch(String key, LocalDateTime now, LocalDateTime before) {
                touches.incrementAndGet();
                super.touch(key, now, before);
            }
        }, clock, Duration.ofMinutes(30));
        String sessionId = "touch-test-" + System.nanoTime();
        long registeredAt = clock.millis();
        registry.registerNewSession(sessionId, new PortalPrincipal(idOf(secretary), secretary, "unused", true, true,
                branch, EnumSet.of(Role.SECRETARY)));
        try {
            inRequestOf(new MockHttpSession());
            assertEquals(0, touchedAfterCheck(registry, sessionId, touches), "seen just now: nothing to write");

            clock.advance(Duration.ofMinutes(2));
            inRequestOf(new MockHttpSession());
            assertEquals(1, touchedAfterCheck(registry, sessionId, touches), "seen two minutes ago: written again");
            inRequestOf(new MockHttpSession());
            long lastSeen = registry.getSessionInformation(sessionId).getLastRequest().getTime();
            assertTrue(lastSeen >= registeredAt + Duration.ofMinutes(2).toMillis(), "last seen written: " + lastSeen);
        } finally {
            registry.removeSessionInformation(sessionId);
        }
    }

    /** What ConcurrentSessionFilter does on a request: the check, then the refresh; the touches counted so far. */
    private static int touchedAfterCheck(UserSessions registry, String sessionId, AtomicInteger touches) {
        assertNotNull(registry.getSessionInformation(sessionId));
        registry.refreshLastRequest(sessionId);
        return touches.get();
    }

    /** Makes this session the one of the current request, as Spring's RequestContextFilter does. */
    private static void inRequestOf(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
