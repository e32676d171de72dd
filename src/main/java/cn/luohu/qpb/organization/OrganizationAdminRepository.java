package cn.luohu.qpb.organization;

import cn.luohu.qpb.base.db.InLists;
import cn.luohu.qpb.jooq.tables.records.OrganizationRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STAR_HISTORY;

/** The writes of the organisation tree. Paths are maintained here, with {@link TreePath}. */
@Repository
class OrganizationAdminRepository {


    private final DSLContext dsl;

    OrganizationAdminRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<StoredOrganization> byId(long id) {
        return dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).fetchOptional(OrganizationAdminRepository::toStored);
    }

    Optional<StoredOrganization> byCode(String code) {
        return dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.CODE.eq(code)).fetchOptional(OrganizationAdminRepository::toStored);
    }

    /** The stored organisations among these codes, by code, in a few set-based queries. */
    Map<String, StoredOrganization> byCodes(Collection<String> codes) {
        Map<String, StoredOrganization> found = new HashMap<>();
        for (List<String> chunk : InLists.chunks(codes)) {
            dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.CODE.in(chunk))
                    .forEach(r -> found.put(r.getCode(), toStored(r)));
        }
        return found;
    }

    boolean codeTaken(String code, long exceptId) {
        return dsl.fetchExists(ORGANIZATION, ORGANIZATION.CODE.eq(code).and(ORGANIZATION.ID.ne(exceptId)));
    }

    long insert(NewOrganization org, StoredOrganization parent) {
        // the path holds the new id, so it is written once the id is known
        long id = dsl.insertInto(ORGANIZATION)
                .set(unplaced(org))
                .set(ORGANIZATION.PARENT_ID, parent.id())
                .returningResult(ORGANIZATION.ID).fetchSingle().value1();
        String path = TreePath.child(parent.path(), id);
        dsl.update(ORGANIZATION).set(ORGANIZATION.PATH, path).set(ORGANIZATION.DEPTH, TreePath.depth(path))
                .where(ORGANIZATION.ID.eq(id)).execute();
        return id;
    }

    /**
     * Inserts many organisations in parent-first order: one batch of inserts, one query for the new ids,
     * one batch that sets parents and paths. {@code existingParents} holds parents already in the tree.
     */
    void insertAll(List<NewOrganization> parentsFirst, Map<String, StoredOrganization> existingParents) {
        dsl.batchInsert(parentsFirst.stream().map(OrganizationAdminRepository::unplaced).toList()).execute();
        Map<String, Long> ids = new HashMap<>();
        List<String> codes = parentsFirst.stream().map(NewOrganization::code).toList();
        for (List<String> chunk : InLists.chunks(codes)) {
            dsl.select(ORGANIZATION.CODE, ORGANIZATION.ID).from(ORGANIZATION)
                    .where(ORGANIZATION.CODE.in(chunk))
                    .forEach(r -> ids.put(r.value1(), r.value2()));
        }
        Map<String, String> paths = new HashMap<>();
        existingParents.forEach((code, parent) -> paths.put(code, parent.path()));
        var place = dsl.batch(dsl.update(ORGANIZATION)
                .set(ORGANIZATION.PARENT_ID, (Long) null).set(ORGANIZATION.PATH, (String) null)
                .set(ORGANIZATION.DEPTH, (Integer) null).where(ORGANIZATION.ID.eq((Long) null)));
        for (NewOrganization org : parentsFirst) {
            long id = ids.get(org.code());
            String path = TreePath.child(paths.get(org.parentCode()), id);
            paths.put(org.code(), path);
            Long parentId = existingParents.containsKey(org.parentCode())
                    ? existingParents.get(org.parentCode()).id() : ids.get(org.parentCode());
            place.bind(parentId, path, TreePath.depth(path), id);
        }
        place.execute();
    }

    /** Saves the changes if nobody else saved since {@code changes.version()}; false when someone did. */
    boolean update(long id, OrganizationChanges changes) {
        return dsl.update(ORGANIZATION)
                .set(ORGANIZATION.CODE, changes.code().strip())
                .set(ORGANIZATION.CATEGORY, changes.category() == null ? null : changes.category().name())
                .set(ORGANIZATION.REGIONAL_SYSTEM, changes.regionalSystem() == null ? null : changes.regionalSystem().name())
                .set(ORGANIZATION.NAME, changes.name().strip())
                .set(ORGANIZATION.SHORT_NAME, shortNameOr(changes.shortName(), changes.name()))
                .set(ORGANIZATION.SECRETARY_NAME, blankToNull(changes.secretaryName()))
                .set(ORGANIZATION.MEMBER_COUNT, changes.memberCount())
                .set(ORGANIZATION.CONTACT, blankToNull(changes.contact()))
                .set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
                .set(ORGANIZATION.UPDATED_AT, DSL.currentLocalDateTime())
                .where(ORGANIZATION.ID.eq(id).and(ORGANIZATION.VERSION.eq(changes.version())))
                .execute() == 1;
    }

    /** Re-hangs an organisation and rewrites the paths of its whole subtree in one statement. */
    boolean move(StoredOrganization org, StoredOrganization newParent, int expectedVersion) {
        boolean moved = dsl.update(ORGANIZATION)
                .set(ORGANIZATION.PARENT_ID, newParent.id())
                .set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
                .set(ORGANIZATION.UPDATED_AT, DSL.currentLocalDateTime())
                .where(ORGANIZATION.ID.eq(org.id()).and(ORGANIZATION.VERSION.eq(expectedVersion)))
                .execute() == 1;
        if (moved) {
            String newPath = TreePath.child(newParent.path(), org.id());
            int depthChange = TreePath.depth(newPath) - TreePath.depth(org.path());
            dsl.update(ORGANIZATION)
                    .set(ORGANIZATION.PATH, DSL.concat(DSL.val(newPath),
                            DSL.substring(ORGANIZATION.PATH, org.path().length() + 1)))
                    .set(ORGANIZATION.DEPTH, ORGANIZATION.DEPTH.plus(depthChange))
                    .where(ORGANIZATION.PATH.startsWith(org.path()))
                    .execute();
        }
        return moved;
    }

    boolean setActive(long id, boolean active, int expectedVersion) {
        return dsl.update(ORGANIZATION)
                .set(ORGANIZATION.ACTIVE, active)
                .set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
                .set(ORGANIZATION.UPDATED_AT, DSL.currentLocalDateTime())
                .where(ORGANIZATION.ID.eq(id).and(ORGANIZATION.VERSION.eq(expectedVersion)))
                .execute() == 1;
    }

    /** Whether the organisation has a result approved or in public notice, which would set its star again. */
    boolean hasPendingResult(long id) {
        return dsl.fetchExists(ASSESSMENT, ASSESSMENT.ORGANIZATION_ID.eq(id).and(ASSESSMENT.STATE.in("APPROVED", "IN_NOTICE")));
    }

    /**
     * Lowers an organisation's star if it still holds {@code fromStar}, with a REVOCATION history row;
     * false when its star changed meanwhile.
     */
    boolean revokeStar(long id, int fromStar, int toStar, String reason, long userId, LocalDateTime now, LocalDate today) {
        boolean changed = dsl.update(ORGANIZATION).set(ORGANIZATION.CURRENT_STAR, toStar).set(ORGANIZATION.STAR_EFFECTIVE_DATE, today)
                .set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1)).set(ORGANIZATION.UPDATED_AT, now)
                .where(ORGANIZATION.ID.eq(id).and(ORGANIZATION.CURRENT_STAR.eq(fromStar)))
                .execute() == 1;
        if (changed) {
            // an assessment under way measures promotion (逐级晋升) from the star it holds now
            dsl.update(ASSESSMENT).set(ASSESSMENT.STAR_AT_OPEN, DSL.least(ASSESSMENT.STAR_AT_OPEN, DSL.val(toStar)))
                    .where(ASSESSMENT.ORGANIZATION_ID.eq(id).and(ASSESSMENT.STATE.ne("FINAL")))
                    .and(ASSESSMENT.CYCLE_ID.in(DSL.select(ASSESSMENT_CYCLE.ID).from(ASSESSMENT_CYCLE)
                            .where(ASSESSMENT_CYCLE.STATUS.eq("OPEN"))))
                    .execute();
            dsl.insertInto(STAR_HISTORY).set(STAR_HISTORY.ORGANIZATION_ID, id).set(STAR_HISTORY.FROM_STAR, fromStar)
                    .set(STAR_HISTORY.TO_STAR, toStar).set(STAR_HISTORY.CHANGE_KIND, StarChangeKind.REVOCATION.name())
                    .set(STAR_HISTORY.REASON, reason).set(STAR_HISTORY.CHANGED_BY, userId).set(STAR_HISTORY.CHANGED_AT, now)
                    .execute();
        }
        return changed;
    }

    boolean hasActiveChildren(long id) {
        return dsl.fetchExists(ORGANIZATION, ORGANIZATION.PARENT_ID.eq(id).and(ORGANIZATION.ACTIVE.isTrue()));
    }

    /** The row for a new organisation, not yet placed in the tree (no parent, empty path). */
    private static OrganizationRecord unplaced(NewOrganization org) {
        OrganizationRecord record = new OrganizationRecord();
        record.setPath("");
        record.setDepth(0);
        record.setKind(org.kind().name());
        record.setCategory(org.category() == null ? null : org.category().name());
        record.setRegionalSystem(org.regionalSystem() == null ? null : org.regionalSystem().name());
        record.setCode(org.code().strip());
        record.setName(org.name().strip());
        record.setShortName(shortNameOr(org.shortName(), org.name()));
        record.setSecretaryName(blankToNull(org.secretaryName()));
        record.setMemberCount(org.memberCount());
        record.setContact(blankToNull(org.contact()));
        return record;
    }

    /** Without a short name, the full name is used (lists show the short one). */
    private static String shortNameOr(String shortName, String name) {
        String value = blankToNull(shortName);
        return value != null ? value : name.strip().substring(0, Math.min(name.strip().length(), NewOrganization.SHORT_NAME_MAX));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static StoredOrganization toStored(OrganizationRecord r) {
        return new StoredOrganization(r.getId(), r.getParentId(), r.getPath(), OrgKind.valueOf(r.getKind()), r.getCode(),
                r.getCategory() == null ? null : Category.valueOf(r.getCategory()),
                r.getRegionalSystem() == null ? null : RegionalSystem.valueOf(r.getRegionalSystem()),
                r.getName(), r.getShortName(), r.getSecretaryName(), r.getMemberCount(), r.getContact(),
                r.getActive(), r.getCurrentStar(), r.getVersion());
    }
}
