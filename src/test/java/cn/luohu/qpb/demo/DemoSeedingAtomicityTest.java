package cn.luohu.qpb.demo;

import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.base.db.EmbeddedDatabase;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.support.TestDatabase;
import cn.luohu.qpb.support.TestMailServer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STAR_HISTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start that dies in the middle of seeding the demo district leaves nothing of it behind, and the next start
 * seeds the whole district. A context of its own, on a schema of its own without the demo district, starts empty;
 * the seeder is then run as a start runs it, with the account lookup failing for the first secretary of 黄贝
 * (after the district, this year's cycle and the self-assessments of 桂园 have been written).
 */
@SpringBootTest(properties = "qpb.scheduling.enabled=false")
class DemoSeedingAtomicityTest {

    private static final String KILLED_AT = "sec-hb001";

    @Autowired
    private DSLContext dsl;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private CycleService cycles;
    @Autowired
    private AssessmentService assessments;
    @Autowired
    private EvidenceService evidence;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock systemClock;
    @Autowired
    private DisplayZone zone;
    @Autowired
    private ObjectProvider<EmbeddedDatabase> embeddedDb;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.get().registerWithoutDemo(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    /** The seeder acts as users through secured services, which read this context's holder strategy (Vaadin's). */
    @BeforeEach
    void useThisContextsSecurityHolder() {
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    private DemoDistrictSeeder seeder(UserDetailsService accounts) {
        return new DemoDistrictSeeder(dsl, encoder, transaction, cycles, assessments, evidence, accounts, systemClock, zone,
                "true", embeddedDb);
    }

    @Test
    void aSeedingKilledHalfwayLeavesNothingAndTheNextStartSeedsTheWholeDistrict() {
        assertEquals(0, dsl.fetchCount(ORGANIZATION), "the schema starts without a district");
        int usersBefore = dsl.fetchCount(APP_USER);
        AtomicInteger organisationsWhenKilled = new AtomicInteger();
        DemoDistrictSeeder killedHalfway = seeder(username -> {
            if (username.equals(KILLED_AT)) {
                organisationsWhenKilled.set(dsl.fetchCount(ORGANIZATION)); // what the seeding has written so far
                throw new IllegalStateException("the start is killed here");
            }
            return users.loadUserByUsername(username);
        });

        assertThrows(IllegalStateException.class, killedHalfway::seed);
        assertEquals(DemoDistrict.organizations().size(), organisationsWhenKilled.get(),
                "the failure came after the district was written");
        assertEquals(0, dsl.fetchCount(ORGANIZATION), "no organisation is left behind");
        assertEquals(usersBefore, dsl.fetchCount(APP_USER), "no account is left behind");
        assertEquals(0, dsl.fetchCount(STAR_HISTORY));
        assertEquals(0, dsl.fetchCount(ASSESSMENT_CYCLE));
        assertEquals(0, dsl.fetchCount(ASSESSMENT));

        seeder(users).seed(); // the next start

        long assessed = DemoDistrict.organizations().stream().filter(o -> o.kind().isAssessed()).count();
        assertEquals(DemoDistrict.organizations().size(), dsl.fetchCount(ORGANIZATION));
        assertEquals(assessed, dsl.fetchCount(APP_USER, APP_USER.USERNAME.like("sec-%")));
        assertTrue(dsl.fetchCount(STAR_HISTORY) >= 2 * assessed, "two years of star history");
        assertEquals(assessed, dsl.fetchCount(ASSESSMENT));
        assertTrue(dsl.fetchExists(ASSESSMENT.join(ORGANIZATION).on(ORGANIZATION.ID.eq(ASSESSMENT.ORGANIZATION_ID)),
                ORGANIZATION.CODE.eq("HB001").and(ASSESSMENT.STATE.eq("DRAFT"))), "the seeding went past where it was killed");
    }
}
