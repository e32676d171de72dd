package cn.luohu.qpb.demo;

import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.IndicatorRule;
import cn.luohu.qpb.standard.ScoringMethod;
import cn.luohu.qpb.standard.Scoring;
import cn.luohu.qpb.standard.ScoringResult;
import cn.luohu.qpb.standard.ScoringScheme;
import cn.luohu.qpb.standard.StandardRules;
import cn.luohu.qpb.standard.StarBands;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The city-scale generator at 200 organisations, into two fresh schemas of the test database migrated by the
 * real changelog: what it makes, that its scores agree with the one scoring class, and that the same input
 * gives the same rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CityGeneratorTest extends IntegrationTest {

    private static final int SIZE = 200;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuu5Ff9JG1Pj6nqNZQUvj2Z4Pb5xK8Iu0i";
    private static final List<String> TABLES = List.of("organization", "app_user", "app_user_role", "star_history",
            "standard_version", "standard_category", "standard_dimension", "standard_indicator", "assessment_cycle",
            "cycle_standard", "notice_batch", "assessment", "assessment_item", "assessment_event", "evidence_file");

    private final TestDatabase database = TestDatabase.get();

    private final List<HikariDataSource> pools = new ArrayList<>();
    private DSLContext city;
    private DSLContext again;
    private CityGenerator.Result result;

    @BeforeAll
    void generateTwice() {
        city = migrated("qpb_city_a");
        result = new CityGenerator(city, TODAY, HASH).generate(SIZE);
        again = migrated("qpb_city_b");
        new CityGenerator(again, TODAY, HASH).generate(SIZE);
    }

    @AfterAll
    void dropSchemas() {
        pools.forEach(HikariDataSource::close);
        database.execute("DROP DATABASE IF EXISTS qpb_city_a", "DROP DATABASE IF EXISTS qpb_city_b");
    }

    @Test
    void theTreeHasCommitteesOfAboutASubdistrictsSizeAndEveryoneCanLogIn() {
        int committees = CityTree.committees(SIZE);
        assertEquals(2, committees);
        assertEquals(SIZE, count("SELECT COUNT(*) FROM organization WHERE kind IN ('COMMUNITY_COMMITTEE', 'BRANCH')"));
        assertEquals(committees, count("SELECT COUNT(*) FROM organization WHERE kind = 'COMMITTEE' AND depth = 1"));
        assertEquals(6, count("SELECT COUNT(DISTINCT category) FROM organization"));
        assertEquals(6, count("SELECT COUNT(DISTINCT current_star) FROM organization WHERE category IS NOT NULL"));
        // every assessed organisation has its secretary, every committee two reviewers, all with the role
        assertEquals(SIZE, count("SELECT COUNT(*) FROM app_user u JOIN organization o ON o.id = u.organization_id "
                + "JOIN app_user_role r ON r.user_id = u.id AND r.role = 'SECRETARY' WHERE u.username = CONCAT('sec-', LOWER(o.code))"));
        assertEquals(2 * committees, count("SELECT COUNT(*) FROM app_user u JOIN organization o ON o.id = u.organization_id "
                + "JOIN app_user_role r ON r.user_id = u.id AND r.role = 'REVIEWER' WHERE o.kind = 'COMMITTEE'"));
        assertEquals(2 + 2 * committees + SIZE, result.users());
        assertEquals(1, count("SELECT COUNT(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id "
                + "WHERE u.username = 'district' AND r.role = 'APPROVER'"));
    }

    @Test
    void theStandardsHaveSixtyIndicatorsAndPassThePublishingRules() {
        CityStandards.all().forEach(standard -> {
            assertEquals(CityStandards.INDICATORS, standard.indicators().size(), standard.code());
            assertEquals(List.of(), StandardRules.problems(standard), standard.code());
        });
        assertEquals(6, count("SELECT COUNT(*) FROM standard_version WHERE status = 'PUBLISHED'"));
        assertEquals(6 * CityStandards.INDICATORS, count("SELECT COUNT(*) FROM standard_indicator"));
    }

    @Test
    void threeClosedCyclesAreCompleteAndThisYearsIsOpenWithAssessmentsInEveryState() {
        assertEquals(List.of("CLOSED", "CLOSED", "CLOSED", "OPEN"),
                city.fetch("SELECT status FROM assessment_cycle ORDER BY year").getValues(0, String.class));
        assertEquals(4 * SIZE, result.assessments());
        assertEquals(4 * SIZE * CityStandards.INDICATORS, result.items());
        assertEquals(3 * SIZE, count("SELECT COUNT(*) FROM assessment a JOIN assessment_cycle c ON c.id = a.cycle_id "
                + "WHERE c.status = 'CLOSED' AND a.state = 'FINAL' AND a.self_total IS NOT NULL AND a.review_total IS NOT NULL "
                + "AND a.recommended_star <= a.applied_star AND a.applied_star <= a.star_at_open + 1 AND a.reviewer_id IS NOT NULL"));
        assertEquals(0, count("SELECT COUNT(*) FROM assessment_item it JOIN assessment a ON a.id = it.assessment_id "
                + "JOIN assessment_cycle c ON c.id = a.cycle_id WHERE c.status = 'CLOSED' "
                + "AND (COALESCE(it.met, it.score, it.occurrences) IS NULL OR COALESCE(it.review_met, it.review_score, it.review_occurrences) IS NULL)"));

        Map<AssessmentState, Integer> states = new HashMap<>();
        city.fetch("SELECT a.state, COUNT(*) FROM assessment a JOIN assessment_cycle c ON c.id = a.cycle_id "
                        + "WHERE c.status = 'OPEN' GROUP BY a.state")
                .forEach(r -> states.put(AssessmentState.valueOf(r.get(0, String.class)), r.get(1, Integer.class)));
        assertEquals(Arrays.stream(AssessmentState.values()).toList(), states.keySet().stream().sorted().toList());
        assertEquals(SIZE, states.values().stream().mapToInt(Integer::intValue).sum());
        // each state holds about its share
        CityGenerator.CURRENT_SHARES.forEach((state, percent) ->
                assertTrue(Math.abs(states.get(state) - percent * SIZE / 100) <= SIZE / 20, state + ": " + states.get(state)));
    }

    @Test
    void thisYearsAssessmentsHoldWhatTheirStateImplies() {
        String current = "FROM assessment a JOIN assessment_cycle c ON c.id = a.cycle_id AND c.status = 'OPEN' ";
        // nothing entered before the first save; a reviewer and review entries only once a review started
        assertEquals(0, count("SELECT COUNT(*) " + current + "JOIN assessment_item it ON it.assessment_id = a.id "
                + "WHERE a.state = 'NOT_STARTED' AND (it.row_version > 0 OR a.reviewer_id IS NOT NULL)"));
        assertEquals(0, count("SELECT COUNT(*) " + current + "WHERE (a.reviewer_id IS NOT NULL) <> "
                + "(a.state IN ('UNDER_REVIEW', 'RETURNED', 'RECOMMENDED', 'APPROVED', 'IN_NOTICE', 'FINAL'))"));
        assertEquals(0, count("SELECT COUNT(*) " + current + "WHERE (a.recommended_star IS NOT NULL) <> "
                + "(a.state IN ('RECOMMENDED', 'APPROVED', 'IN_NOTICE', 'FINAL'))"));
        assertEquals(0, count("SELECT COUNT(*) " + current + "WHERE (a.approved_star IS NOT NULL) <> "
                + "(a.state IN ('APPROVED', 'IN_NOTICE', 'FINAL'))"));
        // in notice: in a batch whose notice runs on past today (nothing for the finaliser); final: in a finalised one
        assertEquals(0, count("SELECT COUNT(*) FROM assessment a LEFT JOIN notice_batch b ON b.id = a.notice_batch_id "
                + "WHERE (a.state IN ('IN_NOTICE', 'FINAL')) <> (b.id IS NOT NULL) "
                + "OR (a.state = 'IN_NOTICE' AND (b.finalized_at IS NOT NULL OR b.ends_on < '" + TODAY + "')) "
                + "OR (a.state = 'FINAL' AND (b.finalized_at IS NULL OR a.final_at IS NULL))"));
        assertEquals(0, count("SELECT COUNT(*) " + current + "WHERE (a.submitted_at IS NOT NULL) <> "
                + "(a.state NOT IN ('NOT_STARTED', 'DRAFT'))"));
        // a complete draft (it applied for a star) may be submitted: every entry made, every required file there
        int complete = count("SELECT COUNT(*) " + current + "WHERE a.state = 'DRAFT' AND a.applied_star IS NOT NULL");
        assertTrue(complete > 0);
        assertEquals(0, count("SELECT COUNT(*) " + current + "JOIN assessment_item it ON it.assessment_id = a.id "
                + "JOIN standard_indicator i ON i.id = it.indicator_id "
                + "WHERE (a.state NOT IN ('NOT_STARTED', 'DRAFT') OR a.applied_star IS NOT NULL) AND (it.row_version = 0 "
                + "OR (i.evidence_required AND NOT EXISTS (SELECT 1 FROM evidence_file e WHERE e.item_id = it.id)))"));
        // the timeline: one event per move, the last one into the current state, made by the right people
        assertEquals(0, count("SELECT COUNT(*) " + current + "WHERE a.state <> (SELECT e.to_state FROM assessment_event e "
                + "WHERE e.assessment_id = a.id ORDER BY e.id DESC LIMIT 1) OR a.row_version + 1 <> "
                + "(SELECT COUNT(*) FROM assessment_event e WHERE e.assessment_id = a.id)"));
        assertEquals(0, count("SELECT COUNT(*) FROM assessment_event e JOIN assessment a ON a.id = e.assessment_id "
                + "JOIN app_user u ON u.id = e.actor_id WHERE e.to_state IN ('DRAFT', 'SUBMITTED') AND u.organization_id <> a.organization_id"));
        assertEquals(0, count("SELECT COUNT(*) FROM evidence_file e JOIN assessment_item it ON it.id = e.item_id "
                + "WHERE it.assessment_id <> e.assessment_id"));
    }

    @Test
    void committeesReviewersAndStarsAreConsistentWithTheTree() {
        assertEquals(1, count("SELECT @@foreign_key_checks")); // every foreign key was checked as rows went in
        assertEquals(0, count("SELECT COUNT(*) FROM assessment a JOIN organization o ON o.id = a.organization_id "
                + "WHERE o.path NOT LIKE CONCAT('/1/', a.committee_id, '/%')"));
        assertEquals(0, count("SELECT COUNT(*) FROM assessment a JOIN app_user u ON u.id = a.reviewer_id "
                + "WHERE u.organization_id <> a.committee_id"));
        // a star history line per rating, and the organisation holds the star of its last one
        assertEquals(0, count("SELECT COUNT(*) FROM organization o WHERE o.category IS NOT NULL AND o.current_star <> "
                + "(SELECT h.to_star FROM star_history h WHERE h.organization_id = o.id ORDER BY h.changed_at DESC, h.id DESC LIMIT 1)"));
        int finalThisYear = count("SELECT COUNT(*) FROM assessment a JOIN assessment_cycle c ON c.id = a.cycle_id "
                + "WHERE c.status = 'OPEN' AND a.state = 'FINAL'");
        assertEquals(4 * SIZE + finalThisYear, count("SELECT COUNT(*) FROM star_history"));
    }

    @Test
    void totalsAndStarsAreWhatTheScoringRulesGiveForTheEntries() {
        List<Record> scored = city.fetch("SELECT a.id, a.standard_id, a.state, a.self_total, a.review_total, a.applied_star, "
                + "a.recommended_star, a.star_at_open FROM assessment a WHERE (a.self_total IS NOT NULL OR a.applied_star IS NOT NULL) "
                + "AND MOD(a.id, 3) = 0"); // a third of them: enough of every kind, and quick
        assertTrue(scored.size() > SIZE);
        for (Record a : scored) {
            long id = a.get(0, Long.class);
            ScoringScheme scheme = scheme(a.get(1, Long.class));
            ScoringResult self = Scoring.score(scheme, inputs(id, ""));
            assertTrue(self.isComplete(), "assessment " + id);
            if (a.get(3) != null) { // a complete draft has chosen its star but records its total only when submitted
                assertEquals(0, self.total().compareTo(a.get(3, BigDecimal.class)), "self total of " + id);
            }
            assertEquals(Math.max(1, Math.min(a.get(7, Integer.class) + 1, self.stars())), a.get(5, Integer.class), "applied star of " + id);
            if (a.get(4) != null) {
                ScoringResult review = Scoring.score(scheme, inputs(id, "review_"));
                assertEquals(0, review.total().compareTo(a.get(4, BigDecimal.class)), "review total of " + id);
                assertEquals(Math.min(a.get(5, Integer.class), review.stars()), a.get(6, Integer.class), "recommended star of " + id);
            }
        }
    }

    @Test
    void theSameInputGivesTheSameRows() {
        for (String table : TABLES) {
            assertEquals(checksum("qpb_city_a", table), checksum("qpb_city_b", table), table);
        }
        assertTrue(count("SELECT COUNT(*) FROM star_history h WHERE h.change_kind = 'PROMOTION'") > 0);
        assertTrue(count("SELECT COUNT(*) FROM star_history h WHERE h.change_kind = 'DEMOTION'") > 0);
    }

    private ScoringScheme scheme(long standardId) {
        Record standard = city.fetchSingle("SELECT band_1, band_2, band_3, band_4, band_5, bonus_cap FROM standard_version WHERE id = ?",
                standardId);
        List<IndicatorRule> rules = city.fetch("SELECT code, method, max_score, step, deduction, veto, veto_star_cap, bonus "
                        + "FROM standard_indicator WHERE standard_id = ? ORDER BY id", standardId)
                .map(r -> new IndicatorRule(r.get(0, String.class), ScoringMethod.valueOf(r.get(1, String.class)),
                        r.get(2, BigDecimal.class), r.get(3, BigDecimal.class), r.get(4, BigDecimal.class),
                        r.get(5, Boolean.class), r.get(6, Integer.class), r.get(7, Boolean.class)));
        return new ScoringScheme(rules, new StarBands(Arrays.asList(standard.get(0, BigDecimal.class),
                standard.get(1, BigDecimal.class), standard.get(2, BigDecimal.class), standard.get(3, BigDecimal.class),
                standard.get(4, BigDecimal.class))), standard.get(5, BigDecimal.class));
    }

    private Map<String, IndicatorInput> inputs(long assessmentId, String prefix) {
        Map<String, IndicatorInput> inputs = new HashMap<>();
        city.fetch("SELECT i.code, it." + prefix + "met, it." + prefix + "score, it." + prefix + "occurrences "
                        + "FROM assessment_item it JOIN standard_indicator i ON i.id = it.indicator_id WHERE it.assessment_id = ?",
                assessmentId).forEach(r -> inputs.put(r.get(0, String.class),
                new IndicatorInput(r.get(1, Boolean.class), r.get(2, BigDecimal.class), r.get(3, Integer.class))));
        return inputs;
    }

    private int count(String sql) {
        return city.fetchSingle(sql).get(0, Integer.class);
    }

    private long checksum(String schema, String table) {
        return city.fetchSingle("CHECKSUM TABLE " + schema + "." + table).get(1, Long.class);
    }

    /** A new schema in the test's MariaDB, migrated by the portal's changelog (as the server's administrator). */
    private DSLContext migrated(String schema) {
        HikariDataSource pool;
        try {
            pool = database.migratedSchema(schema, "");
        } catch (Exception e) {
            throw new IllegalStateException("cannot migrate " + schema, e);
        }
        pools.add(pool);
        return DSL.using(pool, SQLDialect.MARIADB);
    }
}
