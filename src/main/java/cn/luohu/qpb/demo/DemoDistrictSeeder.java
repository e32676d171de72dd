package cn.luohu.qpb.demo;

import cn.luohu.qpb.base.StartupData;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentSheet;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.assessment.SheetItem;
import cn.luohu.qpb.base.db.EmbeddedDatabase;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.cycle.CycleInput;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.cycle.OpenProgress;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.StarBands;
import cn.luohu.qpb.organization.StarChangeKind;
import cn.luohu.qpb.organization.TreePath;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STAR_HISTORY;

/**
 * Seeds the demo district into an empty database: on by default with the embedded MariaDB, off with an
 * external one unless {@code qpb.demo-data=true}. Deterministic: the same rows every time.
 * <p>
 * Accounts (all with {@link #DEMO_PASSWORD}, not forced to change it): admin, district, reviewer (翠竹),
 * secretary (the first organisation under 翠竹), rev-{committee code} for every committee and
 * sec-{organisation code} for every assessed organisation, in lower case.
 * <p>
 * District staff then open this year's cycle, through the portal's own services and rules, so that every
 * demo secretary finds a self-assessment waiting.
 */
@Component
@Order(3) // after a generated city, which it then leaves alone
class DemoDistrictSeeder implements StartupData {

    static final String DEMO_PASSWORD = "qpb-demo-2026";
    static final String DEMO_REVIEWER_COMMITTEE = "CZ";
    static final String DEMO_SECRETARY_ORGANIZATION = "CZ001";
    private static final Logger log = LoggerFactory.getLogger(DemoDistrictSeeder.class);
    private static final LocalDate FIRST_RATING = LocalDate.of(2024, 12, 20);
    private static final LocalDate SECOND_RATING = LocalDate.of(2025, 12, 19);

    private final DSLContext dsl;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final CycleService cycles;
    private final AssessmentService assessments;
    private final EvidenceService evidence;
    private final UserDetailsService users;
    private final Clock clock;
    private final DisplayZone zone;
    private final boolean enabled;

    DemoDistrictSeeder(DSLContext dsl, PasswordEncoder passwordEncoder, TransactionTemplate transaction,
                       CycleService cycles, AssessmentService assessments, EvidenceService evidence,
                       UserDetailsService users, Clock clock, DisplayZone zone,
                       @Value("${qpb.demo-data:}") String demoData,
                       ObjectProvider<EmbeddedDatabase> embeddedDb) {
        this.dsl = dsl;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.cycles = cycles;
        this.assessments = assessments;
        this.evidence = evidence;
        this.users = users;
        this.clock = clock;
        this.zone = zone;
        this.enabled = demoData.isBlank() ? embeddedDb.getIfAvailable() != null : Boolean.parseBoolean(demoData);
    }

    @Override
    public void seed() {
        if (!enabled || dsl.fetchExists(ORGANIZATION)) {
            return;
        }
        // one transaction, the services' own joining it: a start killed halfway leaves an empty database,
        // which the next start seeds afresh (not a half-seeded district that is never completed)
        transaction.executeWithoutResult(status -> {
            seedDistrict();
            openThisYearsCycle();
            fillSomeSelfAssessments();
        });
        log.info("Demo district seeded: {} organisations, {} users",
                dsl.fetchCount(ORGANIZATION), dsl.fetchCount(APP_USER));
    }

    /**
     * A cycle in motion: the secretaries of the first organisations of 桂园 and 黄贝 have filled in their
     * self-assessments (with evidence where it is required), and those of 桂园 have submitted them.
     * The demo secretary's own (翠竹) is left for her to do.
     */
    private void fillSomeSelfAssessments() {
        for (String code : List.of("GY001", "GY002", "GY003", "GY006", "HB001", "HB002", "HB003", "HB006")) {
            runAs("sec-" + code.toLowerCase(Locale.ROOT), () -> {
                long assessmentId = assessments.current().orElseThrow();
                AssessmentSheet sheet = assessments.sheet(assessmentId);
                int assessmentVersion = sheet.header().rowVersion();
                int item = 0;
                for (SheetItem entry : sheet.items()) {
                    // every seventh indicator half done, so totals and stars differ between organisations
                    boolean weak = item++ % 7 == 3;
                    assessmentVersion = assessments.saveItem(entry.itemId(), demoInput(entry, weak),
                            weak ? "部分完成，正在整改" : "已按要求完成，材料齐全", entry.rowVersion()).assessmentVersion();
                    if (entry.indicator().evidenceRequired()) {
                        evidence.upload(entry.itemId(), "工作记录.pdf", DEMO_EVIDENCE);
                    }
                }
                int applied = Math.min(StarBands.LEVELS, sheet.header().starAtOpen() + 1);
                assessments.saveApplication(assessmentId, applied, false, null, assessmentVersion);
                if (code.startsWith("GY")) {
                    assessments.submit(assessmentId);
                }
            });
        }
    }

    /** Full marks, or about half of them when {@code weak}. */
    private static IndicatorInput demoInput(SheetItem item, boolean weak) {
        IndicatorDefinition indicator = item.indicator();
        return switch (indicator.method()) {
            case CHECK -> IndicatorInput.met(!weak || indicator.veto());
            case SCALE -> new IndicatorInput(null, weak
                    ? indicator.maxScore().divide(BigDecimal.TWO).divideToIntegralValue(indicator.step()).multiply(indicator.step())
                    : indicator.maxScore(), null);
            case DEDUCT -> IndicatorInput.occurrences(weak ? 1 : 0);
        };
    }

    /** A tiny but real PDF: evidence must pass the content check like any upload. */
    static final byte[] DEMO_EVIDENCE = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Runs the work as this demo user, through the services and their rules, as the portal would. */
    private void runAs(String username, Runnable work) {
        var principal = users.loadUserByUsername(username);
        // a context of its own, set as a whole: outside a request, Vaadin's holder strategy keeps no context
        // that getContext() creates, so setting an authentication on that one would be lost
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** As district staff would: this year's cycle, each category with its seeded standard, opened. */
    private void openThisYearsCycle() {
        runAs("district", () -> {
            LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
            Map<Category, Long> standards = new EnumMap<>(Category.class);
            cycles.publishedStandards().forEach((category, published) -> standards.put(category, published.getFirst().id()));
            long cycle = cycles.create(new CycleInput(today.getYear(), today.getYear() + "年度质量党建星级评定", standards,
                    today.plusDays(30), today.plusDays(45), today.plusDays(60), CycleInput.DEFAULT_NOTICE_DAYS,
                    Map.of(5, new BigDecimal("10"), 4, new BigDecimal("40"))));
            cycles.open(cycle, OpenProgress.NONE);
        });
    }

    private void seedDistrict() {
        Map<String, Long> ids = insertOrganizations();
        // one hash for every demo account: bcrypt takes ~0.1 s per hash, and these passwords are public anyway
        String hash = passwordEncoder.encode(DEMO_PASSWORD);
        UserInserter users = new UserInserter(hash);
        long district = users.add("district", "区委组织部 李明", ids.get(DemoDistrict.ROOT_CODE), Role.APPROVER);
        users.add("admin", "系统管理员", ids.get(DemoDistrict.ROOT_CODE), Role.ADMIN);
        users.add("reviewer", "翠竹街道党工委 评审员", ids.get(DEMO_REVIEWER_COMMITTEE), Role.REVIEWER);
        users.add("secretary", "翠竹社区党委 书记", ids.get(DEMO_SECRETARY_ORGANIZATION), Role.SECRETARY);
        for (DemoDistrict.Org org : DemoDistrict.organizations()) {
            String username = org.code().toLowerCase(Locale.ROOT);
            switch (org.kind()) {
                case COMMITTEE -> users.add("rev-" + username, org.shortName() + " 评审员", ids.get(org.code()),
                        Role.REVIEWER);
                case COMMUNITY_COMMITTEE, BRANCH -> users.add("sec-" + username, org.secretary(),
                        ids.get(org.code()), Role.SECRETARY);
                default -> {
                }
            }
        }
        insertStarHistory(ids, district);
    }

    private Map<String, Long> insertOrganizations() {
        Map<String, Long> ids = new HashMap<>();
        Map<String, String> paths = new HashMap<>();
        var insert = dsl.batch(dsl.insertInto(ORGANIZATION, ORGANIZATION.ID, ORGANIZATION.PARENT_ID, ORGANIZATION.PATH,
                ORGANIZATION.DEPTH, ORGANIZATION.KIND, ORGANIZATION.CATEGORY, ORGANIZATION.REGIONAL_SYSTEM,
                ORGANIZATION.CODE, ORGANIZATION.NAME, ORGANIZATION.SHORT_NAME, ORGANIZATION.SECRETARY_NAME,
                ORGANIZATION.MEMBER_COUNT, ORGANIZATION.CONTACT).values(
                (Long) null, null, null, null, null, null, null, null, null, null, null, null, null));
        long nextId = 1;
        for (DemoDistrict.Org org : DemoDistrict.organizations()) {
            long id = nextId++;
            Long parentId = org.parentCode() == null ? null : ids.get(org.parentCode());
            String path = org.parentCode() == null ? TreePath.root(id) : TreePath.child(paths.get(org.parentCode()), id);
            ids.put(org.code(), id);
            paths.put(org.code(), path);
            insert.bind(id, parentId, path, TreePath.depth(path), org.kind().name(),
                    org.category() == null ? null : org.category().name(),
                    org.region() == null ? null : org.region().name(),
                    org.code(), org.name(), org.shortName(), org.secretary(), org.members(), org.contact());
        }
        insert.execute();
        return ids;
    }

    /** Two yearly ratings for every assessed organisation, so that star levels and movements vary. */
    private void insertStarHistory(Map<String, Long> ids, long changedBy) {
        Random random = new Random(2025);
        var history = dsl.batch(dsl.insertInto(STAR_HISTORY, STAR_HISTORY.ORGANIZATION_ID, STAR_HISTORY.FROM_STAR,
                STAR_HISTORY.TO_STAR, STAR_HISTORY.CHANGE_KIND, STAR_HISTORY.REASON, STAR_HISTORY.CHANGED_BY,
                STAR_HISTORY.CHANGED_AT).values((Long) null, null, null, null, null, null, null));
        var current = dsl.batch(dsl.update(ORGANIZATION)
                .set(ORGANIZATION.CURRENT_STAR, (Integer) null)
                .set(ORGANIZATION.STAR_EFFECTIVE_DATE, (LocalDate) null)
                .where(ORGANIZATION.ID.eq((Long) null)));
        for (DemoDistrict.Org org : DemoDistrict.organizations()) {
            if (!org.kind().isAssessed()) {
                continue;
            }
            long id = ids.get(org.code());
            int first = DemoDistrict.pick(random, new int[]{8, 22, 30, 25, 12, 3});
            int second = Math.clamp(first + DemoDistrict.pick(random, new int[]{15, 55, 30}) - 1, 0, 5);
            history.bind(id, 0, first, StarChangeKind.INITIAL.name(), "2024年度质量党建星级评定", changedBy,
                    atNoon(FIRST_RATING));
            history.bind(id, first, second, kind(first, second).name(), "2025年度质量党建星级评定", changedBy,
                    atNoon(SECOND_RATING));
            current.bind(second, SECOND_RATING, id);
        }
        history.execute();
        current.execute();
    }

    private static StarChangeKind kind(int from, int to) {
        return to > from ? StarChangeKind.PROMOTION : to < from ? StarChangeKind.DEMOTION : StarChangeKind.UNCHANGED;
    }

    private static LocalDateTime atNoon(LocalDate date) {
        return date.atTime(4, 0); // 12:00 in Shenzhen, stored as UTC
    }

    /** Inserts demo accounts with their roles, each with the shared demo password hash. */
    private final class UserInserter {
        private final String hash;

        UserInserter(String hash) {
            this.hash = hash;
        }

        long add(String username, String displayName, long organizationId, Role role) {
            long id = dsl.insertInto(APP_USER)
                    .set(APP_USER.USERNAME, username)
                    .set(APP_USER.DISPLAY_NAME, displayName)
                    .set(APP_USER.PASSWORD_HASH, hash)
                    .set(APP_USER.ORGANIZATION_ID, organizationId)
                    .returningResult(APP_USER.ID)
                    .fetchSingle().value1();
            dsl.insertInto(APP_USER_ROLE).set(APP_USER_ROLE.USER_ID, id).set(APP_USER_ROLE.ROLE, role.name()).execute();
            return id;
        }
    }
}
