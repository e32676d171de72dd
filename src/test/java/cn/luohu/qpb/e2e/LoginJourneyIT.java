package cn.luohu.qpb.e2e;

import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentSheet;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.assessment.SheetItem;
import cn.luohu.qpb.standard.ScoringMethod;
import cn.luohu.qpb.user.UserAdminService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser smoke test: the real login form, the home view of every demo role, logout, the login error and
 * session fixation protection, and a first look at each role's main views.
 */
class LoginJourneyIT extends BrowserTest {

    @Autowired
    private AssessmentService assessments;
    @Autowired
    private EvidenceService evidence;
    @Autowired
    private cn.luohu.qpb.cycle.CycleService cycles;
    @Autowired
    private cn.luohu.qpb.assessment.ReviewService reviews;

    @ParameterizedTest(name = "{0} logs in, sees #{1}, logs out")
    @CsvSource({
            "secretary, home-secretary",
            "reviewer,  home-reviewer",
            "district,  home-district",
            "admin,     home-admin"
    })
    void demoUserSeesHomePanelAndLogsOut(String username, String panelId) throws IOException {
        login(username, DEMO_PASSWORD);

        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(panelId)));
        assertThat(panel.isDisplayed()).isTrue();
        // the browser asks for Chinese, so the whole page must be Chinese
        String appTitle = t("app.title");
        assertThat(driver.getTitle()).contains(appTitle);
        assertThat(driver.findElement(By.tagName("body")).getText()).contains(appTitle, t("nav.home"));
        screenshot("home-" + username);

        driver.findElement(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu-logout"))).click();
        waitForLoginForm();
        assertThat(driver.getCurrentUrl()).endsWith("/login");

        // the session is really gone: the home view sends the browser back to the login view
        driver.get(url("/"));
        waitForLoginForm();
        assertThat(driver.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void failedLoginShowsOneMessageWhetherOrNotTheUserExists() throws IOException {
        // a demo account that no other test logs in with, so one failure cannot disturb them
        login("rev-jg", "not-the-password");
        String wrongPassword = loginError();
        screenshot("login-error");

        login("no-such-user", "not-the-password");
        String unknownUser = loginError();

        assertThat(wrongPassword).contains(t("login.error.title"), t("login.error.message"));
        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Autowired
    private UserAdminService userAdmin;
    @Autowired
    private DSLContext dsl;

    /**
     * Issue 11, item 1: an administrator disables a secretary while her screen is open; her next click is
     * her session's last request: the screen says the session has ended, and then shows the login view.
     */
    @Test
    void aSessionEndedOnTheServerLogsTheOpenScreenOutAtItsNextClick() throws IOException {
        String secretary = "sec-cz009"; // a demo account no other browser test uses
        long id = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(secretary)).fetchSingle().value1();
        login(secretary, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-secretary")));
        // the login was registered, and her profile knows which session is this one
        driver.get(url("/profile"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-session-current")));
        screenshot("profile-sessions");
        try {
            asUser("admin", () -> {
                userAdmin.disable(id);
                return null;
            });
            click(By.id("notification-bell"));
            // the portal says why (its session-ended message, the one a long idle time gets too); a click reloads
            WebElement expired = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".v-system-error")));
            assertThat(expired.getText()).contains(t("system.session-expired.caption"));
            screenshot("session-ended-on-the-server");
            expired.click();
            waitForLoginForm();
            assertThat(driver.getCurrentUrl()).endsWith("/login");
        } finally {
            asUser("admin", () -> {
                userAdmin.enable(id);
                return null;
            });
        }
    }

    @Test
    void sessionIdChangesAtLogin() {
        driver.get(url("/login"));
        waitForLoginForm();
        Cookie before = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(before).as("session cookie on the login page").isNotNull();

        typeCredentials("secretary", DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-secretary")));
        Cookie after = driver.manage().getCookieNamed("JSESSIONID");

        assertThat(after).as("session cookie after login").isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
    }

    @Test
    void districtStaffBrowseTheTreeAndOpenAnOrganisation() throws IOException {
        login("district", DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-district")));
        driver.get(url("/organisations"));
        WebElement tree = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("org-tree")));
        wait.until(d -> tree.getText().contains("罗湖区委"));
        screenshot("organisations-district");

        driver.get(url("/organisations/CZ001"));
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("org-detail-name")));
        assertThat(name.getText()).isEqualTo("中共深圳市罗湖区翠竹社区委员会");
        screenshot("organisation-detail");
    }

    @Test
    void anAdministratorOpensTheAccountList() throws IOException {
        login("admin", DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-admin")));
        driver.get(url("/admin/users"));
        WebElement grid = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("users-grid")));
        wait.until(d -> grid.getText().contains("district"));
        screenshot("users-admin");
    }

    @Test
    void districtStaffReadAStandardAndItsFormPreview() throws IOException {
        login("district", DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-district")));
        driver.get(url("/standards"));
        WebElement grid = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("standard-grid")));
        wait.until(d -> grid.getText().contains("LH-SQ-2026"));
        screenshot("standards");

        driver.get(url("/standards/1"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("standard-title")));
        screenshot("standard-editor");

        driver.get(url("/standards/1/preview"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assessment-form")));
        assertThat(driver.findElement(By.id("assessment-form")).getText()).contains(t("standard.indicator.guidance"));
        screenshot("standard-preview");
    }

    /**
     * The demo secretary's 2026 self-assessment: most of it filled in earlier (through the service, as
     * she would have done on other days), then, in the browser, the last indicator, one evidence file,
     * the star applied for, and submitting.
     */
    @Test
    void theSecretaryCompletesHerSelfAssessmentUploadsEvidenceAndSubmits() throws IOException {
        long assessmentId = asUser("secretary", () -> assessments.current().orElseThrow());
        AssessmentSheet sheet = asUser("secretary", () -> assessments.sheet(assessmentId));
        SheetItem lastByHand = sheet.items().stream().filter(i -> i.indicator().method() == ScoringMethod.CHECK
                && i.indicator().evidenceRequired()).findFirst().orElseThrow();
        asUser("secretary", () -> {
            for (SheetItem item : sheet.items()) {
                if (item != lastByHand) {
                    assessments.saveItem(item.itemId(), cn.luohu.qpb.assessment.AssessmentFixtures.fullMarks(item.indicator()), "已按要求完成", item.rowVersion());
                    if (item.indicator().evidenceRequired()) {
                        evidence.upload(item.itemId(), "会议记录.pdf", SAMPLE_PDF);
                    }
                }
            }
            return null;
        });

        login("secretary", DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-secretary")));
        driver.get(url("/my-assessment"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-current-assessment"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assessment-facts")));

        String code = lastByHand.indicator().code();
        WebElement met = driver.findElement(By.cssSelector("#input-" + code + " vaadin-radio-button:first-of-type input[type=radio]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", met);
        met.click();
        wait.until(d -> !d.findElement(By.id("save-status")).getDomProperty("textContent").isBlank()); // saved, no button
        Path pdf = Files.createTempFile("evidence", ".pdf");
        Files.write(pdf, SAMPLE_PDF);
        // the upload's file input lives in its shadow root; ChromeDriver hands a file to it even though it is hidden
        driver.findElement(By.id("evidence-upload-" + lastByHand.itemId())).getShadowRoot()
                .findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toAbsolutePath().toString());
        wait.until(d -> !d.findElements(By.cssSelector("#evidence-files-" + lastByHand.itemId() + " [id^=evidence-file-]")).isEmpty());

        WebElement star = driver.findElement(By.id("applied-star"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", star);
        star.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-select-item:nth-of-type(3)"))).click();
        WebElement submit = driver.findElement(By.id("assessment-submit"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
        submit.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-confirm-dialog-overlay [slot=confirm-button], #submit-confirm [slot=confirm-button]")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("assessment-submit")));
        assertThat(driver.findElement(By.id("assessment-facts")).getText()).contains(t("assessment.state.SUBMITTED"));
        screenshot("assessment-submitted");
    }

    @Test
    void districtStaffFollowThisYearsCycle() throws IOException {
        login("district", DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-district")));
        driver.get(url("/cycles"));
        WebElement grid = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cycle-grid")));
        wait.until(d -> grid.getText().contains(java.time.LocalDate.now().getYear() + "年度"));
        screenshot("cycles");

        long cycleId = asUser("district", () -> cycles.list().stream()
                .filter(c -> c.year() == java.time.LocalDate.now().getYear()).findFirst().orElseThrow().id());
        driver.get(url("/cycles/" + cycleId));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cycle-committee-grid")));
        screenshot("cycle-overview");
    }

    @Test
    void aCommitteeReviewerFindsSubmittedSelfAssessmentsAndStartsAReview() throws IOException {
        login("rev-gy", DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-reviewer")));
        driver.get(url("/reviews"));
        WebElement queue = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-queue")));
        wait.until(d -> queue.getText().contains(t("assessment.state.SUBMITTED")));
        screenshot("review-queue");

        long submitted = asUser("rev-gy", () -> reviews.queue(new cn.luohu.qpb.assessment.ReviewFilter(
                cn.luohu.qpb.assessment.AssessmentState.SUBMITTED, null, null, null, null), 0, 1).getFirst().id());
        driver.get(url("/reviews/" + submitted));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("review-start"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-return")));
        assertThat(driver.findElement(By.id("review-facts")).getText()).contains(t("assessment.state.UNDER_REVIEW"));
        screenshot("review-started");
    }

    @Test
    void secretaryHomeFitsAPhone() throws IOException {
        // a 390 x 844 CSS-pixel touch viewport (a common phone); a window size would include browser chrome
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        login("secretary", DEMO_PASSWORD);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-secretary"))).isDisplayed())
                .isTrue();
        screenshot("home-secretary-phone");
    }

    /** The error box of the login form, which lives in two nested shadow roots. */
    private String loginError() {
        wait.until(ExpectedConditions.urlMatches("/login\\?error$"));
        waitForLoginForm(); // the URL changes before Vaadin has rendered the view
        WebElement form = driver.findElement(By.id("login-form"));
        wait.until(d -> form.getDomAttribute("error") != null); // set by the view from the ?error parameter
        WebElement error = form.getShadowRoot().findElement(By.cssSelector("vaadin-login-form-wrapper"))
                .getShadowRoot().findElement(By.cssSelector("[part=error-message]"));
        wait.until(ExpectedConditions.visibilityOf(error));
        return error.getText();
    }
}
