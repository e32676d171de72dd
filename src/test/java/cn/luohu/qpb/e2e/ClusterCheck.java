package cn.luohu.qpb.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver of the cluster check ({@code ops/cluster-check.sh} starts a three-node Galera cluster, two
 * instances of the production jar on nodes 1 and 2 behind haproxy, and runs this with
 * {@code mvn -Pcluster surefire:test}; not part of {@code mvn verify} nor of the e2e profile). Real Chromium through haproxy, each
 * browser pinned to an instance by haproxy's own SRV cookie; the rows a check needs are prepared and read back
 * on node 3 (causal reads), the instances' logs are read for what they did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCheck {

    private static final String PASSWORD = "qpb-demo-2026";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai"); // qpb.time-zone: the jobs' "today"
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration JOB_PERIOD = Duration.ofSeconds(20); // ops/cluster-check.sh: both jobs every 20 s
    private static final int ROUNDS = 3;
    private static final String VAADIN_IDLE = """
            const clients = (window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {};
            return !Object.values(clients).some(c => c.isActive && c.isActive());""";

    private final String proxy = System.getProperty("qpb.cluster.proxy");
    private final Path logA = Path.of(System.getProperty("qpb.cluster.log-a"));
    private final Path logB = Path.of(System.getProperty("qpb.cluster.log-b"));
    private final List<ChromeDriver> browsers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();
    private Connection db;
    private ChromeDriver onA;
    private ChromeDriver onB;
    private long cycle;

    @BeforeAll
    void connectAndLogIn() throws Exception {
        db = DriverManager.getConnection(System.getProperty("qpb.cluster.db"), System.getProperty("qpb.cluster.db-user"),
                System.getProperty("qpb.cluster.db-password"));
        try (Statement statement = db.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = 1"); // reads on node 3 see every commit made before them
        }
        cycle = number("SELECT id FROM assessment_cycle WHERE status = 'OPEN' ORDER BY year DESC LIMIT 1");
        onA = browser("a");
        onB = browser("b");
        logIn(onA, "district", "home-district");
        logIn(onB, "district", "home-district");
    }

    @AfterAll
    void quit() throws Exception {
        browsers.forEach(ChromeDriver::quit);
        for (Path profile : profiles) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        db.close();
    }

    /**
     * Two district staff, one on instance a (node 1), one on instance b (node 2), approve two different
     * recommendations at five stars at the same moment, with one five-star place left: exactly one wins, the
     * quota holds (three rounds). Then the longer race of two "approve all that match" batches for the last
     * places. Each approval locks its cycle only on its own node; the guard's write makes Galera refuse the
     * second commit, and the loser runs again and finds the quota full.
     */
    @Test
    @Order(1)
    void approvalsRaceForTheLastQuotaPlace() throws Exception {
        long reviewer = number("SELECT id FROM app_user WHERE username = 'reviewer'");
        int conflictsBefore = count(logA, "lost a race") + count(logB, "lost a race");
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Long> two = numbers("SELECT id FROM assessment WHERE cycle_id = ? AND state IN ('NOT_STARTED', 'DRAFT') "
                        + "ORDER BY id LIMIT 2", cycle);
                update("UPDATE assessment SET state = 'RECOMMENDED', star_at_open = 4, applied_star = 5, recommended_star = 5, "
                        + "direct_grading = 0, review_total = 96, reviewer_id = ? WHERE id IN (?, ?)", reviewer, two.get(0), two.get(1));
                long holders = fiveStarHolders();
                placesLeft(holders, 1);

                prepareApproval(onA, two.get(0));
                prepareApproval(onB, two.get(1));
                clickTogether("#approval-approve-confirm [slot=confirm-button]");

                long approved = number("SELECT COUNT(*) FROM assessment WHERE id IN (?, ?) AND state = 'APPROVED'", two.get(0), two.get(1));
                long holdersAfter = fiveStarHolders();
                System.out.printf("CHECK a round %d: %d of 2 approved, five-star holders %d -> %d (quota %d)%n",
                        round, approved, holders, holdersAfter, holders + 1);
                assertEquals(1, approved, "exactly one of two racing approvals wins the last place");
                assertEquals(holders + 1, holdersAfter, "the quota holds");
            }
            batchesRaceForTheLastPlaces(reviewer);
        } finally {
            System.out.printf("CHECK a: transactions run again after a conflict (deadlock or certification): %d%n",
                    count(logA, "lost a race") + count(logB, "lost a race") - conflictsBefore);
        }
        System.out.println("CHECK a: PASS");
    }

    /**
     * The longer race: "approve all that match" for two committees at once, each as many five-star
     * recommendations as places are left: one batch wins whole, the other is refused whole.
     */
    private void batchesRaceForTheLastPlaces(long reviewer) throws Exception {
        List<String> committees = new ArrayList<>();
        List<List<Long>> batches = new ArrayList<>();
        // two committees with nothing else waiting for approval: "all that match" is exactly the batch
        try (PreparedStatement statement = prepare("SELECT o.name FROM assessment a JOIN organization o ON o.id = a.committee_id "
                + "WHERE a.cycle_id = ? GROUP BY o.id, o.name HAVING SUM(a.state = 'RECOMMENDED') = 0 "
                + "AND SUM(a.state IN ('NOT_STARTED', 'DRAFT')) >= 3 "
                + "ORDER BY SUM(a.state IN ('NOT_STARTED', 'DRAFT')) DESC, o.id LIMIT 2", cycle);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                committees.add(rows.getString(1));
            }
        }
        int size = Integer.MAX_VALUE;
        for (String committee : committees) {
            List<Long> ids = numbers("SELECT a.id FROM assessment a JOIN organization o ON o.id = a.committee_id WHERE a.cycle_id = ? "
                    + "AND o.name = ? AND a.state IN ('NOT_STARTED', 'DRAFT') ORDER BY a.id", cycle, committee);
            batches.add(ids);
            size = Math.min(size, ids.size());
        }
        for (List<Long> batch : batches) {
            for (long id : batch.subList(0, size)) {
                update("UPDATE assessment SET state = 'RECOMMENDED', star_at_open = 4, applied_star = 5, recommended_star = 5, "
                        + "direct_grading = 0, review_total = 96, reviewer_id = ? WHERE id = ?", reviewer, id);
            }
        }
        long holders = fiveStarHolders();
        placesLeft(holders, size);
        prepareApproveAll(onA, committees.get(0));
        prepareApproveAll(onB, committees.get(1));
        clickTogether("#approval-many-confirm [slot=confirm-button]");

        long approvedA = number("SELECT COUNT(*) FROM assessment WHERE id IN (" + joined(batches.get(0).subList(0, size))
                + ") AND state = 'APPROVED'");
        long approvedB = number("SELECT COUNT(*) FROM assessment WHERE id IN (" + joined(batches.get(1).subList(0, size))
                + ") AND state = 'APPROVED'");
        long holdersAfter = fiveStarHolders();
        System.out.printf("CHECK a batches of %d (%s through a, %s through b): %d and %d approved, five-star holders %d -> %d (quota %d)%n",
                size, committees.get(0), committees.get(1), approvedA, approvedB, holders, holdersAfter, holders + size);
        assertTrue(approvedA == size && approvedB == 0 || approvedA == 0 && approvedB == size, "one batch wins whole");
        assertEquals(holders + size, holdersAfter, "the quota holds");
    }

    /** The queue filtered to one committee, "approve all that match" clicked, up to the final confirmation. */
    private void prepareApproveAll(ChromeDriver browser, String committee) {
        browser.get(proxy + "/approvals");
        click(browser, By.id("approval-filter-committee"));
        click(browser, By.xpath("//vaadin-select-item[normalize-space(.)='" + committee + "']"));
        idle(browser);
        click(browser, By.id("approval-approve-all"));
        new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#approval-many-confirm [slot=confirm-button]")));
        idle(browser);
    }

    /** Both browsers click at the same instant of the machine's one clock, not a WebDriver round trip apart. */
    private void clickTogether(String selector) {
        long at = System.currentTimeMillis() + 1500;
        for (ChromeDriver browser : List.of(onA, onB)) {
            WebElement button = browser.findElement(By.cssSelector(selector));
            browser.executeScript("window.qpbClicked = false; const button = arguments[0];"
                    + " setTimeout(() => { button.click(); window.qpbClicked = true; }, arguments[1] - Date.now());", button, at);
        }
        for (ChromeDriver browser : List.of(onA, onB)) {
            new WebDriverWait(browser, TIMEOUT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return window.qpbClicked === true")));
            idle(browser);
        }
    }

    private static String joined(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * Results whose notice has ended and reminders due, with both instances' jobs firing at the same seconds:
     * every result is made final once (one FINAL move, one star-history row), every user gets one reminder of a
     * kind that day, and neither instance logs an ERROR.
     */
    @Test
    @Order(2)
    void jobsDueOnBothInstancesAtOnce() throws Exception {
        LocalDateTime mark = LocalDateTime.parse(text("SELECT DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f')"));
        long sizeA = Files.size(logA);
        long sizeB = Files.size(logB);
        LocalDate today = LocalDate.now(ZONE);
        long district = number("SELECT id FROM app_user WHERE username = 'district'");
        long reviewer = number("SELECT id FROM app_user WHERE username = 'reviewer'");
        List<Long> ended = numbers("SELECT id FROM assessment WHERE cycle_id = ? AND state IN ('NOT_STARTED', 'DRAFT') "
                + "ORDER BY id LIMIT 10", cycle);
        String in = joined(ended);
        db.setAutoCommit(false);
        long batch;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO notice_batch (cycle_id, starts_on, ends_on, published_by, "
                + "published_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3))", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, cycle);
            insert.setObject(2, today.minusDays(7));
            insert.setObject(3, today.minusDays(2));
            insert.setLong(4, district);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                batch = keys.getLong(1);
            }
        }
        update("UPDATE assessment SET state = 'IN_NOTICE', recommended_star = LEAST(star_at_open + 1, 5), "
                + "approved_star = LEAST(star_at_open + 1, 5), reviewer_id = ?, approver_id = ?, approved_at = UTC_TIMESTAMP(3), "
                + "notice_batch_id = ? WHERE id IN (" + in + ")", reviewer, district, batch);
        // every secretary still filling in is due tomorrow
        update("UPDATE assessment_cycle SET approval_deadline = GREATEST(approval_deadline, ?), "
                + "review_deadline = GREATEST(review_deadline, ?), self_deadline = ? WHERE id = ?",
                today.plusDays(1), today.plusDays(1), today.plusDays(1), cycle);
        db.commit();
        db.setAutoCommit(true);
        System.out.printf("CHECK b: %d results whose notice ended, reminders due; jobs fire every %ds on both instances%n",
                ended.size(), JOB_PERIOD.toSeconds());

        try {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    number("SELECT COUNT(*) FROM assessment WHERE id IN (" + in + ") AND state = 'IN_NOTICE'") == 0
                            && remindersSince(mark) > 0);
        } finally {
            // both instances' jobs fire once more (the next multiple of the period, a few seconds' margin), then look
            long period = JOB_PERIOD.toSeconds();
            Instant next = Instant.ofEpochSecond((Instant.now().getEpochSecond() / period + 1) * period + 5);
            await().atMost(JOB_PERIOD.plusSeconds(10)).until(() -> Instant.now().isAfter(next));
            String newA = tail(logA, sizeA);
            String newB = tail(logB, sizeB);
            System.out.printf("CHECK b: instance a logged %d finaliser runs with results, %d reminder runs, %d ERROR lines%n",
                    count(newA, "results made final"), count(newA, "Deadline reminders:"), errors(newA).size());
            System.out.printf("CHECK b: instance b logged %d finaliser runs with results, %d reminder runs, %d ERROR lines%n",
                    count(newB, "results made final"), count(newB, "Deadline reminders:"), errors(newB).size());
            errors(newA).stream().limit(3).forEach(line -> System.out.println("CHECK b: a: " + line));
            errors(newB).stream().limit(3).forEach(line -> System.out.println("CHECK b: b: " + line));
            assertTrue(errors(newA).isEmpty() && errors(newB).isEmpty(), "no instance logs an ERROR for an expected conflict");
        }

        for (long id : ended) {
            assertEquals("FINAL", text("SELECT state FROM assessment WHERE id = ?", id));
            assertEquals(1, number("SELECT COUNT(*) FROM assessment_event WHERE assessment_id = ? AND to_state = 'FINAL'", id),
                    "made final once");
            assertEquals(1, number("SELECT COUNT(*) FROM star_history h JOIN assessment a ON a.organization_id = h.organization_id "
                    + "WHERE a.id = ? AND h.changed_at >= ?", id, mark), "one star change");
        }
        long twice = number("SELECT COUNT(*) FROM (SELECT recipient_id, kind FROM notification WHERE created_at >= ? "
                + "AND kind IN ('SELF_DEADLINE', 'REVIEW_DEADLINE') GROUP BY recipient_id, kind HAVING COUNT(*) > 1) t", mark);
        long reminded = remindersSince(mark);
        System.out.printf("CHECK b: %d results final once each; %d reminders, %d users reminded twice%n", ended.size(), reminded, twice);
        assertEquals(0, twice, "one reminder per person and day");
        System.out.println("CHECK b: PASS");
    }

    /**
     * Node 2 (instance b's database) is killed while both instances serve: instance a keeps serving, a new
     * login through haproxy works, and the users of instance b are sent on (haproxy's health check takes b out)
     * and log in again.
     */
    @Test
    @Order(3)
    void aKilledNodesUsersLogInAgain() throws Exception {
        long pid = Long.parseLong(Files.readString(Path.of(System.getProperty("qpb.cluster.node2-pid"))).strip());
        ProcessHandle node2 = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node 2 is not running"));
        onA.get(proxy + "/approvals");
        onB.get(proxy + "/approvals"); // mid-run: both are serving when the node dies
        node2.destroyForcibly();
        await().atMost(TIMEOUT).until(() -> !node2.isAlive());
        System.out.println("CHECK c: node 2 killed (kill -9)");

        onA.get(proxy + "/approvals");
        new WebDriverWait(onA, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-quota-meter")));
        assertEquals("a", server(onA), "still served by instance a");
        System.out.println("CHECK c: instance a (node 1) still serves its users");

        ChromeDriver newcomer = browser(null);
        int attempts = logInAsAPersonWould(newcomer, "/", "admin", "home-admin");
        System.out.printf("CHECK c: a new login through haproxy is served by instance %s (attempts: %d)%n",
                server(newcomer), attempts);

        long started = System.nanoTime();
        WebDriverWait patience = new WebDriverWait(onB, Duration.ofSeconds(90));
        patience.pollingEvery(Duration.ofSeconds(2)).until(browser -> {
            browser.get(proxy + "/approvals");
            idle(onB);
            return !browser.findElements(By.cssSelector("#login-form")).isEmpty()
                    || !browser.findElements(By.id("approval-quota-meter")).isEmpty();
        });
        boolean loggedInAgain = !onB.findElements(By.cssSelector("#login-form")).isEmpty();
        if (loggedInAgain) {
            logInAsAPersonWould(onB, "/approvals", "district", "approval-quota-meter"); // back where she was going
        }
        new WebDriverWait(onB, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-quota-meter")));
        assertTrue(loggedInAgain, "her session lived on instance b, whose database is gone: she logs in again");
        assertEquals("a", server(onB), "served by instance a now");
        System.out.printf("CHECK c: instance b's user served again after %d s, now by instance %s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), server(onB));
        System.out.println("CHECK c: PASS");
    }

    // --- browsers ---

    /** A Chromium pinned to instance {@code server} (a or b) by haproxy's cookie; null: as haproxy chooses. */
    private ChromeDriver browser(String server) throws IOException {
        Path profile = Files.createTempDirectory("qpb-cluster-chromium");
        profiles.add(profile);
        ChromeDriver browser = BrowserTest.chromium(profile);
        browsers.add(browser);
        browser.get(proxy + "/login");
        if (server != null) {
            browser.manage().deleteAllCookies();
            browser.manage().addCookie(new Cookie("SRV", server, "/"));
            browser.get(proxy + "/login");
        }
        return browser;
    }

    private void logIn(ChromeDriver browser, String username, String homeId) {
        new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#login-form vaadin-text-field[name=username] input")));
        typeCredentials(browser, username);
        new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(By.id(homeId)));
    }

    /**
     * Opens {@code path}, logs in on the login view it leads to, and tries again as a person would while the
     * portal says it cannot reach its database: until haproxy's health check has taken instance b out (two failed
     * checks), a request may still reach b, which answers "try again shortly". Returns the attempts it took.
     */
    private int logInAsAPersonWould(ChromeDriver browser, String path, String username, String shownId) {
        int[] attempts = {0};
        new WebDriverWait(browser, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(2)).until(page -> {
            attempts[0]++;
            page.get(proxy + path);
            try {
                typeCredentials(browser, username);
                new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id(shownId)));
                return true;
            } catch (TimeoutException stillRefused) {
                System.out.println("CHECK c: login refused (" + page.getCurrentUrl() + "), trying again");
                return false;
            }
        });
        return attempts[0];
    }

    private static void typeCredentials(ChromeDriver browser, String username) {
        WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#login-form vaadin-text-field[name=username] input")))
                .sendKeys(username);
        browser.findElement(By.cssSelector("#login-form vaadin-password-field[name=password] input")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login-form vaadin-button[slot=submit]")).click();
    }

    /** The approval page with its dialogs open, up to the final confirmation. */
    private void prepareApproval(ChromeDriver browser, long id) {
        browser.get(proxy + "/approvals/" + id);
        click(browser, By.id("approval-approve"));
        click(browser, By.id("approval-approve-next"));
        new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#approval-approve-confirm [slot=confirm-button]")));
        idle(browser);
    }

    private static void click(ChromeDriver browser, By locator) {
        WebElement element = new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static void idle(ChromeDriver browser) {
        new WebDriverWait(browser, TIMEOUT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
    }

    /** The instance haproxy's cookie names for this browser. */
    private static String server(ChromeDriver browser) {
        Cookie cookie = browser.manage().getCookieNamed("SRV");
        return cookie == null ? "?" : cookie.getValue();
    }

    // --- the database (node 3) ---

    private long fiveStarHolders() throws SQLException {
        return number("SELECT COUNT(*) FROM assessment WHERE cycle_id = ? AND state IN ('APPROVED', 'IN_NOTICE', 'FINAL') "
                + "AND approved_star = 5", cycle);
    }

    /** Sets the five-star quota so that exactly {@code places} more organisations fit: the smallest percentage that allows it. */
    private void placesLeft(long holders, long places) throws SQLException {
        long assessed = number("SELECT COUNT(*) FROM assessment WHERE cycle_id = ?", cycle);
        BigDecimal percent = BigDecimal.valueOf((holders + places) * 100).divide(BigDecimal.valueOf(assessed), 2, RoundingMode.CEILING);
        long limit = BigDecimal.valueOf(assessed).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValue();
        assertEquals(holders + places, limit, "a quota of " + percent + " % leaves " + places + " places");
        update("UPDATE assessment_cycle SET quota_5 = ? WHERE id = ?", percent, cycle);
    }

    private long remindersSince(LocalDateTime mark) throws SQLException {
        return number("SELECT COUNT(*) FROM notification WHERE created_at >= ? AND kind IN ('SELF_DEADLINE', 'REVIEW_DEADLINE')", mark);
    }

    private long number(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(text(sql, parameters));
    }

    private String text(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private List<Long> numbers(String sql, Object... parameters) throws SQLException {
        List<Long> result = new ArrayList<>();
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(rows.getLong(1));
            }
        }
        return result;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    // --- the instances' logs ---

    private static int count(Path log, String text) throws IOException {
        return count(Files.readString(log, StandardCharsets.UTF_8), text);
    }

    private static int count(String content, String text) {
        Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(content);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    private static String tail(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
    }

    /** Log lines at level ERROR (Spring Boot's console format: the level after the timestamp). */
    private static List<String> errors(String content) {
        return content.lines().filter(line -> line.matches("^\\S+\\s+ERROR .*")).toList();
    }
}
