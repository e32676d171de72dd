package cn.luohu.qpb.importing;

import cn.luohu.qpb.base.db.InLists;
import cn.luohu.qpb.organization.OrgKind;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;

/**
 * The lookups a dry run needs, set-based: one query per chunk of codes or usernames (never one per row).
 * Codes and usernames compare case-insensitively, as the database's collation does; results are keyed
 * by {@link #key(String)}.
 */
@Repository
class ImportRepository {

    /** Bind values per query: far below MariaDB's limit of 65,535 placeholders in one statement. */
    private static final int CHUNK = 5_000;

    private final DSLContext dsl;

    ImportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The stored organisations among these codes. */
    Map<String, ExistingOrganization> organizations(Collection<String> codes) {
        Map<String, ExistingOrganization> found = new HashMap<>();
        for (List<String> chunk : chunks(codes)) {
            dsl.select(ORGANIZATION.CODE, ORGANIZATION.KIND, ORGANIZATION.NAME, ORGANIZATION.ACTIVE)
                    .from(ORGANIZATION)
                    .where(ORGANIZATION.CODE.in(chunk))
                    .forEach(r -> found.put(key(r.value1()), new ExistingOrganization(r.value1(),
                            OrgKind.valueOf(r.value2()), r.value3(), r.value4())));
        }
        return found;
    }

    /** The stored usernames among these, as keys. */
    Set<String> existingUsernames(Collection<String> usernames) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(usernames)) {
            dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.USERNAME.in(chunk))
                    .forEach(r -> found.add(key(r.value1())));
        }
        return found;
    }

    static String key(String codeOrUsername) {
        return codeOrUsername.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<List<String>> chunks(Collection<String> values) {
        return InLists.chunks(new HashSet<>(values.stream().filter(v -> !v.isBlank()).toList()), CHUNK);
    }

    record ExistingOrganization(String code, OrgKind kind, String name, boolean active) {
    }
}
