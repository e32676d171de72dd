package cn.luohu.qpb.demo;

import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.StateMachine;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.TreePath;
import cn.luohu.qpb.organization.TreePathSql;
import cn.luohu.qpb.standard.DimensionDefinition;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.StandardDefinition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.luohu.qpb.assessment.AssessmentState.APPROVED;
import static cn.luohu.qpb.assessment.AssessmentState.DRAFT;
import static cn.luohu.qpb.assessment.AssessmentState.FINAL;
import static cn.luohu.qpb.assessment.AssessmentState.IN_NOTICE;
import static cn.luohu.qpb.assessment.AssessmentState.NOT_STARTED;
import static cn.luohu.qpb.assessment.AssessmentState.RECOMMENDED;
import static cn.luohu.qpb.assessment.AssessmentState.RETURNED;
import static cn.luohu.qpb.assessment.AssessmentState.SUBMITTED;
import static cn.luohu.qpb.assessment.AssessmentState.UNDER_REVIEW;
import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.CYCLE_STANDARD;
import static cn.luohu.qpb.jooq.Tables.EVIDENCE_FILE;
import static cn.luohu.qpb.jooq.Tables.NOTICE_BATCH;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STANDARD_CATEGORY;
import static cn.luohu.qpb.jooq.Tables.STANDARD_DIMENSION;
import static cn.luohu.qpb.jooq.Tables.STANDARD_INDICATOR;
import static cn.luohu.qpb.jooq.Tables.STANDARD_VERSION;

/**
 * Writes a deterministic city-scale dataset into an empty, migrated database: the {@link CityTree}, its users
 * (a secretary per assessed organisation, two reviewers per committee, district staff and an administrator,
 * all with the demo password), the {@link CityStandards}, three closed past cycles with every self and
 * review score, and this year's cycle open with its assessments spread over every state.
 * <p>
 * Approved results went through a notice batch of their cycle: the past cycles' and this year's final ones
 * through a finalised one, this year's still in notice through one published yesterday.
 * <p>
 * Everything past the tree is set-based SQL ({@code INSERT … SELECT}, a range of assessments at a time),
 * and every value is a function of row ids and {@code today}: the same size and day give the same rows.
 * Scores follow the scoring rules (a CHECK is met or not, a SCALE score is on its steps, a DEDUCT counts
 * occurrences), totals and stars are computed from them as {@code Scoring} does, and a star is applied
 * for one level up at most. Past cycles carry scores but no evidence files; this year's entries that need
 * evidence have a small PDF each, so complete drafts can be submitted.
 */
final class CityGenerator {

    private static final Logger log = LoggerFactory.getLogger(CityGenerator.class);
    /** Assessments per INSERT … SELECT of their items: about 60,000 rows a statement. */
    private static final int CHUNK = 1000;
    /** This year's assessments per state, in percent: a cycle some weeks after it opened. */
    static final Map<AssessmentState, Integer> CURRENT_SHARES = shares();
    private static final int PAST_CYCLES = 3;
    private static final String ASSESSED = "o.kind IN ('" + OrgKind.COMMUNITY_COMMITTEE + "', '" + OrgKind.BRANCH + "')";
    /** The path of each state from the opening, in the order of the moves of {@link StateMachine}. */
    private static final List<AssessmentState> MAIN_PATH = List.of(NOT_STARTED, DRAFT, SUBMITTED, UNDER_REVIEW,
            RECOMMENDED, APPROVED, IN_NOTICE, FINAL);
    private static final Set<AssessmentState> SUBMITTED_ONCE = EnumSet.complementOf(EnumSet.of(NOT_STARTED, DRAFT));
    private static final Set<AssessmentState> REVIEWED = EnumSet.of(UNDER_REVIEW, RETURNED, RECOMMENDED, APPROVED, IN_NOTICE, FINAL);
    private static final Set<AssessmentState> RECOMMENDED_ONCE = EnumSet.of(RECOMMENDED, APPROVED, IN_NOTICE, FINAL);

    private final DSLContext dsl;
    private final LocalDate today;
    private final String passwordHash;
    private final String committeeOfPath;
    private long districtUserId;

    /**
     * @param today        the day the data is made for: this year's cycle opened 20 days before it
     * @param passwordHash the hash of every account's password (bcrypt salts differ, so it is an input)
     */
    CityGenerator(DSLContext dsl, LocalDate today, String passwordHash) {
        this.dsl = dsl;
        this.today = today;
        this.passwordHash = passwordHash;
        this.committeeOfPath = dsl.renderInlined(TreePathSql.committeeIdOf(DSL.field(DSL.name("o", "path"), String.class)));
    }

    /** What was made. */
    record Result(int organizations, int users, int assessments, int items, int evidence, long millis) {
    }

    Result generate(int size) {
        long start = System.nanoTime();
        if (dsl.fetchExists(ORGANIZATION)) {
            throw new IllegalStateException("the city-scale generator needs a database without organisations");
        }
        List<CityTree.Org> tree = CityTree.organizations(size);
        step("organisations", () -> insertOrganizations(tree));
        step("users", this::insertUsers);
        Map<Category, Long> standards = insertStandards();
        step("initial stars", () -> starHistory("o.current_star", "0", "'" + "INITIAL" + "'",
                "首次星级评定", noon(LocalDate.of(today.getYear() - PAST_CYCLES - 1, 12, 10)), ASSESSED, null));
        for (int year = today.getYear() - PAST_CYCLES; year < today.getYear(); year++) {
            int y = year;
            step("cycle " + y, () -> pastCycle(y, standards));
        }
        step("cycle " + today.getYear(), () -> currentCycle(standards));
        Result result = new Result(dsl.fetchCount(ORGANIZATION), dsl.fetchCount(APP_USER),
                dsl.fetchCount(ASSESSMENT), dsl.fetchCount(ASSESSMENT_ITEM), dsl.fetchCount(EVIDENCE_FILE), (System.nanoTime() - start) / 1_000_000);
        log.info("City of {} assessed organisations generated: {}", size, result);
        return result;
    }

    private static void step(String name, Runnable work) {
        long start = System.nanoTime();
        work.run();
        log.info("city data: {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
    }

    // --- the tree, the users, the standards ---

    private void insertOrganizations(List<CityTree.Org> tree) {
        LocalDateTime created = noon(LocalDate.of(today.getYear() - PAST_CYCLES - 1, 1, 5));
        LocalDate starDate = LocalDate.of(today.getYear() - PAST_CYCLES - 1, 12, 10);
        for (int from = 0; from < tree.size(); from += CHUNK) {
            var insert = dsl.insertInto(ORGANIZATION, ORGANIZATION.ID, ORGANIZATION.PARENT_ID, ORGANIZATION.PATH,
                    ORGANIZATION.DEPTH, ORGANIZATION.KIND, ORGANIZATION.CATEGORY, ORGANIZATION.REGIONAL_SYSTEM,
                    ORGANIZATION.CODE, ORGANIZATION.NAME, ORGANIZATION.SHORT_NAME, ORGANIZATION.SECRETARY_NAME,
                    ORGANIZATION.MEMBER_COUNT, ORGANIZATION.CONTACT, ORGANIZATION.CURRENT_STAR,
                    ORGANIZATION.STAR_EFFECTIVE_DATE, ORGANIZATION.CREATED_AT, ORGANIZATION.UPDATED_AT);
            for (CityTree.Org o : tree.subList(from, Math.min(tree.size(), from + CHUNK))) {
                insert = insert.values(o.id(), o.parentId(), o.path(), TreePath.depth(o.path()),
                        o.kind().name(), o.category() == null ? null : o.category().name(),
                        o.region() == null ? null : o.region().name(), o.code(), o.name(), o.shortName(), o.secretary(),
                        o.members(), o.contact(), o.star(), o.kind().isAssessed() ? starDate : null, created, created);
            }
            insert.execute();
        }
    }

    /** Staff at the root, two reviewers per committee, a secretary per assessed organisation; usernames as the demo's. */
    private void insertUsers() {
        LocalDateTime created = noon(LocalDate.of(today.getYear() - PAST_CYCLES - 1, 1, 5));
        districtUserId = user("district", "市委组织部 陈立", Role.APPROVER, created);
        user("admin", "系统管理员", Role.ADMIN, created);
        var fields = List.of(APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH, APP_USER.ORGANIZATION_ID,
                APP_USER.PASSWORD_CHANGED_AT, APP_USER.CREATED_AT);
        for (String suffix : List.of("", "-2")) {
            dsl.insertInto(APP_USER).columns(fields)
                    .select(DSL.select(DSL.concat(DSL.inline("rev-"), DSL.lower(ORGANIZATION.CODE), DSL.inline(suffix)),
                                    DSL.concat(ORGANIZATION.SHORT_NAME, DSL.inline(suffix.isEmpty() ? " 评审员" : " 评审员二")),
                                    DSL.val(passwordHash), ORGANIZATION.ID, DSL.val(created), DSL.val(created))
                            .from(ORGANIZATION).where(ORGANIZATION.KIND.eq(OrgKind.COMMITTEE.name())).orderBy(ORGANIZATION.ID))
                    .execute();
        }
        dsl.insertInto(APP_USER).columns(fields)
                .select(DSL.select(DSL.concat(DSL.inline("sec-"), DSL.lower(ORGANIZATION.CODE)), ORGANIZATION.SECRETARY_NAME,
                                DSL.val(passwordHash), ORGANIZATION.ID, DSL.val(created), DSL.val(created))
                        .from(ORGANIZATION)
                        .where(ORGANIZATION.KIND.in(OrgKind.COMMUNITY_COMMITTEE.name(), OrgKind.BRANCH.name()))
                        .orderBy(ORGANIZATION.ID))
                .execute();
        for (Role role : List.of(Role.REVIEWER, Role.SECRETARY)) {
            dsl.insertInto(APP_USER_ROLE, APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE)
                    .select(DSL.select(APP_USER.ID, DSL.inline(role.name())).from(APP_USER)
                            .where(APP_USER.USERNAME.startsWith(role == Role.REVIEWER ? "rev-" : "sec-")).orderBy(APP_USER.ID))
                    .execute();
        }
    }

    private long user(String username, String displayName, Role role, LocalDateTime created) {
        long id = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username).set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, passwordHash).set(APP_USER.ORGANIZATION_ID, 1L)
                .set(APP_USER.PASSWORD_CHANGED_AT, created).set(APP_USER.CREATED_AT, created)
                .returningResult(APP_USER.ID).fetchSingle().value1();
        dsl.insertInto(APP_USER_ROLE).set(APP_USER_ROLE.USER_ID, id).set(APP_USER_ROLE.ROLE, role.name()).execute();
        return id;
    }

    /** The city's standards, written as drafts and then published (the database accepts content only in drafts). */
    private Map<Category, Long> insertStandards() {
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        LocalDateTime published = noon(LocalDate.of(today.getYear() - PAST_CYCLES, 8, 1));
        for (StandardDefinition standard : CityStandards.all()) {
            long id = dsl.insertInto(STANDARD_VERSION)
                    .set(STANDARD_VERSION.CODE, standard.code()).set(STANDARD_VERSION.NAME, standard.name())
                    .set(STANDARD_VERSION.VERSION, standard.version()).set(STANDARD_VERSION.NOTES, standard.notes())
                    .set(STANDARD_VERSION.BONUS_CAP, standard.bonusCap())
                    .set(STANDARD_VERSION.BAND_1, standard.bands().minimumFor(1))
                    .set(STANDARD_VERSION.BAND_2, standard.bands().minimumFor(2))
                    .set(STANDARD_VERSION.BAND_3, standard.bands().minimumFor(3))
                    .set(STANDARD_VERSION.BAND_4, standard.bands().minimumFor(4))
                    .set(STANDARD_VERSION.BAND_5, standard.bands().minimumFor(5))
                    .set(STANDARD_VERSION.CREATED_AT, published)
                    .returningResult(STANDARD_VERSION.ID).fetchSingle().value1();
            for (Category category : standard.categories()) {
                dsl.insertInto(STANDARD_CATEGORY).set(STANDARD_CATEGORY.STANDARD_ID, id)
                        .set(STANDARD_CATEGORY.CATEGORY, category.name()).execute();
                byCategory.put(category, id);
            }
            int position = 0;
            for (DimensionDefinition dimension : standard.dimensions()) {
                long dimensionId = dsl.insertInto(STANDARD_DIMENSION).set(STANDARD_DIMENSION.STANDARD_ID, id)
                        .set(STANDARD_DIMENSION.POSITION, position++).set(STANDARD_DIMENSION.NAME, dimension.name())
                        .returningResult(STANDARD_DIMENSION.ID).fetchSingle().value1();
                var insert = dsl.insertInto(STANDARD_INDICATOR, STANDARD_INDICATOR.STANDARD_ID, STANDARD_INDICATOR.DIMENSION_ID,
                        STANDARD_INDICATOR.POSITION, STANDARD_INDICATOR.CODE, STANDARD_INDICATOR.TITLE,
                        STANDARD_INDICATOR.GUIDANCE, STANDARD_INDICATOR.QUALITY_STANDARD, STANDARD_INDICATOR.METHOD,
                        STANDARD_INDICATOR.MAX_SCORE, STANDARD_INDICATOR.STEP, STANDARD_INDICATOR.DEDUCTION,
                        STANDARD_INDICATOR.EVIDENCE_REQUIRED, STANDARD_INDICATOR.EVIDENCE_HINT, STANDARD_INDICATOR.VETO,
                        STANDARD_INDICATOR.VETO_STAR_CAP, STANDARD_INDICATOR.BONUS);
                int indicatorPosition = 0;
                for (IndicatorDefinition i : dimension.indicators()) {
                    insert = insert.values(id, dimensionId, indicatorPosition++, i.code(), i.title(), i.guidance(),
                            i.qualityStandard(), i.method().name(), i.maxScore(), i.step(), i.deduction(), i.evidenceRequired(),
                            i.evidenceHint(), i.veto(), i.vetoStarCap(), i.bonus());
                }
                insert.execute();
            }
            dsl.update(STANDARD_VERSION).set(STANDARD_VERSION.STATUS, "PUBLISHED")
                    .set(STANDARD_VERSION.PUBLISHED_AT, published).set(STANDARD_VERSION.PUBLISHED_BY, districtUserId)
                    .where(STANDARD_VERSION.ID.eq(id)).execute();
        }
        return byCategory;
    }

    // --- cycles ---

    /** A closed cycle: every organisation self-assessed, reviewed, approved and published; the stars took effect. */
    private void pastCycle(int year, Map<Category, Long> standards) {
        LocalDateTime opened = noon(LocalDate.of(year, 9, 1));
        long cycleId = insertCycle(year, "CLOSED", opened, LocalDate.of(year, 10, 31), LocalDate.of(year, 11, 20),
                LocalDate.of(year, 12, 5), noon(LocalDate.of(year, 12, 31)), standards);
        insertAssessments(cycleId, "'" + FINAL + "'", opened);
        Map<AssessmentState, LocalDateTime> moved = new EnumMap<>(AssessmentState.class);
        int[] days = {0, 4, 49, 54, 75, 91, 93, 100};
        for (int i = 0; i < MAIN_PATH.size(); i++) {
            moved.put(MAIN_PATH.get(i), opened.plusDays(days[i]));
        }
        moved.put(RETURNED, opened.plusDays(75));
        fillCycle(cycleId, moved, false);
        decide(cycleId, moved);
        notice(cycleId, moved.get(IN_NOTICE), moved.get(FINAL), "'" + FINAL + "'");
        takeEffect(cycleId, year, moved.get(FINAL));
    }

    /** This year's cycle, opened 20 days ago; its assessments in every state as {@link #CURRENT_SHARES} says. */
    private void currentCycle(Map<Category, Long> standards) {
        LocalDateTime opened = today.minusDays(20).atTime(1, 0);
        int year = today.getYear();
        long cycleId = insertCycle(year, "OPEN", opened, today.plusDays(10), today.plusDays(25), today.plusDays(40), null,
                standards);
        StringBuilder state = new StringBuilder("CASE");
        int upTo = 0;
        for (Map.Entry<AssessmentState, Integer> share : CURRENT_SHARES.entrySet()) {
            upTo += share.getValue();
            state.append(" WHEN MOD(o.id * 37, 100) < ").append(upTo).append(" THEN '").append(share.getKey()).append('\'');
        }
        insertAssessments(cycleId, state.append(" END").toString(), opened);
        Map<AssessmentState, LocalDateTime> moved = new EnumMap<>(AssessmentState.class);
        int[] days = {0, 2, 6, 8, 10, 12, 13, 19};
        for (int i = 0; i < MAIN_PATH.size(); i++) {
            moved.put(MAIN_PATH.get(i), opened.plusDays(days[i]));
        }
        moved.put(RETURNED, opened.plusDays(10));
        fillCycle(cycleId, moved, true);
        decide(cycleId, moved);
        notice(cycleId, moved.get(IN_NOTICE), moved.get(FINAL), "'" + FINAL + "'");
        // those still in notice were published yesterday, so their notice runs on past today
        LocalDateTime published = today.minusDays(1).atTime(2, 0);
        notice(cycleId, published, null, "'" + IN_NOTICE + "'");
        execute("UPDATE assessment_event e JOIN assessment a ON a.id = e.assessment_id SET e.occurred_at = ? "
                + "WHERE a.cycle_id = ? AND a.state = 'IN_NOTICE' AND e.to_state = 'IN_NOTICE'", published, cycleId);
        // some who have not submitted yet were given more time
        execute("UPDATE assessment SET deadline_extended_to = ?, extension_reason = '因社区换届，延期提交自评' "
                + "WHERE cycle_id = ? AND state IN ('NOT_STARTED', 'DRAFT', 'RETURNED') AND MOD(organization_id, 40) = 0",
                today.plusDays(17), cycleId);
        takeEffect(cycleId, year, moved.get(FINAL));
    }

    /** District staff approved every recommendation that went on, at the recommended star. */
    private void decide(long cycleId, Map<AssessmentState, LocalDateTime> moved) {
        execute("UPDATE assessment SET approved_star = recommended_star, approver_id = ?, approved_at = ? "
                + "WHERE cycle_id = ? AND state IN ('APPROVED', 'IN_NOTICE', 'FINAL')", districtUserId, moved.get(APPROVED), cycleId);
    }

    /**
     * A notice batch of the cycle's assessments in {@code states}, published at {@code published} for the cycle's
     * five days; when {@code finalized} is given, it ended with no objection and its results became final then.
     */
    private void notice(long cycleId, LocalDateTime published, LocalDateTime finalized, String states) {
        long batch = dsl.insertInto(NOTICE_BATCH).set(NOTICE_BATCH.CYCLE_ID, cycleId)
                .set(NOTICE_BATCH.STARTS_ON, published.toLocalDate()).set(NOTICE_BATCH.ENDS_ON, published.toLocalDate().plusDays(4))
                .set(NOTICE_BATCH.PUBLISHED_BY, districtUserId).set(NOTICE_BATCH.PUBLISHED_AT, published)
                .set(NOTICE_BATCH.FINALIZED_AT, finalized)
                .returningResult(NOTICE_BATCH.ID).fetchSingle().value1();
        execute("UPDATE assessment SET notice_batch_id = ?, final_at = ? WHERE cycle_id = ? AND state IN (" + states + ")",
                batch, finalized, cycleId);
    }

    private long insertCycle(int year, String status, LocalDateTime opened, LocalDate selfDeadline, LocalDate reviewDeadline,
                             LocalDate approvalDeadline, LocalDateTime closed, Map<Category, Long> standards) {
        long id = dsl.insertInto(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.YEAR, year).set(ASSESSMENT_CYCLE.NAME, year + "年度质量党建星级评定")
                .set(ASSESSMENT_CYCLE.STATUS, status)
                .set(ASSESSMENT_CYCLE.SELF_DEADLINE, selfDeadline).set(ASSESSMENT_CYCLE.REVIEW_DEADLINE, reviewDeadline)
                .set(ASSESSMENT_CYCLE.APPROVAL_DEADLINE, approvalDeadline).set(ASSESSMENT_CYCLE.NOTICE_DAYS, 5)
                .set(ASSESSMENT_CYCLE.QUOTA_4, new BigDecimal("40")).set(ASSESSMENT_CYCLE.QUOTA_5, new BigDecimal("10"))
                .set(ASSESSMENT_CYCLE.OPENED_AT, opened).set(ASSESSMENT_CYCLE.OPENED_BY, districtUserId)
                .set(ASSESSMENT_CYCLE.CLOSED_AT, closed).set(ASSESSMENT_CYCLE.CREATED_AT, opened.minusDays(14))
                .returningResult(ASSESSMENT_CYCLE.ID).fetchSingle().value1();
        standards.forEach((category, standard) -> dsl.insertInto(CYCLE_STANDARD).set(CYCLE_STANDARD.CYCLE_ID, id)
                .set(CYCLE_STANDARD.CATEGORY, category.name()).set(CYCLE_STANDARD.STANDARD_ID, standard).execute());
        return id;
    }

    /** One assessment per active assessed organisation, as the opening makes them, in the given state. */
    private void insertAssessments(long cycleId, String stateSql, LocalDateTime opened) {
        execute("INSERT INTO assessment (cycle_id, organization_id, committee_id, standard_id, state, star_at_open, updated_at) "
                + "SELECT ?, o.id, " + committeeOfPath + ", cs.standard_id, " + stateSql + ", o.current_star, ? "
                + "FROM organization o JOIN cycle_standard cs ON cs.cycle_id = ? AND cs.category = o.category "
                + "WHERE o.active AND " + ASSESSED + " ORDER BY o.id", cycleId, opened, cycleId);
        // the committee's first reviewer took every review of it
        execute("UPDATE assessment a SET reviewer_id = (SELECT MIN(u.id) FROM app_user u WHERE u.organization_id = a.committee_id) "
                + "WHERE a.cycle_id = ? AND a.state IN (" + sqlList(REVIEWED) + ")", cycleId);
    }

    /**
     * Items with their entries, totals and stars, a range of assessments at a time (their rows are then still in
     * memory), and the timeline of every assessment of the cycle.
     */
    private void fillCycle(long cycleId, Map<AssessmentState, LocalDateTime> moved, boolean withEvidence) {
        List<Long> ids = dsl.fetch("SELECT id FROM assessment WHERE cycle_id = ? ORDER BY id", cycleId).getValues(0, Long.class);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            long first = ids.get(from);
            long last = ids.get(Math.min(ids.size(), from + CHUNK) - 1);
            insertItems(cycleId, first, last, moved.get(DRAFT), moved.get(UNDER_REVIEW));
            // the total at submission and the star applied for (complete drafts have chosen theirs, unsubmitted)
            String entered = "a.id BETWEEN ? AND ? AND (a.state IN (" + sqlList(SUBMITTED_ONCE) + ") OR (a.state = 'DRAFT' AND "
                    + complete("a") + "))";
            execute("UPDATE assessment a SET a.self_total = " + total("") + ", a.submitted_at = IF(a.state = 'DRAFT', NULL, ?) "
                    + "WHERE " + entered, moved.get(SUBMITTED), first, last);
            execute("UPDATE assessment a JOIN standard_version v ON v.id = a.standard_id "
                    + "SET a.applied_star = GREATEST(1, LEAST(a.star_at_open + 1, " + stars("", "a.self_total") + ")) "
                    + "WHERE " + entered, first, last);
            execute("UPDATE assessment a SET a.self_total = NULL WHERE a.id BETWEEN ? AND ? AND a.state = 'DRAFT'", first, last);
            // the reviewer recommends what was applied for, or less when the review total earns less
            String recommended = "a.id BETWEEN ? AND ? AND a.state IN (" + sqlList(RECOMMENDED_ONCE) + ")";
            execute("UPDATE assessment a SET a.review_total = " + total("review_") + " WHERE " + recommended, first, last);
            execute("UPDATE assessment a JOIN standard_version v ON v.id = a.standard_id "
                    + "SET a.recommended_star = LEAST(a.applied_star, " + stars("review_", "a.review_total") + ") "
                    + "WHERE " + recommended, first, last);
            if (withEvidence) {
                evidence(first, last, moved.get(DRAFT));
            }
        }
        timeline(cycleId, moved);
    }

    /** Whether a draft is complete: every other one is, the rest are about half done. */
    private static String complete(String assessment) {
        return "MOD(" + assessment + ".organization_id, 2) = 0";
    }

    /**
     * The item rows of the cycle's assessments with ids in [first, last], with the secretary's entries (all of
     * them once submitted, those of complete drafts, half of the others') and the reviewer's (all once
     * recommended or returned, half while under review). Each assessment aims at a total near
     * 46 + 9 × its star at opening (± 8), the review a little lower; a veto fails in 3 % of cases.
     */
    private void insertItems(long cycleId, long first, long last, LocalDateTime saved, LocalDateTime reviewed) {
        String half = "MOD(a.id + i.id, 2) = 0";
        String selfFilled = "(a.state IN (" + sqlList(SUBMITTED_ONCE) + ") OR (a.state = 'DRAFT' AND (" + complete("a")
                + " OR " + half + ")))";
        String reviewFilled = "(a.state IN (" + sqlList(EnumSet.of(RETURNED, RECOMMENDED, APPROVED, IN_NOTICE, FINAL))
                + ") OR (a.state = 'UNDER_REVIEW' AND " + half + "))";
        String target = "(46 + 9 * a.star_at_open + MOD(a.id * 7919, 17))";
        String keep = "(i.veto AND CRC32(CONCAT(i.id, '+', a.id)) / 4294967296 >= 0.03)";
        execute("INSERT INTO assessment_item (assessment_id, indicator_id, met, score, occurrences, row_version, updated_at, "
                        + "review_met, review_score, review_occurrences, reviewed_by, reviewed_at, review_version) "
                        + "SELECT a.id, i.id, "
                        + entry(selfFilled, target, "CRC32(CONCAT(a.id, '-', i.id)) / 4294967296", keep) + ", "
                        + "IF(" + selfFilled + ", 1, 0), IF(" + selfFilled + ", ?, NULL), "
                        + entry(reviewFilled, target + " - 3", "CRC32(CONCAT(a.id, '*', i.id)) / 4294967296", keep) + ", "
                        + "IF(" + reviewFilled + ", a.reviewer_id, NULL), IF(" + reviewFilled + ", ?, NULL), IF(" + reviewFilled + ", 1, 0) "
                        + "FROM assessment a JOIN standard_indicator i ON i.standard_id = a.standard_id "
                        + "WHERE a.cycle_id = ? AND a.id BETWEEN ? AND ? ORDER BY a.id, i.id",
                saved, reviewed, cycleId, first, last);
    }

    /**
     * The three entry columns (met, score, occurrences) of one side: for a filled item, a share of the points
     * near {@code target} percent, spread by the hash {@code h} in [0, 1); kept vetoes score in full.
     */
    private static String entry(String filled, String target, String h, String keep) {
        String fraction = "LEAST(1, GREATEST(0, (" + target + " + (" + h + " - 0.5) * 30) / 100))";
        return "CASE WHEN " + filled + " AND i.method = 'CHECK' THEN (" + keep + " OR " + h + " < " + target + " / 100) END, "
                + "CASE WHEN " + filled + " AND i.method = 'SCALE' THEN IF(" + keep + ", i.max_score, "
                + "FLOOR(" + fraction + " * i.max_score / i.step) * i.step) END, "
                + "CASE WHEN " + filled + " AND i.method = 'DEDUCT' THEN IF(" + keep + ", 0, "
                + "ROUND((1 - " + fraction + ") * i.max_score / i.deduction)) END";
    }

    /**
     * The total of one side's entries of assessment {@code a} ({@code prefix} "" for the secretary's, "review_"
     * for the reviewer's), as {@code Scoring} computes it: base points plus bonus points up to the cap.
     */
    private static String total(String prefix) {
        String points = points(prefix);
        return "(SELECT SUM(IF(i.bonus, 0, " + points + ")) + LEAST(SUM(IF(i.bonus, " + points + ", 0)), "
                + "COALESCE(MAX(v.bonus_cap), SUM(IF(i.bonus, " + points + ", 0)))) "
                + "FROM assessment_item it JOIN standard_indicator i ON i.id = it.indicator_id "
                + "JOIN standard_version v ON v.id = i.standard_id WHERE it.assessment_id = a.id)";
    }

    /** The stars that {@code total} earns assessment {@code a} of standard {@code v}: its band, capped by failed vetoes. */
    private static String stars(String prefix, String total) {
        String failed = "IF(i.method = 'CHECK', NOT it." + prefix + "met, (" + points(prefix) + ") < i.max_score)";
        String cap = "(SELECT MIN(IF(i.veto AND " + failed + ", i.veto_star_cap, NULL)) FROM assessment_item it "
                + "JOIN standard_indicator i ON i.id = it.indicator_id WHERE it.assessment_id = a.id)";
        return "LEAST(COALESCE(" + cap + ", 5), CASE WHEN " + total + " >= v.band_5 THEN 5 WHEN " + total + " >= v.band_4 THEN 4 "
                + "WHEN " + total + " >= v.band_3 THEN 3 WHEN " + total + " >= v.band_2 THEN 2 WHEN " + total + " >= v.band_1 THEN 1 "
                + "ELSE 0 END)";
    }

    private static String points(String prefix) {
        return "CASE i.method WHEN 'CHECK' THEN IF(it." + prefix + "met, i.max_score, 0) WHEN 'SCALE' THEN it." + prefix + "score "
                + "ELSE GREATEST(0, i.max_score - i.deduction * it." + prefix + "occurrences) END";
    }

    /**
     * Every move of every assessment, in order, by whom the state machine says (the secretary of the
     * organisation, the reviewer, district staff, the system); each assessment's version counts its moves.
     */
    private void timeline(long cycleId, Map<AssessmentState, LocalDateTime> moved) {
        execute("INSERT INTO assessment_event (assessment_id, from_state, to_state, actor_id, occurred_at) "
                + "SELECT id, NULL, 'NOT_STARTED', ?, ? FROM assessment WHERE cycle_id = ? ORDER BY id",
                districtUserId, moved.get(NOT_STARTED), cycleId);
        for (StateMachine.Move move : StateMachine.MOVES) {
            Set<AssessmentState> reached = reached(move);
            if (reached.isEmpty()) {
                continue; // a move back (rejection, upheld objection): not in the generated paths
            }
            String actor = switch (move.actor()) {
                case SECRETARY -> "(SELECT MIN(u.id) FROM app_user u WHERE u.organization_id = a.organization_id)";
                case REVIEWER -> "a.reviewer_id";
                case APPROVER -> String.valueOf(districtUserId);
                case SYSTEM -> "NULL";
            };
            String comment = move.commentRequired() ? "'请补充组织生活会议记录和党员学习台账后重新提交'" : "NULL";
            execute("INSERT INTO assessment_event (assessment_id, from_state, to_state, actor_id, comment, occurred_at) "
                            + "SELECT a.id, ?, ?, " + actor + ", " + comment + ", ? FROM assessment a "
                            + "WHERE a.cycle_id = ? AND a.state IN (" + sqlList(reached) + ") ORDER BY a.id",
                    move.from().name(), move.to().name(), moved.get(move.to()), cycleId);
            execute("UPDATE assessment SET row_version = row_version + 1, updated_at = ? WHERE cycle_id = ? AND state IN ("
                    + sqlList(reached) + ")", moved.get(move.to()), cycleId);
        }
    }

    /** The states whose generated path makes this move: the main path, or the return after a review. */
    private static Set<AssessmentState> reached(StateMachine.Move move) {
        Set<AssessmentState> reached = EnumSet.noneOf(AssessmentState.class);
        for (AssessmentState state : AssessmentState.values()) {
            List<AssessmentState> path = state == RETURNED
                    ? List.of(NOT_STARTED, DRAFT, SUBMITTED, UNDER_REVIEW, RETURNED)
                    : MAIN_PATH.subList(0, MAIN_PATH.indexOf(state) + 1);
            int to = path.indexOf(move.to());
            if (to > 0 && path.get(to - 1) == move.from()) {
                reached.add(state);
            }
        }
        return reached;
    }

    /** A small PDF for every entry of these assessments that needs evidence, uploaded by the organisation's secretary. */
    private void evidence(long first, long last, LocalDateTime uploaded) {
        byte[] content = DemoDistrictSeeder.DEMO_EVIDENCE;
        // in the order of the items' unique key (that of their ids): sorting rows that carry a BLOB any other way
        // made MariaDB spill every chunk to a temporary table on disk (200 µs a row at 20,000 organisations)
        execute("INSERT INTO evidence_file (assessment_id, item_id, file_name, content_type, size_bytes, sha256, content, "
                        + "uploaded_by, uploaded_at) "
                        + "SELECT STRAIGHT_JOIN it.assessment_id, it.id, CONCAT(i.code, ' 工作记录.pdf'), 'application/pdf', ?, ?, ?, "
                        + "(SELECT MIN(u.id) FROM app_user u WHERE u.organization_id = a.organization_id), ? "
                        + "FROM assessment_item it JOIN assessment a ON a.id = it.assessment_id "
                        + "JOIN standard_indicator i ON i.id = it.indicator_id "
                        + "WHERE it.assessment_id BETWEEN ? AND ? AND it.row_version > 0 AND i.evidence_required "
                        + "ORDER BY it.assessment_id, it.indicator_id",
                (long) content.length, sha256(content), content, uploaded, first, last);
    }

    /** Final assessments' stars take effect on their organisations, each with its line of star history. */
    private void takeEffect(long cycleId, int year, LocalDateTime when) {
        String kind = "CASE WHEN a.recommended_star > a.star_at_open THEN 'PROMOTION' "
                + "WHEN a.recommended_star < a.star_at_open THEN 'DEMOTION' ELSE 'UNCHANGED' END";
        starHistory("a.recommended_star", "a.star_at_open", kind, year + "年度质量党建星级评定", when,
                "a.cycle_id = " + cycleId + " AND a.state = 'FINAL'", "JOIN assessment a ON a.organization_id = o.id");
        execute("UPDATE organization o JOIN assessment a ON a.organization_id = o.id "
                + "SET o.current_star = a.recommended_star, o.star_effective_date = ?, o.version = o.version + 1, o.updated_at = ? "
                + "WHERE a.cycle_id = ? AND a.state = 'FINAL'", when.toLocalDate(), when, cycleId);
    }

    private void starHistory(String to, String from, String kind, String reason, LocalDateTime when, String where, String join) {
        execute("INSERT INTO star_history (organization_id, from_star, to_star, change_kind, reason, changed_by, changed_at) "
                + "SELECT o.id, " + from + ", " + to + ", " + kind + ", ?, ?, ? FROM organization o "
                + (join == null ? "" : join + " ") + "WHERE " + where + " ORDER BY o.id", reason, districtUserId, when);
    }

    /** One statement, timed in the debug log: at city scale each takes seconds, and this tells which. */
    private void execute(String sql, Object... bindings) {
        long start = System.nanoTime();
        int rows = dsl.execute(sql, bindings);
        if (log.isDebugEnabled()) {
            log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - start) / 1_000_000, sql.substring(0, Math.min(90, sql.length())));
        }
    }

    private static String sqlList(Set<AssessmentState> states) {
        return states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    /** 12:00 in Shenzhen, stored as UTC. */
    private static LocalDateTime noon(LocalDate date) {
        return date.atTime(4, 0);
    }

    private static Map<AssessmentState, Integer> shares() {
        Map<AssessmentState, Integer> shares = new LinkedHashMap<>();
        shares.put(NOT_STARTED, 14);
        shares.put(DRAFT, 20);
        shares.put(SUBMITTED, 14);
        shares.put(UNDER_REVIEW, 10);
        shares.put(RETURNED, 5);
        shares.put(RECOMMENDED, 16);
        shares.put(APPROVED, 8);
        shares.put(IN_NOTICE, 7);
        shares.put(FINAL, 6);
        return shares;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
