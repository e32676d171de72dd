package cn.luohu.qpb.base.db;

import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's two database accounts on a server with binary logging on (the first deployment used to fail
 * with error 1419): the migrations run under the privileged account, which defines the triggers; the portal
 * works under the ordinary one, which may only do what the migrations granted its role.
 */
class DatabaseAccountsTest extends IntegrationTest {

    private static final String APP = TestDatabase.APP_USER + "@127.0.0.1";
    private static final String MIGRATION = TestDatabase.MIGRATION_USER + "@127.0.0.1";

    @Autowired
    private DSLContext dsl;

    private String schema() {
        return dsl.fetchSingle("SELECT DATABASE()").get(0, String.class);
    }

    @Test
    void thePortalWorksUnderAnOrdinaryAccountOnAServerThatLogsBinary() {
        assertEquals(1, dsl.fetchSingle("SELECT @@log_bin").get(0, Integer.class));
        assertEquals(APP, dsl.fetchSingle("SELECT CURRENT_USER()").get(0, String.class));
        List<String> grants = dsl.fetch("SHOW GRANTS").getValues(0, String.class);
        assertFalse(grants.stream().anyMatch(grant -> grant.contains("SUPER") || grant.contains("ALL PRIVILEGES")), grants.toString());
        // the seeded demo district is there: the portal migrated, seeded and serves through this account
        assertTrue(dsl.fetchSingle("SELECT COUNT(*) FROM app_user").get(0, Integer.class) > 100);
    }

    @Test
    void theMigrationsRanUnderTheirOwnAccountWhichDefinesTheTriggers() {
        DSLContext admin = DSL.using(TestDatabase.get().admin(), SQLDialect.MARIADB);
        Set<String> definers = Set.copyOf(admin.fetch("SELECT DISTINCT definer FROM information_schema.triggers "
                + "WHERE trigger_schema = ?", schema()).getValues(0, String.class));
        assertEquals(Set.of(MIGRATION), definers);
        // and the application's account cannot change what Liquibase wrote down
        Exception forged = assertThrows(DataAccessException.class, () -> dsl.execute("DELETE FROM DATABASECHANGELOG"));
        assertTrue(TestDatabase.cause(forged).contains("DELETE command denied"), TestDatabase.cause(forged));
    }

    @Test
    void recordsAreSelectAndInsertOnlyForThePortal() {
        for (String table : List.of("audit_event", "assessment_score_change", "star_history")) {
            dsl.fetch("SELECT COUNT(*) FROM " + table);
            Exception update = assertThrows(DataAccessException.class, () -> dsl.execute("UPDATE " + table + " SET id = id"));
            assertTrue(TestDatabase.cause(update).contains("UPDATE command denied"), TestDatabase.cause(update));
            Exception delete = assertThrows(DataAccessException.class, () -> dsl.execute("DELETE FROM " + table + " WHERE id < 0"));
            assertTrue(TestDatabase.cause(delete).contains("DELETE command denied"), TestDatabase.cause(delete));
        }
        // every other table the portal changes, and may not alter or drop
        dsl.execute("UPDATE organization SET id = id WHERE id < 0");
        Exception drop = assertThrows(DataAccessException.class, () -> dsl.execute("DROP TABLE notification"));
        assertTrue(TestDatabase.cause(drop).contains("DROP command denied"), TestDatabase.cause(drop));
    }

    /** A changeset that adds a table must add its grant to 011-app-role-grants, or the portal cannot write it. */
    @Test
    void everyTableOfThePortalMayBeWrittenByItsRole() {
        DSLContext admin = DSL.using(TestDatabase.get().admin(), SQLDialect.MARIADB);
        Set<String> tables = Set.copyOf(admin.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'DATABASECHANGELOG%'", schema()).getValues(0, String.class));
        Set<String> insertable = Set.copyOf(admin.fetch("SELECT table_name FROM information_schema.table_privileges "
                        + "WHERE table_schema = ? AND privilege_type = 'INSERT' AND grantee LIKE ?",
                schema(), "%" + TestDatabase.APP_ROLE + "%").getValues(0, String.class));
        assertFalse(tables.isEmpty());
        assertEquals(tables, insertable, "tables without a grant: " + tables.stream().filter(t -> !insertable.contains(t)).toList());
    }
}
