package cn.luohu.qpb.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In production mode (as every browser test), as `mvn spring-boot:run` and the jar run the portal: the
 * translated not-found and access-denied pages (never Vaadin's route list or a bare 403), no development tools,
 * the demo district there before the first request, and the home views and the notice list on a phone
 * (390 × 844) in one column with nothing running off the right edge. Screenshots: target/e2e/phone-*.png, error-*.png.
 */
class RefusalsAndPhoneIT extends BrowserTest {

    /** Elements of the page (outside grids, which scroll on their own) whose right edge lies beyond the screen. */
    private static final String CLIPPED = """
            const width = document.documentElement.clientWidth;
            return Array.from(document.querySelectorAll('.qpb-page *'))
                .filter(e => !e.closest('vaadin-grid') && e.getClientRects().length > 0)
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right));""";

    @Test
    void theDemoDistrictWasSeededBeforeThePortalAcceptedItsFirstRequest() {
        assertThat(ServingWatch.ACCOUNTS_WHEN_SERVING.get()).as("accounts when the web server started").isGreaterThan(100);
    }

    @Test
    void theFirstPageMovesTheProductionBundleNotTheDevelopmentOne() {
        driver.get(url("/login"));
        waitForLoginForm();
        long bytes = ((Number) ((JavascriptExecutor) driver).executeScript("""
                const nav = performance.getEntriesByType('navigation').map(e => e.transferSize);
                const rest = performance.getEntriesByType('resource').map(e => e.transferSize);
                return nav.concat(rest).reduce((a, b) => a + b, 0);""")).longValue();
        System.out.println("First page (login) transferred " + bytes + " bytes");
        assertThat(bytes).as("bytes moved by the first page").isLessThan(1_000_000);
    }

    @Test
    void unknownForbiddenAndMalformedAddressesShowTranslatedPagesWithTheWayHome() throws IOException {
        login("secretary", DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-secretary")));
        assertThat(driver.findElements(By.tagName("vaadin-dev-tools"))).as("production mode: no development tools").isEmpty();

        driver.get(url("/no-such-page"));
        WebElement notFound = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(notFound.getText()).contains(t("error.not-found.title"), t("error.back-home"));
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Could not navigate", "reviews", "approvals");
        screenshot("error-not-found");

        driver.get(url("/approvals"));
        WebElement denied = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-denied")));
        assertThat(denied.getText()).contains(t("error.access-denied.title"), t("error.access-denied.page"));
        screenshot("error-access-denied");

        for (String address : List.of("/assessments/abc", "/notices/99999999999999999999", "/notices/1e3/print")) {
            driver.get(url(address));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found"))).getText())
                    .as(address).contains(t("error.not-found.title"));
        }
        click(By.id("not-found-home"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-secretary")));
    }

    @Test
    void homeViewsAndTheNoticeListFitAPhone() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        for (String[] user : new String[][]{{"secretary", "home-secretary"}, {"reviewer", "home-reviewer"},
                {"district", "home-district"}, {"admin", "home-admin"}}) {
            login(user[0], DEMO_PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(user[1])));
            assertFitsThePhone("home of " + user[0]);
            screenshot("phone-home-" + user[0]);
        }
        driver.get(url("/notices"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notices")));
        assertFitsThePhone("notice list");
        screenshot("phone-notices");
    }

    private void assertFitsThePhone(String what) {
        @SuppressWarnings("unchecked")
        List<String> clipped = (List<String>) ((JavascriptExecutor) driver).executeScript(CLIPPED);
        assertThat(clipped).as(what + ": elements beyond the right edge").isEmpty();
    }
}
