package cn.luohu.qpb.bench;

import cn.luohu.qpb.assessment.ApprovalService;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.assessment.ReviewFilter;
import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.base.ui.MainLayout;
import cn.luohu.qpb.cycle.CycleInput;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.cycle.OpenProgress;
import cn.luohu.qpb.notice.NoticeService;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrganizationFilter;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSort;
import cn.luohu.qpb.standard.IndicatorInput;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.KaribuConfig;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.UidlWriter;
import kotlin.jvm.functions.Function0;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The city-scale benchmarks ({@code mvn -Pbench verify}; not part of {@code mvn verify}): for each dataset
 * (2,000 and 20,000 assessed organisations, {@code -Dbench.sizes} to choose), the portal's services called as
 * the logged-in users who call them, the main views rendered server-side by karibu-testing, the jOOQ layer
 * against plain JDBC on the same SQL, the retained heap of logged-in sessions, and the opening of a cycle for
 * the whole city. Prints and writes figures; asserts nothing about time. {@code -Dbench.parts=views,sessions} runs
 * only some parts (reads, saves, submits, views, sessions, approve, export, open).
 */
class CityBenchmarks {

    private static final Path RESULTS = Path.of("target", "bench", "results.csv");
    private static final Path OVERHEAD = Path.of("target", "bench", "jooq-overhead.csv");
    private static final Path MEMORY = Path.of("target", "bench", "memory.csv");
    private static final int SESSIONS = 500;

    @Test
    void cityScale() throws Exception {
        productionComponentTracking();
        for (Path file : List.of(RESULTS, OVERHEAD, MEMORY)) {
            Files.deleteIfExists(file);
        }
        for (String size : System.getProperty("bench.sizes", "2000,20000").split(",")) {
            try (ConfigurableApplicationContext context = BenchContext.start(Integer.parseInt(size.strip()))) {
                new Run(context, size.strip()).all();
            }
        }
    }

    /**
     * In production Vaadin does not record where each component was made; it decides so once per JVM, at the
     * first component, from the deployment configuration of the request in progress. Under karibu the first
     * component is made outside any request, so it would record a stack trace for every component ever made.
     */
    private static void productionComponentTracking() throws ReflectiveOperationException {
        var disabled = com.vaadin.flow.component.internal.ComponentTracker.class.getDeclaredField("disabled");
        disabled.setAccessible(true);
        disabled.set(null, Boolean.TRUE);
    }

    /** One dataset's run. */
    private static final class Run {

        private final ConfigurableApplicationContext context;
        private final String dataset;
        private final Harness harness;
        private final DSLContext dsl;
        private final DataSource dataSource;
        private final UserDetailsService users;
        private final OrganizationService organizations;
        private final ReviewService reviews;
        private final CycleService cycles;
        private final AssessmentService assessments;
        private final EvidenceService evidence;
        private final ApprovalService approvals;
        private final NoticeService notices;
        private final Map<String, UsernamePasswordAuthenticationToken> logins = new HashMap<>();
        private final List<String> overhead = new ArrayList<>();
        private final long cycle;
        private final List<Target> committees;
        private final List<Target> drafts;
        private final List<Target> completeDrafts;
        private final List<Target> underReview;

        /** An id and the user who works on it. */
        private record Target(long id, String username) {
        }

        Run(ConfigurableApplicationContext context, String dataset) {
            this.context = context;
            this.dataset = dataset;
            this.harness = new Harness(dataset);
            this.dsl = context.getBean(DSLContext.class);
            this.dataSource = context.getBean(DataSource.class);
            this.users = context.getBean(UserDetailsService.class);
            this.organizations = context.getBean(OrganizationService.class);
            this.reviews = context.getBean(ReviewService.class);
            this.cycles = context.getBean(CycleService.class);
            this.assessments = context.getBean(AssessmentService.class);
            this.evidence = context.getBean(EvidenceService.class);
            this.approvals = context.getBean(ApprovalService.class);
            this.notices = context.getBean(NoticeService.class);
            this.cycle = dsl.fetchSingle("SELECT id FROM assessment_cycle WHERE status = 'OPEN'").get(0, Long.class);
            this.committees = targets("SELECT id, CONCAT('rev-', LOWER(code)) FROM organization WHERE kind = 'COMMITTEE' ORDER BY id");
            String ofState = "SELECT a.id, CONCAT('sec-', LOWER(o.code)) FROM assessment a JOIN organization o ON o.id = a.organization_id "
                    + "WHERE a.cycle_id = " + cycle + " AND a.state = 'DRAFT' AND a.applied_star IS ";
            this.drafts = targets(ofState + "NULL ORDER BY a.id LIMIT 300");
            this.completeDrafts = targets(ofState + "NOT NULL ORDER BY a.id LIMIT 600");
            this.underReview = targets("SELECT a.id, CONCAT('rev-', LOWER(c.code)) FROM assessment a JOIN organization c "
                    + "ON c.id = a.committee_id WHERE a.cycle_id = " + cycle + " AND a.state = 'UNDER_REVIEW' ORDER BY a.id LIMIT 300");
        }

        void all() throws Exception {
            KaribuConfig.setInitDefaultRoute(false); // a new session logs in first, then navigates
            Map<String, Runnable> parts = new java.util.LinkedHashMap<>();
            parts.put("reads", this::reads);
            parts.put("saves", this::itemSaves);
            parts.put("submits", this::submits);
            parts.put("views", this::views);
            parts.put("sessions", this::sessions);
            parts.put("approve", this::approveMany);
            parts.put("export", this::exportNotice);
            parts.put("open", this::openCycle);
            Set<String> chosen = Set.of(System.getProperty("bench.parts", String.join(",", parts.keySet())).split(","));
            parts.forEach((name, part) -> {
                if (!chosen.contains(name)) {
                    return;
                }
                try {
                    part.run();
                } catch (RuntimeException e) { // one part that fails does not take the others' figures with it
                    System.out.printf("[bench %s] FAILED: %s%n", dataset, e);
                    e.printStackTrace(System.out);
                }
            });
            Harness.appendCsv(RESULTS, "name,dataset,p50_ms,p95_ms,p99_ms,ops_per_s",
                    harness.results().stream().map(Harness.Result::csv).toList());
            Harness.appendCsv(OVERHEAD, "name,dataset,jooq_p50_ms,jdbc_p50_ms,ratio,statements", overhead);
        }

        // --- the SQL-heavy reads, each also through plain JDBC ---

        private void reads() {
            ReviewFilter firms = new ReviewFilter(null, null, Category.NON_PUBLIC_ENTERPRISE.name(), null, null);
            OrganizationFilter firmsOnly = new OrganizationFilter(null, Category.NON_PUBLIC_ENTERPRISE, null, true);
            List<OrganizationSort> byName = List.of(new OrganizationSort(OrganizationSort.Column.NAME, true));
            read("scope.subtree", 100, 500, run -> {
                Target committee = pick(committees, run);
                as(committee.username());
                organizations.subtree(committee.id());
            });
            read("review.queue-page", 100, 500, run -> {
                as(pick(committees, run).username());
                reviews.queue(firms, 0, 50);
                reviews.count(firms);
                reviews.countsByState(firms);
            });
            read("organisations.list-page", 50, 300, run -> {
                as("district");
                organizations.findVisible(firmsOnly, run % 10 * 50, 50, byName);
                organizations.countVisible(firmsOnly);
            });
            read("dashboard.cycle-overview", 20, 200, run -> {
                as("district");
                cycles.overview(cycle);
            });
            read("dashboard.star-distribution", 20, 200, run -> {
                as("district");
                organizations.starDistribution();
            });
            read("dashboard.pending-page", 20, 200, run -> {
                as("district");
                cycles.pending(cycle, false, run % 10 * 50, 50);
                cycles.countPending(cycle, false);
            });
            read("form.load", 100, 500, run -> {
                Target draft = pick(drafts, run);
                as(draft.username());
                assessments.sheet(draft.id());
                evidence.listForAssessment(draft.id());
                assessments.timeline(draft.id());
            });
        }

        /** Times the operation, then compares the SQL it runs through jOOQ with the same SQL through JDBC. */
        private void read(String name, int warmup, int samples, Harness.Op op) {
            harness.measure(name, warmup, samples, op);
            long[] jooq = new long[samples];
            long[] jdbc = new long[samples];
            int statements = 0;
            for (int run = 0; run < samples; run++) {
                int index = run;
                List<SqlRecorder.Statement> ran = SqlRecorder.record(() -> {
                    try {
                        op.run(index);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                statements = ran.size();
                jooq[run] = SqlRecorder.jooqNanos(ran);
                jdbc[run] = SqlRecorder.replay(dataSource, ran);
            }
            double jooqMs = median(jooq);
            double jdbcMs = median(jdbc);
            overhead.add(String.format(Locale.ROOT, "%s,%s,%.3f,%.3f,%.2f,%d", name, dataset, jooqMs, jdbcMs, jooqMs / jdbcMs, statements));
            System.out.printf(Locale.ROOT, "[bench %s] %-28s jOOQ %.2f ms, JDBC %.2f ms: ratio %.2f (%d statements)%n",
                    dataset, name, jooqMs, jdbcMs, jooqMs / jdbcMs, statements);
        }

        // --- writes ---

        /** The secretary changes one entry: met and not met, full and no points, no and one occurrence in turn. */
        private void itemSaves() {
            List<Record> items = dsl.fetch("SELECT it.id, it.row_version, i.method, i.max_score, a.id FROM assessment a "
                    + "JOIN assessment_item it ON it.id = (SELECT MIN(x.id) FROM assessment_item x WHERE x.assessment_id = a.id) "
                    + "JOIN standard_indicator i ON i.id = it.indicator_id WHERE a.id IN ("
                    + drafts.stream().map(d -> String.valueOf(d.id())).collect(Collectors.joining(",")) + ") ORDER BY a.id");
            Map<Long, String> secretaries = drafts.stream().collect(Collectors.toMap(Target::id, Target::username));
            Map<Long, Integer> versions = new HashMap<>();
            items.forEach(r -> versions.put(r.get(0, Long.class), r.get(1, Integer.class)));
            harness.measure("item.save", 100, 1000, run -> {
                Record item = items.get(run % items.size());
                long itemId = item.get(0, Long.class);
                as(secretaries.get(item.get(4, Long.class)));
                boolean full = run / items.size() % 2 == 0;
                IndicatorInput input = switch (item.get(2, String.class)) {
                    case "CHECK" -> IndicatorInput.met(full);
                    case "SCALE" -> new IndicatorInput(null, full ? item.get(3, BigDecimal.class) : BigDecimal.ZERO, null);
                    default -> IndicatorInput.occurrences(full ? 0 : 1);
                };
                versions.put(itemId, assessments.saveItem(itemId, input, full ? "已完成" : "正在整改", versions.get(itemId)).itemVersion());
            });
        }

        /**
         * Each complete draft is submitted once: as many runs as there are complete drafts (up to 600). Each
         * secretary has her form open before she submits, so its rows are read once beforehand, untimed.
         */
        private void submits() {
            for (Target draft : completeDrafts) {
                as(draft.username());
                assessments.sheet(draft.id());
            }
            int warmup = completeDrafts.size() / 6;
            harness.measure("assessment.submit", warmup, completeDrafts.size() - warmup, run -> {
                Target draft = completeDrafts.get(run);
                as(draft.username());
                assessments.submit(draft.id());
            });
        }

        // --- server-side rendering ---

        private void views() {
            Function0<UI> uiFactory = UI::new;
            MockSpringServlet servlet = new MockSpringServlet(new Routes().autoDiscoverViews("cn.luohu.qpb"), context, uiFactory);
            Locale jvmLocale = Locale.getDefault();
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE); // a Chinese browser, as the portal's users have
            try {
                MockVaadin.setup(uiFactory, servlet);
                List<Target> secretaries = drafts;
                view("view.home.secretary", run -> pick(secretaries, run).username(), run -> "");
                view("view.home.reviewer", run -> pick(committees, run).username(), run -> "");
                view("view.home.district", run -> "district", run -> "");
                view("view.my-assessment", run -> pick(secretaries, run).username(), run -> "my-assessment");
                view("view.assessment-form", run -> pick(secretaries, run).username(), run -> "assessments/" + pick(secretaries, run).id());
                view("view.review-queue", run -> pick(committees, run).username(), run -> "reviews");
                view("view.review", run -> pick(underReview, run).username(), run -> "reviews/" + pick(underReview, run).id());
                view("view.organisations", run -> pick(committees, run).username(), run -> "organisations");
                view("view.cycle-overview", run -> "district", run -> "cycles/" + cycle);
            } finally {
                MockVaadin.tearDown();
                Locale.setDefault(jvmLocale);
                SecurityContextHolder.clearContext();
            }
        }

        /**
         * The time of one navigation to the view, as {@link #navigate} makes it. Between two timed navigations the user changes and the UI goes to the profile page, so
         * every timed navigation builds its view anew.
         */
        private void view(String name, java.util.function.IntFunction<String> user, java.util.function.IntFunction<String> location) {
            int warmup = 20;
            int samples = 150;
            long[] nanos = new long[samples];
            for (int run = 0; run < warmup + samples; run++) {
                login(user.apply(run));
                navigate(MainLayout.PROFILE_ROUTE);
                long start = System.nanoTime();
                navigate(location.apply(run));
                if (run >= warmup) {
                    nanos[run - warmup] = System.nanoTime() - start;
                }
            }
            harness.add(name, nanos);
        }

        /**
         * The heap that {@value #SESSIONS} logged-in sessions retain, each a different secretary: idle on the home
         * view (where a login lands), and with the home view visited and her assessment form open. Live heap after
         * a full GC with all of them open, minus before, per session.
         */
        private void sessions() {
            Function0<UI> uiFactory = UI::new;
            MockSpringServlet servlet = new MockSpringServlet(new Routes().autoDiscoverViews("cn.luohu.qpb"), context, uiFactory);
            List<Target> secretaries = targets("SELECT a.id, CONCAT('sec-', LOWER(o.code)) FROM assessment a "
                    + "JOIN organization o ON o.id = a.organization_id WHERE a.cycle_id = " + cycle
                    + " ORDER BY a.id LIMIT " + (SESSIONS + 20));
            Locale jvmLocale = Locale.getDefault();
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            try {
                retained("home", servlet, uiFactory, secretaries, s -> List.of(""));
                retained("home+assessment-form", servlet, uiFactory, secretaries, s -> List.of("", "assessments/" + s.id()));
            } finally {
                MockVaadin.tearDown();
                Locale.setDefault(jvmLocale);
                SecurityContextHolder.clearContext();
            }
        }

        private void retained(String views, MockSpringServlet servlet, Function0<UI> uiFactory, List<Target> secretaries,
                              java.util.function.Function<Target, List<String>> locations) {
            for (Target warm : secretaries.subList(SESSIONS, secretaries.size())) {
                openSession(servlet, uiFactory, warm, locations.apply(warm)); // classes loaded, caches filled
                MockVaadin.tearDown();
            }
            long before = liveHeap();
            Map<String, Long> histogramBefore = histogram();
            List<VaadinSession> open = new ArrayList<>();
            for (Target secretary : secretaries.subList(0, SESSIONS)) {
                open.add(openSession(servlet, uiFactory, secretary, locations.apply(secretary)));
            }
            long after = liveHeap();
            printLargest(views, histogramBefore, histogram(), open.size());
            double kb = (after - before) / 1024.0 / open.size();
            System.out.printf(Locale.ROOT, "[bench %s] retained heap per session (%s): %.1f KB over %d sessions%n",
                    dataset, views, kb, open.size());
            Harness.appendCsv(MEMORY, "dataset,views,sessions,retained_kb_per_session",
                    List.of(String.format(Locale.ROOT, "%s,%s,%d,%.1f", dataset, views, open.size(), kb)));
            MockVaadin.tearDown();
            open.clear();
        }

        /** Bytes per class of the live heap (a full GC first), from the JVM's class histogram. */
        private static Map<String, Long> histogram() {
            try {
                String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                        new Object[]{null}, new String[]{String[].class.getName()});
                Map<String, Long> bytes = new HashMap<>();
                for (String line : text.split("\n")) {
                    String[] cells = line.trim().split("\\s+");
                    if (cells.length >= 4 && cells[0].endsWith(":")) {
                        bytes.put(cells[3], Long.parseLong(cells[2]));
                    }
                }
                return bytes;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** What the sessions hold: the classes that grew most, per session. */
        private void printLargest(String views, Map<String, Long> before, Map<String, Long> after, int sessions) {
            after.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf(Locale.ROOT, "[bench %s] per session (%s): %8.1f KB %s%n", dataset, views,
                            e.getValue() / 1024.0 / sessions, e.getKey()));
        }

        /** A new browser session: the secretary logs in (the session keeps her security context) and navigates. */
        private VaadinSession openSession(MockSpringServlet servlet, Function0<UI> uiFactory, Target secretary,
                                          List<String> locations) {
            MockVaadin.setup(uiFactory, servlet);
            SecurityContext security = login(secretary.username());
            VaadinSession session = VaadinSession.getCurrent();
            session.getSession().setAttribute("SPRING_SECURITY_CONTEXT", security);
            locations.forEach(Run::navigate);
            return session;
        }

        private static long liveHeap() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        // --- district staff's bulk work ---

        /**
         * District staff approve 1,000 recommendations at once (as many as the cycle holds when fewer: about 320
         * at 2,000 organisations), a fresh thousand each run.
         */
        private void approveMany() {
            as("district");
            List<Long> recommended = dsl.fetch("SELECT id FROM assessment WHERE cycle_id = ? AND state = 'RECOMMENDED' "
                    + "AND NOT direct_grading ORDER BY id", cycle).getValues(0, Long.class);
            int batch = Math.min(1000, recommended.size());
            int runs = recommended.size() / batch;
            long[] nanos = new long[runs];
            for (int run = 0; run < runs; run++) {
                List<Long> ids = recommended.subList(run * batch, (run + 1) * batch);
                long start = System.nanoTime();
                var result = approvals.approveMany(cycle, ids);
                nanos[run] = System.nanoTime() - start;
                System.out.printf("[bench %s] approved %s%n", dataset, result);
            }
            harness.add("approve.many-" + batch, nanos);
        }

        /** The notice list of a past cycle (every organisation of the city) written as .xlsx, into nothing. */
        private void exportNotice() {
            as("district");
            long batch = dsl.fetchSingle("SELECT b.id FROM notice_batch b JOIN assessment_cycle c ON c.id = b.cycle_id "
                    + "WHERE c.status = 'CLOSED' ORDER BY c.year DESC LIMIT 1").get(0, Long.class);
            int rows = notices.countRows(batch);
            long[] bytes = new long[1];
            harness.measure("notice.export-xlsx-" + rows, 1, 5, run -> {
                OutputStream sink = new OutputStream() {
                    @Override
                    public void write(int b) {
                        bytes[0]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes[0] += len;
                    }
                };
                notices.exportWorkbook(batch, Locale.SIMPLIFIED_CHINESE, sink);
            });
            System.out.printf("[bench %s] notice list: %d rows, %d KB per .xlsx%n", dataset, rows, bytes[0] / 6 / 1024);
        }

        // --- the opening of a cycle for the whole city ---

        private void openCycle() {
            as("district");
            Map<Category, Long> standards = new EnumMap<>(Category.class);
            cycles.publishedStandards().forEach((category, published) -> standards.put(category, published.stream()
                    .filter(s -> s.code().startsWith("SZ-")).findFirst().orElseThrow().id()));
            LocalDate today = cycles.today();
            int runs = Integer.parseInt(dataset) >= 20_000 ? 2 : 3;
            long[] nanos = new long[runs];
            for (int run = 0; run < runs; run++) {
                int year = today.getYear() + 1 + run;
                long id = cycles.create(new CycleInput(year, year + "年度质量党建星级评定", standards, today.plusDays(30),
                        today.plusDays(45), today.plusDays(60), 5, Map.of()));
                long start = System.nanoTime();
                var opened = cycles.open(id, OpenProgress.NONE);
                nanos[run] = System.nanoTime() - start;
                System.out.printf("[bench %s] opened %s%n", dataset, opened);
            }
            harness.add("cycle.open", nanos);
        }

        // --- helpers ---

        private List<Target> targets(String sql) {
            return dsl.fetch(sql).map(r -> new Target(r.get(0, Long.class), r.get(1, String.class)));
        }

        private static Target pick(List<Target> targets, int run) {
            return targets.get(run % targets.size());
        }

        /** The user, as the services see a logged-in one. */
        private SecurityContext as(String username) {
            UsernamePasswordAuthenticationToken login = logins.computeIfAbsent(username, name -> {
                UserDetails principal = users.loadUserByUsername(name);
                return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
            });
            SecurityContext security = new SecurityContextImpl(login);
            SecurityContextHolder.setContext(security);
            return security;
        }

        /** The user, for the services and for Vaadin's view access checks (karibu runs no servlet filters). */
        private SecurityContext login(String username) {
            SecurityContext security = as(username);
            Set<String> roles = security.getAuthentication().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .map(authority -> authority.substring("ROLE_".length())).collect(Collectors.toSet());
            FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(security.getAuthentication());
            request.setUserInRole((principal, role) -> roles.contains(role));
            return security;
        }

        /**
         * A navigation as a request would make it: the view built, the client round trip (lazy grids fetch their
         * first page), and the response written (the changes collected and encoded as the browser would get them;
         * karibu alone never sends them, so a UI would keep every change of every navigation).
         */
        private static void navigate(String location) {
            UI.getCurrent().navigate(location);
            MockVaadin.clientRoundtrip(false);
            new UidlWriter().createUidl(UI.getCurrent(), false);
        }

        private static double median(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return Harness.percentile(sorted, 50) / 1e6;
        }
    }
}
