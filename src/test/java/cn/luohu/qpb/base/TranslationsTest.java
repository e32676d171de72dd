package cn.luohu.qpb.base;

import cn.luohu.qpb.base.i18n.PortalI18nProvider;
import com.ibm.icu.text.MessageFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chinese and English stay complete: same keys in both files, and every literal key in the code exists. */
class TranslationsTest {

    /**
     * A literal key handed to getTranslation, the title of a menu entry (translated by the layout), or a
     * refusal or problem key that the UI translates.
     */
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:getTranslation\\(|@Menu\\(title = |Exception\\(|super\\(|Problem\\(|problems\\.add\\()\"([a-z0-9.\\-]+)\"\\s*[,)]");

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> chinese = new TreeSet<>(load("translations.properties").stringPropertyNames());
        Set<String> english = new TreeSet<>(load("translations_en.properties").stringPropertyNames());
        assertEquals(chinese, english);
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Set<String> keys = load("translations.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    if (!keys.contains(matcher.group(1))) {
                        missing.add(matcher.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing translations: " + missing);
    }

    @Test
    void everyMessageIsAnIcuPattern() throws IOException {
        for (String file : List.of("translations.properties", "translations_en.properties")) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                assertDoesNotThrow(() -> new MessageFormat(messages.getProperty(key), Locale.ENGLISH), file + ": " + key);
            }
        }
    }

    /** An English count before a noun goes through a plural rule ("1 star", "2 stars"), never "1 stars". */
    @Test
    void englishCountsMeetTheirNounsThroughPluralRules() throws IOException {
        Pattern bareCount = Pattern.compile("\\{\\d\\} (stars|items|days|organisations|results|users|problems|indicators|"
                + "committees|points|things|self-assessments|rows|files|objections|notifications)\\b");
        Properties english = load("translations_en.properties");
        Set<String> bare = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (bareCount.matcher(english.getProperty(key)).find()) {
                bare.add(key);
            }
        }
        assertTrue(bare.isEmpty(), "counts without a plural rule: " + bare);
    }

    @Test
    void numbersMeetWordsInBothLanguages() {
        PortalI18nProvider i18n = new PortalI18nProvider();
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        assertEquals("全部指标都已填写。", i18n.getTranslation("form.missing", zh, 0));
        assertEquals("还有 3 项未填写。", i18n.getTranslation("form.missing", zh, 3));
        assertEquals("1 item still to fill in.", i18n.getTranslation("form.missing", Locale.ENGLISH, 1));
        assertEquals("只看是否达标，不计分。", i18n.getTranslation("standard.rule.check", zh, BigDecimal.ZERO));
        assertEquals("达标得 2.5 分，不达标不得分。", i18n.getTranslation("standard.rule.check", zh, new BigDecimal("2.5")));
        assertEquals("Met: 1 point; not met: none.", i18n.getTranslation("standard.rule.check", Locale.ENGLISH, BigDecimal.ONE));
        assertTrue(i18n.getTranslation("review.recommend.confirm.text", zh, 0).startsWith("确定推荐为“未评星”"));
        assertTrue(i18n.getTranslation("review.recommend.confirm.text", zh, 3).startsWith("确定推荐三星？"));
        assertEquals("Veto: when not met, at most 1 star.", i18n.getTranslation("standard.rule.veto", Locale.ENGLISH, 1));
        assertTrue(i18n.getTranslation("approval.quota.line", Locale.ENGLISH, 1, 0, 2, 3, "10").startsWith("1 star: 0 approved"));
        assertTrue(i18n.getTranslation("approval.quota.line", Locale.ENGLISH, 4, 0, 2, 3, "10").startsWith("4 stars: 0 approved"));
        assertTrue(i18n.getTranslation("approval.quota.line", zh, 0, 0, 2, 3, "10").startsWith("未评星："));
        assertEquals("Fill in this year's self-assessment", i18n.getTranslation("assessment.open-current", Locale.ENGLISH));
    }

    @Test
    void everyEnumLabelExists() throws IOException {
        Set<String> keys = new HashSet<>(load("translations.properties").stringPropertyNames());
        Set<String> missing = new TreeSet<>();
        check(keys, missing, "org.kind", cn.luohu.qpb.organization.OrgKind.values());
        check(keys, missing, "org.category", cn.luohu.qpb.organization.Category.values());
        check(keys, missing, "history.kind", cn.luohu.qpb.organization.StarChangeKind.values());
        check(keys, missing, "role", cn.luohu.qpb.base.security.Role.values());
        check(keys, missing, "org.region", cn.luohu.qpb.organization.RegionalSystem.values());
        check(keys, missing, "standard.status", cn.luohu.qpb.standard.StandardStatus.values());
        check(keys, missing, "standard.method", cn.luohu.qpb.standard.ScoringMethod.values());
        check(keys, missing, "assessment.state", cn.luohu.qpb.assessment.AssessmentState.values());
        check(keys, missing, "scoring.problem", cn.luohu.qpb.standard.ScoreProblem.Kind.values());
        check(keys, missing, "assessment.actor", cn.luohu.qpb.assessment.StateMachine.Actor.values());
        check(keys, missing, "evidence.type", cn.luohu.qpb.assessment.EvidenceType.values());
        check(keys, missing, "assessment.score-side", cn.luohu.qpb.assessment.ScoreSide.values());
        check(keys, missing, "cycle.status", cn.luohu.qpb.cycle.CycleStatus.values());
        check(keys, missing, "notice.phase", cn.luohu.qpb.notice.NoticePhase.values());
        check(keys, missing, "objection.status", cn.luohu.qpb.notice.ObjectionStatus.values());
        check(keys, missing, "notification.message", cn.luohu.qpb.notification.NotificationKind.values());
        for (cn.luohu.qpb.user.PasswordPolicy.Violation violation : cn.luohu.qpb.user.PasswordPolicy.Violation.values()) {
            String key = cn.luohu.qpb.user.PasswordRefusedException.messageKey(violation);
            if (!keys.contains(key)) {
                missing.add(key);
            }
        }
        assertTrue(missing.isEmpty(), "missing translations: " + missing);
    }

    private static void check(Set<String> keys, Set<String> missing, String prefix, Enum<?>[] values) {
        for (Enum<?> value : values) {
            if (!keys.contains(prefix + "." + value.name())) {
                missing.add(prefix + "." + value.name());
            }
        }
    }
}
