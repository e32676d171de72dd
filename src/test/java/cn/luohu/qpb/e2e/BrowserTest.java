package cn.luohu.qpb.e2e;

import cn.luohu.qpb.Application;
import cn.luohu.qpb.support.TestClock;
import com.vaadin.flow.i18n.I18NProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The one base of the browser tests: the app on a random port with a throwaway, freshly seeded demo
 * district and a clock the tests can move, Debian's headless Chromium asking for Chinese, and the steps
 * every journey needs (log in, wait for Vaadin, take a screenshot into {@code target/e2e/}).
 * Run with {@code mvn -Pe2e verify}.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "qpb.embedded-db.data-dir=", // empty: a throwaway database, freshly seeded with the demo district
                "qpb.scheduling.enabled=false", // journeys move the clock; jobs run when a step triggers them
                // as the jar and `mvn spring-boot:run` run it (the tests' classpath has vaadin-dev, which would
                // otherwise mean development mode)
                "vaadin.productionMode=true"
        })
@Import({BrowserTest.MovableClock.class, ServingWatch.class})
abstract class BrowserTest {

    static final String DEMO_PASSWORD = "qpb-demo-2026";
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Duration TIMEOUT = Duration.ofSeconds(30); // a first page load on a busy machine is slow
    private static final Path SCREENSHOTS = Path.of("target", "e2e");

    static final byte[] SAMPLE_PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    /** True when no Vaadin request is in flight, fonts are loaded and no grid is still fetching rows. */
    private static final String VAADIN_IDLE = """
            const clients = (window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {};
            const busy = Object.values(clients).some(c => c.isActive && c.isActive());
            return !busy && document.fonts.status === 'loaded'
                && document.querySelectorAll('vaadin-grid[loading]').length === 0;""";

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @LocalServerPort
    private int port;

    @Autowired
    private I18NProvider i18n;
    @Autowired
    private UserDetailsService userDetails;
    @Autowired
    protected TestClock clock;

    @TempDir
    private Path browserProfile; // a fresh profile per test: no cookies or cache carried over

    protected ChromeDriver driver;
    protected WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = chromium(browserProfile);
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    @AfterEach
    void stopBrowserAndResetClock() {
        clock.reset();
        if (driver != null) {
            driver.quit();
        }
    }

    /** Opens the login view and submits the form the way a user does. */
    protected void login(String username, String password) {
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
            driver.manage().deleteAllCookies(); // a journey switches users: start without the last one's session
        }
        driver.get(url("/login"));
        waitForLoginForm();
        typeCredentials(username, password);
    }

    protected void typeCredentials(String username, String password) {
        // Vaadin 25 keeps the native inputs and the submit button in the light DOM of the login form
        driver.findElement(By.cssSelector("#login-form vaadin-text-field[name=username] input")).sendKeys(username);
        driver.findElement(By.cssSelector("#login-form vaadin-password-field[name=password] input")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form vaadin-button[slot=submit]")).click();
    }

    protected void waitForLoginForm() {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#login-form vaadin-text-field[name=username] input")));
    }

    /** Waits until the element is visible, scrolls it to the middle of the screen and clicks it. */
    protected void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Clicks the confirm button of the confirm dialog with this id. */
    protected void confirm(String dialogId) {
        click(By.cssSelector("#" + dialogId + " [slot=confirm-button]"));
    }

    /** Types into the native field inside a Vaadin text field or text area with this id. */
    protected void type(String fieldId, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#" + fieldId + " textarea, #" + fieldId + " input")));
        input.sendKeys(text);
    }

    protected void waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    protected void screenshot(String name) throws IOException {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(VAADIN_IDLE));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    protected String t(String key, Object... args) {
        return i18n.getTranslation(key, CHINESE, args);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Runs service calls in the test as this user, as the browser's requests would. */
    protected <T> T asUser(String username, Callable<T> work) {
        var principal = userDetails.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Debian's Chromium and chromedriver, named explicitly: Selenium Manager cannot download anything here.
     * Headless Chromium ignores --lang for Accept-Language, so the language preference is set as well.
     */
    static ChromeDriver chromium(Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        return new ChromeDriver(service, options);
    }
}
