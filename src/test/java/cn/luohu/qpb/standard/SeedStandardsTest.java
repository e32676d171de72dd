package cn.luohu.qpb.standard;

import cn.luohu.qpb.organization.Category;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The six seeded standards load, satisfy the publishing rules and say what their category needs. */
class SeedStandardsTest {

    private static final List<BigDecimal> BANDS = Stream.of("60", "65", "75", "85", "95").map(BigDecimal::new).toList();

    /** Words each category's standard must contain somewhere in its titles, guidance or quality standards. */
    private static final Map<Category, List<String>> KEYWORDS = Map.of(
            Category.COMMUNITY, List.of("四位一体", "兼职委员", "网格", "居民"),
            Category.NON_PUBLIC_ENTERPRISE, List.of("生产经营", "先锋岗", "技术攻关", "出资人"),
            Category.SOCIAL_ORGANIZATION, List.of("章程", "党建入章", "服务对象"),
            Category.BUILDING_PARK, List.of("楼宇+物管", "楼宇党群服务中心", "联建共建"),
            Category.URBAN_VILLAGE, List.of("同乡村", "外来务工人员", "流动党员", "出租屋"),
            Category.AGENCY, List.of("模范机关", "作风建设", "服务基层"));

    private static Map<Category, StandardDefinition> byCategory;

    @BeforeAll
    static void load() {
        List<StandardDefinition> standards = SeedStandards.load();
        assertEquals(6, standards.size(), "six seeded standards");
        byCategory = new EnumMap<>(Category.class);
        for (StandardDefinition standard : standards) {
            assertEquals(1, standard.categories().size(), standard.code() + " serves exactly one category");
            Category category = standard.categories().iterator().next();
            assertNotNull(category);
            assertFalse(byCategory.containsKey(category), "two standards for " + category);
            byCategory.put(category, standard);
        }
        assertEquals(EnumSet.allOf(Category.class), byCategory.keySet(), "every category exactly once");
    }

    @Test
    void everyStandardPassesThePublishingRules() {
        for (StandardDefinition standard : byCategory.values()) {
            List<StandardRules.Problem> problems = StandardRules.problems(standard);
            assertTrue(problems.isEmpty(), standard.code() + " has problems: " + problems);
        }
    }

    @Test
    void everyStandardIsCompleteAndVersionOne() {
        for (StandardDefinition standard : byCategory.values()) {
            assertEquals(1, standard.version(), standard.code());
            assertTrue(standard.code().startsWith("LH-"), standard.code());
            assertFalse(standard.name() == null || standard.name().isBlank(), standard.code() + " name");
            assertFalse(standard.notes() == null || standard.notes().isBlank(), standard.code() + " notes");
            assertTrue(standard.indicators().size() >= 25,
                    standard.code() + " has only " + standard.indicators().size() + " indicators");
            assertTrue(standard.dimensions().size() >= 8, standard.code() + " dimensions");
            assertNotNull(standard.bonusCap(), standard.code() + " bonus cap");
            assertTrue(standard.bonusCap().signum() > 0, standard.code() + " bonus cap");
        }
    }

    @Test
    void bandsAreSixtyToNinetyFive() {
        for (StandardDefinition standard : byCategory.values()) {
            List<BigDecimal> minimums = standard.bands().minimums();
            assertEquals(5, minimums.size());
            for (int i = 0; i < 5; i++) {
                assertEquals(0, BANDS.get(i).compareTo(minimums.get(i)), standard.code() + " band " + (i + 1));
            }
        }
    }

    @Test
    void everyStandardHasACappedVetoAndBonusItems() {
        for (StandardDefinition standard : byCategory.values()) {
            List<IndicatorDefinition> vetoes = standard.indicators().stream().filter(IndicatorDefinition::veto).toList();
            assertFalse(vetoes.isEmpty(), standard.code() + " has no veto");
            for (IndicatorDefinition veto : vetoes) {
                assertNotNull(veto.vetoStarCap(), veto.code() + " veto without a star cap");
                assertFalse(veto.bonus(), veto.code());
            }
            assertTrue(vetoes.stream().anyMatch(v -> v.vetoStarCap() == 0),
                    standard.code() + " has no veto that takes every star (e.g. 严重违纪违法)");
            assertTrue(standard.indicators().stream().filter(IndicatorDefinition::bonus).count() >= 2,
                    standard.code() + " needs bonus items");
        }
    }

    @Test
    void aFullyMetFormScoresOneHundredAndFiveStars() {
        for (StandardDefinition standard : byCategory.values()) {
            ScoringScheme scheme = standard.scoringScheme();
            Map<String, IndicatorInput> inputs = new LinkedHashMap<>();
            for (IndicatorDefinition indicator : standard.indicators()) {
                inputs.put(indicator.code(), switch (indicator.method()) {
                    case CHECK -> IndicatorInput.met(true);
                    case SCALE -> new IndicatorInput(null, indicator.maxScore(), null);
                    case DEDUCT -> IndicatorInput.occurrences(0);
                });
            }
            ScoringResult result = Scoring.score(scheme, inputs);
            assertTrue(result.isComplete(), standard.code() + ": " + result.missing() + " " + result.problems());
            assertEquals(0, new BigDecimal("100").compareTo(result.baseTotal()), standard.code() + " base " + result.baseTotal());
            assertEquals(0, standard.bonusCap().compareTo(result.bonusTotal()),
                    standard.code() + " bonus items together reach the cap");
            assertTrue(result.failedVetoes().isEmpty(), standard.code());
            assertEquals(5, result.stars(), standard.code());
        }
    }

    @Test
    void aFailedVetoCapsTheStarWhateverTheTotal() {
        for (StandardDefinition standard : byCategory.values()) {
            for (IndicatorDefinition veto : standard.indicators().stream().filter(IndicatorDefinition::veto).toList()) {
                Map<String, IndicatorInput> inputs = new LinkedHashMap<>();
                for (IndicatorDefinition indicator : standard.indicators()) {
                    inputs.put(indicator.code(), switch (indicator.method()) {
                        case CHECK -> IndicatorInput.met(!indicator.code().equals(veto.code()));
                        case SCALE -> new IndicatorInput(null, indicator.maxScore(), null);
                        case DEDUCT -> IndicatorInput.occurrences(0);
                    });
                }
                ScoringResult result = Scoring.score(standard.scoringScheme(), inputs);
                assertEquals(veto.vetoStarCap().intValue(), result.stars(), veto.code());
            }
        }
    }

    @Test
    void evidenceRequiredHasAHint() {
        for (StandardDefinition standard : byCategory.values()) {
            for (IndicatorDefinition indicator : standard.indicators()) {
                if (indicator.evidenceRequired()) {
                    assertFalse(indicator.evidenceHint() == null || indicator.evidenceHint().isBlank(),
                            indicator.code() + " requires evidence but names none");
                }
            }
        }
    }

    @Test
    void indicatorCodesFollowTheStandardAndAreUniqueAcrossAllSix() {
        Set<String> codes = new HashSet<>();
        for (StandardDefinition standard : byCategory.values()) {
            String prefix = standard.code().split("-")[1];
            for (int d = 0; d < standard.dimensions().size(); d++) {
                List<IndicatorDefinition> indicators = standard.dimensions().get(d).indicators();
                for (int i = 0; i < indicators.size(); i++) {
                    String expected = "%s-%02d-%02d".formatted(prefix, d + 1, i + 1);
                    assertEquals(expected, indicators.get(i).code());
                    assertTrue(codes.add(indicators.get(i).code()), "duplicate code " + indicators.get(i).code());
                }
            }
        }
    }

    @Test
    void eachStandardSpeaksToItsCategory() {
        for (Map.Entry<Category, StandardDefinition> entry : byCategory.entrySet()) {
            String text = text(entry.getValue());
            for (String keyword : KEYWORDS.get(entry.getKey())) {
                assertTrue(text.contains(keyword), entry.getValue().code() + " does not mention " + keyword);
            }
        }
    }

    /** The column sizes of db-changelog/changes/003-standards.sql, so the seeder can store every text. */
    @Test
    void textsFitTheDatabaseColumns() {
        for (StandardDefinition standard : byCategory.values()) {
            assertTrue(standard.code().length() <= 32 && standard.name().length() <= 200
                    && standard.notes().length() <= 2000, standard.code());
            for (DimensionDefinition dimension : standard.dimensions()) {
                assertTrue(dimension.name().length() <= 100, dimension.name());
            }
            for (IndicatorDefinition indicator : standard.indicators()) {
                assertTrue(indicator.code().length() <= 32 && indicator.title().length() <= 200, indicator.code());
                assertTrue(indicator.evidenceHint() == null || indicator.evidenceHint().length() <= 500, indicator.code());
            }
        }
    }

    @Test
    void contentIsChineseWithoutStrayLatinWords() {
        for (StandardDefinition standard : byCategory.values()) {
            String text = text(standard) + standard.name() + standard.notes()
                    + standard.dimensions().stream().map(DimensionDefinition::name).collect(Collectors.joining());
            assertFalse(text.matches("(?s).*[A-Za-z]{2,}.*"), standard.code() + " contains Latin words");
        }
    }

    private static String text(StandardDefinition standard) {
        return standard.indicators().stream()
                .flatMap(i -> Stream.of(i.title(), i.guidance(), i.qualityStandard(), i.evidenceHint()))
                .filter(s -> s != null)
                .collect(Collectors.joining("\n"));
    }
}
