package cn.luohu.qpb.base.db;

import cn.luohu.qpb.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A migration killed half-way (README "When a migration was interrupted"): every changeset from 011 on runs again
 * after a kill between its statements and Liquibase's record of them, and a lock left by a killed migration is
 * reported with its holder and released by the README's statement.
 */
class MigrationRecoveryTest {

    private static final String SCHEMA = "qpb_migration_recovery";
    private final TestDatabase database = TestDatabase.get();
    private HikariDataSource pool;

    @AfterEach
    void dropSchema() {
        pool.close();
        database.execute("DROP DATABASE IF EXISTS " + SCHEMA);
    }

    @Test
    void everyNewChangesetRunsAgainAfterAKillBeforeItWasRecorded() throws Exception {
        pool = database.migratedSchema(SCHEMA, TestDatabase.APP_ROLE);
        DSLContext dsl = DSL.using(pool, SQLDialect.MARIADB);
        int recent = dsl.fetchCount(DSL.table("DATABASECHANGELOG"), DSL.field("ID").ge("011"));
        assertTrue(recent >= 2, "011-shedlock, 011-app-role-grants, and whatever came later");
        // killed after their statements ran, before Liquibase wrote them down: the next start runs them again
        dsl.deleteFrom(DSL.table("DATABASECHANGELOG")).where(DSL.field("ID").ge("011")).execute();

        TestDatabase.migrate(pool, TestDatabase.APP_ROLE);

        assertEquals(recent, dsl.fetchCount(DSL.table("DATABASECHANGELOG"), DSL.field("ID").ge("011")));
        assertEquals(0, dsl.fetchCount(DSL.table("shedlock")));
    }

    @Test
    void aLockLeftByAKilledMigrationNamesItsHolderAndTheReadmesStatementReleasesIt() throws Exception {
        pool = database.migratedSchema(SCHEMA, TestDatabase.APP_ROLE);
        DSLContext dsl = DSL.using(pool, SQLDialect.MARIADB);
        dsl.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKGRANTED = NOW(), LOCKEDBY = 'qpb-app-2 (10.0.0.12)' WHERE ID = 1");

        // Liquibase waits for the lock (5 minutes by default) and gives up naming who holds it
        Exception stuck = assertThrows(Exception.class, () -> Scope.child(
                Map.of(GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey(), 0L), () -> TestDatabase.migrate(pool, TestDatabase.APP_ROLE)));
        String message = TestDatabase.cause(stuck);
        assertTrue(message.contains("Could not acquire change log lock") && message.contains("qpb-app-2 (10.0.0.12)"), message);

        // the README's recovery, once no portal instance runs
        dsl.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1");
        TestDatabase.migrate(pool, TestDatabase.APP_ROLE);
        assertEquals(0, dsl.fetchCount(DSL.table("DATABASECHANGELOGLOCK"), DSL.field("LOCKED").eq(1)));
    }
}
