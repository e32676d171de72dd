package cn.luohu.qpb.support;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import org.jooq.DSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;

/** Builders for the rows a test needs, each with a unique code or username. */
public class TestData {

    /** The password of every user made here (it passes the policy). */
    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DSLContext dsl;
    private final PasswordEncoder encoder;
    private final UserDetailsService users;
    private String passwordHash;

    TestData(DSLContext dsl, PasswordEncoder encoder, UserDetailsService users) {
        this.dsl = dsl;
        this.encoder = encoder;
        this.users = users;
    }

    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() % 1000 + "-" + SEQUENCE.incrementAndGet();
    }

    /**
     * Runs a statement on this context's schema as the server's administrator, who may change every table
     * (the portal's own account may not): for tests of what the database itself refuses.
     */
    public void executeAsAdministrator(String sql) {
        TestDatabase.get().execute("USE " + dsl.fetchSingle("SELECT DATABASE()").get(0, String.class), sql);
    }

    /** The demo district's root organisation, under which test committees hang. */
    public long districtId() {
        return dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.PARENT_ID.isNull()).fetchSingle().value1();
    }

    public long committee(String name) {
        return organization(districtId(), OrgKind.COMMITTEE, null, name);
    }

    public long organization(long parentId, OrgKind kind, Category category, String name) {
        var parent = dsl.select(ORGANIZATION.PATH, ORGANIZATION.DEPTH).from(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(parentId)).fetchSingle();
        long id = dsl.insertInto(ORGANIZATION)
                .set(ORGANIZATION.PARENT_ID, parentId)
                .set(ORGANIZATION.PATH, "pending")
                .set(ORGANIZATION.DEPTH, parent.value2() + 1)
                .set(ORGANIZATION.KIND, kind.name())
                .set(ORGANIZATION.CATEGORY, category == null ? null : category.name())
                .set(ORGANIZATION.CODE, unique("T"))
                .set(ORGANIZATION.NAME, name)
                .set(ORGANIZATION.SHORT_NAME, name)
                .returningResult(ORGANIZATION.ID).fetchSingle().value1();
        dsl.update(ORGANIZATION).set(ORGANIZATION.PATH, parent.value1() + id + "/").where(ORGANIZATION.ID.eq(id)).execute();
        return id;
    }

    public long branch(long parentId, String name) {
        return organization(parentId, OrgKind.BRANCH, Category.COMMUNITY, name);
    }

    /** A user of this organisation with these roles and {@link #PASSWORD}; returns the username. */
    public String user(long organizationId, Role... roles) {
        String username = unique("u");
        long id = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, "测试用户 " + username)
                .set(APP_USER.PASSWORD_HASH, hash())
                .set(APP_USER.ORGANIZATION_ID, organizationId)
                .returningResult(APP_USER.ID).fetchSingle().value1();
        for (Role role : roles) {
            dsl.insertInto(APP_USER_ROLE).set(APP_USER_ROLE.USER_ID, id).set(APP_USER_ROLE.ROLE, role.name()).execute();
        }
        return username;
    }

    public long userId(String username) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
    }

    public void mustChangePassword(String username) {
        dsl.update(APP_USER).set(APP_USER.MUST_CHANGE_PASSWORD, true).where(APP_USER.USERNAME.eq(username)).execute();
    }

    public long organizationId(String code) {
        return dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(code)).fetchSingle().value1();
    }

    /**
     * Makes another instance hold a scheduled job's ShedLock lock for the next hour (by the database's clock), as
     * while that instance runs the job; {@link #releaseJobLock} lets it go.
     */
    public void jobLockedElsewhere(String job) {
        dsl.execute("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) "
                + "VALUES (?, UTC_TIMESTAMP(3) + INTERVAL 1 HOUR, UTC_TIMESTAMP(3), 'another-instance') "
                + "ON DUPLICATE KEY UPDATE lock_until = VALUES(lock_until), locked_at = VALUES(locked_at), locked_by = VALUES(locked_by)", job);
    }

    public void releaseJobLock(String job) {
        dsl.execute("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = ?", job);
    }

    /** Puts this user into the security context, as a successful login would. */
    public UsernamePasswordAuthenticationToken authenticate(String username) {
        UserDetails principal = users.loadUserByUsername(username);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return authentication;
    }

    private String hash() {
        if (passwordHash == null) {
            passwordHash = encoder.encode(PASSWORD); // once: bcrypt is slow on purpose
        }
        return passwordHash;
    }
}
