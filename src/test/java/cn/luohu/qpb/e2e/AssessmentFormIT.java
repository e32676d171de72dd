package cn.luohu.qpb.e2e;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.assessment.SheetItem;
import org.junit.jupiter.api.Test;
import org.jooq.DSLContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretary's form in real Chromium: what she types is saved even when she leaves at once, a reload with
 * unsaved text asks first, and the form and the review page fit a phone. Each test uses its own secretary.
 */
class AssessmentFormIT extends BrowserTest {

    private static final String SECRETARY = "sec-cz003";
    private static final String SECRETARY_FIGURES = "sec-cz005";
    private static final String SECRETARY_RELOAD = "sec-cz004";
    private static final String SECRETARY_PHONE = "sec-cz006";
    private static final String SECRETARY_REVIEWED = "sec-cz007";
    private static final String REVIEWER = "reviewer";
    /** Whether the page asks before unloading, as Chromium finds out at a reload or when the tab closes. */
    private static final String BEFORE_UNLOAD = """
            const event = new Event('beforeunload', {cancelable: true});
            window.dispatchEvent(event);
            return event.defaultPrevented;""";
    private static final String TEXT = "每月组织党员学习，第三季度开展两次主题党日";

    @Autowired
    private AssessmentService assessments;
    @Autowired
    private ReviewService reviews;
    @Autowired
    private DSLContext dsl;

    @Test
    void anExplanationTypedAndLeftAtOnceIsSaved() {
        long id = openForm(SECRETARY);
        type("explanation-" + firstItem(SECRETARY, id).indicator().code(), TEXT);
        goHome();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-secretary")));
        assertThat(firstItem(SECRETARY, id).explanation()).isEqualTo(TEXT);
    }

    @Test
    void aReviewCommentTypedAndLeftAtOnceIsSaved() {
        long id = underReview(SECRETARY_REVIEWED);
        long itemId = firstItem(SECRETARY_REVIEWED, id).itemId();
        login(REVIEWER, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-reviewer")));
        driver.get(url("/reviews/" + id));
        type("review-comment-" + firstItem(SECRETARY_REVIEWED, id).indicator().code(), TEXT);
        goHome();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-reviewer")));
        assertThat(asUser(REVIEWER, () -> reviews.sheet(id).entry(itemId).comment())).isEqualTo(TEXT);
    }

    @Test
    void aReloadWithUnsavedTextAsksFirstAndStayingSavesIt() {
        long id = openForm(SECRETARY_RELOAD);
        String code = firstItem(SECRETARY_RELOAD, id).indicator().code();
        type("explanation-" + code, TEXT);
        // the page's answer to a reload or closing the tab (WebDriver answers Chromium's question itself)
        assertThat(driver.executeScript(BEFORE_UNLOAD)).as("asks before the typed text is lost").isEqualTo(true);
        wait.until(d -> TEXT.equals(firstItem(SECRETARY_RELOAD, id).explanation())); // sent when asked: saved if she stays
        wait.until(d -> Boolean.FALSE.equals(driver.executeScript(BEFORE_UNLOAD))); // saved: no more question
        driver.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.id("explanation-" + code), "value", TEXT));
    }

    /** Logs the secretary in and opens her current assessment; returns its id. */
    private long openForm(String secretary) {
        long id = asUser(secretary, () -> assessments.current().orElseThrow());
        login(secretary, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-secretary")));
        driver.get(url("/assessments/" + id));
        return id;
    }

    /** Clicks 首页 in the menu at once, as she would leave the page. */
    private void goHome() {
        driver.findElement(By.xpath("//vaadin-side-nav-item[normalize-space(.)='" + t("nav.home") + "']")).click();
    }

    /** The secretary's current assessment, filled in, submitted and under review by the committee's reviewer. */
    private long underReview(String secretary) {
        long id = asUser(secretary, () -> assessments.current().orElseThrow());
        long secretaryId = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(secretary)).fetchSingle().value1();
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        fixtures.readyToSubmit(id, secretaryId, 1);
        fixtures.state(id, AssessmentState.DRAFT);
        asUser(secretary, () -> {
            assessments.submit(id);
            return null;
        });
        asUser(REVIEWER, () -> {
            reviews.startReview(id);
            return null;
        });
        return id;
    }

    /**
     * What loading the form costs in the browser (printed, not asserted): the bytes moved by a reload with a
     * warm cache (the Performance API's transfer sizes of the page and every request it made) and the time from
     * the start of navigation to the first indicator card in the page.
     */
    @Test
    void formLoadFigures() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                new MutationObserver((changes, observer) => {
                    if (document.querySelector('.qpb-indicator')) {
                        window.__qpbFirstCard = performance.now();
                        observer.disconnect();
                    }
                }).observe(document, {childList: true, subtree: true});"""));
        openForm(SECRETARY_FIGURES); // fills the cache
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".qpb-indicator")));
        List<Long> bytes = new ArrayList<>();
        List<Double> firstCard = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            driver.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".qpb-indicator")));
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return !Object.values(window.Vaadin.Flow.clients).some(c => c.isActive && c.isActive())"));
            bytes.add(((Number) ((JavascriptExecutor) driver).executeScript("""
                    return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                        .reduce((sum, entry) => sum + entry.transferSize, 0);""")).longValue());
            firstCard.add(((Number) ((JavascriptExecutor) driver).executeScript("return window.__qpbFirstCard")).doubleValue());
        }
        int cards = driver.findElements(By.cssSelector(".qpb-indicator")).size();
        System.out.printf(Locale.ROOT, "[form figures] bytes per reload (warm cache): %s; first card after ms: %s; cards built: %d%n",
                bytes, firstCard, cards);
        assertThat(cards).isPositive();
    }

    /**
     * At a phone's width (390 × 844) the secretary's form and the reviewer's page have one column, a compact score
     * bar and nothing wider than the screen; screenshots {@code target/e2e/phone-*.png}.
     */
    @Test
    void theFormAndTheReviewPageFitAPhone() throws IOException {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        long id = openForm(SECRETARY_PHONE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".qpb-indicator")));
        screenshot("phone-assessment-form");
        assertFitsThePhone(".qpb-indicator");
        type("explanation-" + firstItem(SECRETARY_PHONE, id).indicator().code(), "手机上填写");
        screenshot("phone-assessment-form-typing");

        // the gap list names each indicator and takes her to its card, opening its dimension
        click(By.id("assessment-submit"));
        List<WebElement> links = wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(
                By.cssSelector("#submit-gaps [id^='gap-not-scored-']")));
        WebElement last = links.getLast();
        String code = last.getDomAttribute("id").substring("gap-not-scored-".length());
        assertThat(last.getText()).contains(code + " ");
        click(By.id(last.getDomAttribute("id")));
        wait.until(d -> (Boolean) driver.executeScript("""
                const card = document.getElementById(arguments[0]);
                if (!card) return false;
                const box = card.getBoundingClientRect();
                const bar = document.querySelector('.qpb-form-summary').getBoundingClientRect();
                return box.top >= bar.bottom - 1 && box.top < window.innerHeight;""", "indicator-card-" + code));
        screenshot("phone-assessment-gap-link");

        long reviewed = underReview(SECRETARY_PHONE);
        login(REVIEWER, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-reviewer")));
        driver.get(url("/reviews/" + reviewed));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".qpb-review-row")));
        screenshot("phone-review");
        assertFitsThePhone(".qpb-review-row .qpb-card");
    }

    /** One column of cards, nothing wider than the screen, and a score bar of at most an eighth of its height. */
    @SuppressWarnings("unchecked")
    private void assertFitsThePhone(String cards) {
        Map<String, Object> figures = (Map<String, Object>) driver.executeScript("""
                const width = window.innerWidth;
                const boxes = [...document.querySelectorAll(arguments[0])].map(card => card.getBoundingClientRect());
                const overflowing = [...document.querySelectorAll(arguments[0] + ' *')]
                    .filter(e => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > width + 1)
                    .map(e => e.tagName + '#' + e.id + '.' + e.className);
                const bar = document.querySelector('.qpb-form-summary').getBoundingClientRect();
                return {width: width, pageWidth: document.documentElement.scrollWidth, overflowing: overflowing.slice(0, 5),
                        columns: new Set(boxes.map(b => Math.round(b.left))).size, barHeight: bar.height,
                        height: window.innerHeight};""", cards);
        assertThat(((Number) figures.get("pageWidth")).longValue()).as("page width %s", figures)
                .isLessThanOrEqualTo(((Number) figures.get("width")).longValue());
        assertThat((List<Object>) figures.get("overflowing")).as("clipped on the right").isEmpty();
        assertThat(((Number) figures.get("columns")).longValue()).as("cards side by side").isEqualTo(1);
        assertThat(((Number) figures.get("barHeight")).doubleValue()).as("score bar height")
                .isLessThanOrEqualTo(((Number) figures.get("height")).doubleValue() / 8);
    }

    private SheetItem firstItem(String secretary, long id) {
        return asUser(secretary, () -> assessments.sheet(id).items().getFirst());
    }
}
