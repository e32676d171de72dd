package cn.luohu.qpb.e2e;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentSheet;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.assessment.ReviewSheet;
import cn.luohu.qpb.assessment.SheetItem;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.notice.NoticeBatch;
import cn.luohu.qpb.notice.NoticeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yearly workflow end to end in the browser, one screenshot per step ({@code target/e2e/journey-*.png}):
 * a secretary of 翠竹 submits, the committee's reviewer returns it, she fixes and resubmits, he recommends
 * three stars, district staff approve and publish the notice, the notice ends (the clock is moved on), and
 * her organisation shows its new star. Entries on forty indicators are made through the services, as she
 * and he would have made them on earlier days; every decision is made in the browser.
 */
class WorkflowJourneyIT extends BrowserTest {

    private static final String SECRETARY = "sec-cz002";
    private static final String REVIEWER = "reviewer";
    private static final String DISTRICT = "district";

    @Autowired
    private AssessmentService assessments;
    @Autowired
    private EvidenceService evidence;
    @Autowired
    private ReviewService reviews;
    @Autowired
    private NoticeService notices;
    @Autowired
    private DisplayZone zone;

    @Test
    void fromSubmissionToANewStar() throws IOException {
        long id = asUser(SECRETARY, () -> assessments.current().orElseThrow());
        int starBefore = asUser(SECRETARY, () -> assessments.sheet(id).header().starAtOpen());
        fillIn(id, starBefore + 1);

        // 1. the secretary submits
        login(SECRETARY, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-secretary")));
        driver.get(url("/assessments/" + id));
        submit();
        screenshot("journey-1-submitted");

        // 2. the reviewer opens it and returns it with what to fix
        login(REVIEWER, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-reviewer")));
        driver.get(url("/reviews/" + id));
        click(By.id("review-start"));
        click(By.id("review-return"));
        type("review-return-comment", "第一项说明过于简单，请补充党员大会的时间和参会人数");
        click(By.id("review-return-confirm"));
        waitForText(By.id("review-facts"), t("assessment.state.RETURNED"));
        screenshot("journey-2-returned");

        // 3. she reads why at the top, fixes the explanation and submits again
        login(SECRETARY, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-secretary")));
        driver.get(url("/assessments/" + id));
        waitForText(By.id("assessment-returned"), "请补充党员大会的时间和参会人数");
        String firstCode = asUser(SECRETARY, () -> assessments.sheet(id).items().getFirst().indicator().code());
        type("explanation-" + firstCode, "：3月12日召开党员大会，应到32人，实到30人");
        wait.until(d -> !d.findElement(By.id("save-status")).getDomProperty("textContent").isBlank());
        screenshot("journey-3-fixed");
        submit();
        screenshot("journey-3-resubmitted");

        // 4. the reviewer scores every indicator and recommends three stars
        asUser(REVIEWER, () -> {
            reviews.startReview(id);
            ReviewSheet sheet = reviews.sheet(id);
            for (SheetItem item : sheet.sheet().items()) {
                reviews.saveReviewItem(item.itemId(), AssessmentFixtures.fullMarks(item.indicator()), "属实",
                        sheet.entry(item.itemId()).version());
            }
            return null;
        });
        login(REVIEWER, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-reviewer")));
        driver.get(url("/reviews/" + id));
        click(By.id("review-recommend"));
        click(By.id("review-recommend-star"));
        click(By.xpath("//vaadin-select-item[normalize-space(.)='" + t("star.level", starBefore + 1) + "']"));
        click(By.id("review-recommend-next"));
        confirm("review-recommend-confirm");
        waitForText(By.id("review-facts"), t("assessment.state.RECOMMENDED"));
        screenshot("journey-4-recommended");

        // 5. district staff approve it and publish the notice
        login(DISTRICT, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-district")));
        driver.get(url("/approvals"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-quota-meter")));
        screenshot("journey-5-approval-queue");
        driver.get(url("/approvals/" + id));
        click(By.id("approval-approve"));
        click(By.id("approval-approve-next"));
        confirm("approval-approve-confirm");
        waitForText(By.id("approval-facts"), t("assessment.state.APPROVED"));
        screenshot("journey-5-approved");
        driver.get(url("/notices"));
        click(By.id("notice-publish"));
        confirm("notice-publish-confirm");
        waitForText(By.id("notices"), t("notice.phase.RUNNING"));
        screenshot("journey-5-published");

        // 6. the notice ends: the clock moves past its last day, and the ended notice takes effect
        NoticeBatch batch = asUser(DISTRICT, () -> notices.batches(0, 1).getFirst());
        LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
        clock.advance(Duration.ofDays(batch.endsOn().toEpochDay() - today.toEpochDay() + 1));
        driver.get(url("/notices"));
        click(By.id("notice-finalize"));
        waitForText(By.id("notices"), t("notice.phase.FINALIZED"));
        screenshot("journey-6-notice-ended");
        driver.get(url("/notices/" + batch.id()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-rows")));
        screenshot("journey-6-notice-list");

        // 7. her organisation shows its new star, and the history says it was a promotion
        login(SECRETARY, DEMO_PASSWORD);
        waitForText(By.id("secretary-star-history"), t("history.kind.PROMOTION"));
        assertThat(driver.findElement(By.id("secretary-org-card")).getText()).contains(LocalDate.now(clock.withZone(zone.zone())).toString());
        screenshot("journey-7-new-star");
    }

    /** Everything entered through the services, with evidence where it is required, and the star applied for. */
    private void fillIn(long id, int appliedStar) {
        asUser(SECRETARY, () -> {
            AssessmentSheet sheet = assessments.sheet(id);
            for (SheetItem item : sheet.items()) {
                assessments.saveItem(item.itemId(), AssessmentFixtures.fullMarks(item.indicator()), "已按要求完成", item.rowVersion());
                if (item.indicator().evidenceRequired()) {
                    evidence.upload(item.itemId(), "会议记录.pdf", SAMPLE_PDF);
                }
            }
            assessments.saveApplication(id, appliedStar, false, null, assessments.sheet(id).header().rowVersion());
            return null;
        });
    }

    private void submit() {
        click(By.id("assessment-submit"));
        confirm("submit-confirm");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("assessment-submit")));
        assertThat(driver.findElement(By.id("assessment-facts")).getText()).contains(t("assessment.state.SUBMITTED"));
    }
}
