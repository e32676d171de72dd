package cn.luohu.qpb.base;

import cn.luohu.qpb.support.TcpProxy;
import cn.luohu.qpb.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal over real HTTP, its database behind a relay the test can cut: the health endpoints a load balancer
 * asks (no login, nothing else exposed), and a login while the database is gone answered within seconds with
 * "try again shortly" instead of hanging for the pool's half minute, then working again once it is back.
 * Not an {@code IntegrationTest}: its database is reached through the relay only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "qpb.scheduling.enabled=false")
class DatabaseOutageTest {

    private static final TcpProxy DATABASE = new TcpProxy(TestDatabase.get().host(), TestDatabase.get().port());
    /** Hikari's connection timeout is 3 s; the pool's default, before, was 30 s. */
    private static final Duration FAST = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void databaseBehindTheRelay(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry, "127.0.0.1", DATABASE.port());
    }

    @LocalServerPort
    private int port;

    @org.springframework.beans.factory.annotation.Autowired
    private javax.sql.DataSource dataSource;

    /** A browser: its own cookies (a new one for every login), follows no redirects. */
    private HttpClient http = browser();

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void databaseBack() {
        DATABASE.restore();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the login page as a browser does (the form posts with the page's CSRF token). */
    private HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        http = browser();
        String page = get("/login").body();
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find(), page);
        String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + token.group(1);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void livenessAndReadinessAnswerWithoutLoginAndNothingElseIsExposed() throws Exception {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> health = get(probe);
            assertEquals(200, health.statusCode(), probe);
            assertTrue(health.body().startsWith("{") && health.body().contains("\"status\":\"UP\""), probe + ": " + health.body());
            assertFalse(health.body().contains("details") || health.body().contains("components"), probe + ": " + health.body());
        }
        for (String hidden : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/prometheus",
                "/actuator/health/db", "/actuator/configprops")) {
            HttpResponse<String> response = get(hidden);
            assertFalse(response.statusCode() == 200 && !response.body().contains("<html"), hidden + ": " + response.body());
            assertFalse(response.body().contains("spring.datasource") || response.body().contains("jvm_"), hidden);
        }
    }

    @Test
    void whileTheDatabaseIsGoneALoginFailsFastAsUnavailableAndReadinessIsDownThenBothRecover() throws Exception {
        assertTrue(((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl().contains(":" + DATABASE.port() + "/"));
        assertEquals("/", URI.create(location(login("admin", "qpb-demo-2026"))).getPath());

        DATABASE.cut(); // its open connections closed, as by a database that went down: the pool finds that out itself
        List<String> answers = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 2; attempt++) {
            long started = System.nanoTime();
            HttpResponse<String> refused = login("admin", "qpb-demo-2026");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(FAST) < 0, "attempt " + attempt + " answered after " + took);
            answers.add(URI.create(location(refused)).getPath() + "?" + URI.create(location(refused)).getQuery());
        }
        assertEquals(List.of("/login?unavailable", "/login?unavailable"), answers);
        assertEquals(503, get("/actuator/health/readiness").statusCode());
        assertEquals(200, get("/actuator/health/liveness").statusCode(), "a database outage is no reason to restart the portal");

        DATABASE.restore();
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        assertEquals("/", URI.create(location(login("admin", "qpb-demo-2026"))).getPath());
    }
}
