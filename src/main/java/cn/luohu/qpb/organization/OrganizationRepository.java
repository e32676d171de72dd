package cn.luohu.qpb.organization;

import cn.luohu.qpb.jooq.tables.AppUser;
import cn.luohu.qpb.jooq.tables.Organization;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STAR_HISTORY;

@Repository
class OrganizationRepository {

    private static final Organization O = ORGANIZATION.as("o");
    private static final Organization C = ORGANIZATION.as("c");
    private static final List<String> ASSESSED_KINDS = List.of(
            OrgKind.COMMUNITY_COMMITTEE.name(), OrgKind.BRANCH.name());

    private final DSLContext dsl;

    OrganizationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The committee is the second element of the path ('/district/committee/...'). */
    static Field<Long> committeeIdOf(Field<String> path) {
        return TreePathSql.committeeIdOf(path);
    }

    /** The scope as a SQL condition on an organisation table: a subtree is one range scan of the path index. */
    static Condition visibleIn(Scope scope, Organization org) {
        if (scope.everything()) {
            return DSL.trueCondition();
        }
        if (scope.pathPrefix() != null) {
            return org.PATH.startsWith(scope.pathPrefix());
        }
        if (scope.organizationId() != null) {
            return org.ID.eq(scope.organizationId());
        }
        return DSL.falseCondition();
    }

    Optional<OrgRef> organizationOfUser(long userId) {
        AppUser u = APP_USER.as("u");
        return dsl.select(O.ID, O.PATH)
                .from(u).join(O).on(O.ID.eq(u.ORGANIZATION_ID))
                .where(u.ID.eq(userId))
                .fetchOptional(r -> new OrgRef(r.value1(), r.value2()));
    }

    Optional<OrganizationSummary> find(long id, Scope scope) {
        return selectSummary().where(O.ID.eq(id).and(visibleIn(scope, O)))
                .fetchOptional(OrganizationRepository::toSummary);
    }

    List<OrganizationSummary> findByCodes(Collection<String> codes, Scope scope) {
        return selectSummary().where(O.CODE.in(codes).and(visibleIn(scope, O)))
                .fetch(OrganizationRepository::toSummary);
    }

    Optional<OrgRef> ref(long id) {
        return dsl.select(ORGANIZATION.ID, ORGANIZATION.PATH).from(ORGANIZATION).where(ORGANIZATION.ID.eq(id))
                .fetchOptional(r -> new OrgRef(r.value1(), r.value2()));
    }

    List<OrganizationSummary> find(OrganizationFilter filter, Scope scope, int offset, int limit,
                                   List<OrganizationSort> sorts) {
        return selectSummary()
                .where(visibleIn(scope, O).and(matches(filter)))
                .orderBy(orderBy(sorts))
                .offset(offset).limit(limit)
                .fetch(OrganizationRepository::toSummary);
    }

    int count(OrganizationFilter filter, Scope scope) {
        return dsl.fetchCount(O, visibleIn(scope, O).and(matches(filter)));
    }

    List<OrganizationSummary> subtree(String path, Scope scope) {
        return selectSummary()
                .where(O.PATH.startsWith(path).and(visibleIn(scope, O)))
                .orderBy(O.PATH)
                .fetch(OrganizationRepository::toSummary);
    }

    Optional<OrganizationSummary> findByCode(String code, Scope scope) {
        return selectSummary().where(O.CODE.eq(code).and(visibleIn(scope, O)))
                .fetchOptional(OrganizationRepository::toSummary);
    }

    /** The organisations directly below a parent; without a parent, the top of what the scope shows. */
    List<OrganizationNode> children(Long parentId, Scope scope, int offset, int limit) {
        Condition level;
        if (parentId != null) {
            level = O.PARENT_ID.eq(parentId);
        } else if (scope.everything()) {
            level = O.PARENT_ID.isNull();
        } else if (scope.pathPrefix() != null) {
            level = O.PATH.eq(scope.pathPrefix());
        } else {
            level = scope.organizationId() == null ? DSL.falseCondition() : O.ID.eq(scope.organizationId());
        }
        List<OrganizationSummary> page = selectSummary().where(level.and(visibleIn(scope, O)))
                .orderBy(O.CODE).offset(offset).limit(limit)
                .fetch(OrganizationRepository::toSummary);
        return withChildCounts(page);
    }

    int countChildren(Long parentId, Scope scope) {
        Condition level = parentId != null ? O.PARENT_ID.eq(parentId)
                : scope.everything() ? O.PARENT_ID.isNull()
                : scope.pathPrefix() != null ? O.PATH.eq(scope.pathPrefix()) : DSL.falseCondition();
        return dsl.fetchCount(O, level.and(visibleIn(scope, O)));
    }

    /** The page's organisations with their number of children, counted in one grouped query. */
    List<OrganizationNode> withChildCounts(List<OrganizationSummary> page) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!page.isEmpty()) {
            dsl.select(ORGANIZATION.PARENT_ID, DSL.count()).from(ORGANIZATION)
                    .where(ORGANIZATION.PARENT_ID.in(page.stream().map(OrganizationSummary::id).toList()))
                    .groupBy(ORGANIZATION.PARENT_ID)
                    .forEach(r -> counts.put(r.value1(), r.value2()));
        }
        return page.stream().map(o -> new OrganizationNode(o, counts.getOrDefault(o.id(), 0))).toList();
    }

    Optional<OrganizationSummary> parentOf(long id) {
        Organization parent = ORGANIZATION.as("p");
        return selectSummary().join(parent).on(parent.PARENT_ID.isNotNull().and(parent.ID.eq(id)).and(O.ID.eq(parent.PARENT_ID)))
                .fetchOptional(OrganizationRepository::toSummary);
    }

    List<UserOfOrganization> users(long organizationId) {
        Map<Long, List<String>> roles = new HashMap<>();
        dsl.select(APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE)
                .from(APP_USER_ROLE).join(APP_USER).on(APP_USER.ID.eq(APP_USER_ROLE.USER_ID))
                .where(APP_USER.ORGANIZATION_ID.eq(organizationId))
                .orderBy(APP_USER_ROLE.ROLE)
                .forEach(r -> roles.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2()));
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.ENABLED)
                .from(APP_USER)
                .where(APP_USER.ORGANIZATION_ID.eq(organizationId))
                .orderBy(APP_USER.USERNAME)
                .fetch(r -> new UserOfOrganization(r.value2(), r.value3(), roles.getOrDefault(r.value1(), List.of()), r.value4()));
    }

    List<OrganizationSummary> committees(Scope scope) {
        return selectSummary().where(O.KIND.eq(OrgKind.COMMITTEE.name()).and(visibleIn(scope, O)))
                .orderBy(O.CODE).fetch(OrganizationRepository::toSummary);
    }

    List<StarHistoryEntry> starHistory(long organizationId) {
        return dsl.select(STAR_HISTORY.FROM_STAR, STAR_HISTORY.TO_STAR, STAR_HISTORY.CHANGE_KIND,
                        STAR_HISTORY.REASON, APP_USER.DISPLAY_NAME, STAR_HISTORY.CHANGED_AT)
                .from(STAR_HISTORY).leftJoin(APP_USER).on(APP_USER.ID.eq(STAR_HISTORY.CHANGED_BY))
                .where(STAR_HISTORY.ORGANIZATION_ID.eq(organizationId))
                .orderBy(STAR_HISTORY.CHANGED_AT.desc(), STAR_HISTORY.ID.desc())
                .fetch(r -> new StarHistoryEntry(r.value1(), r.value2(), StarChangeKind.valueOf(r.value3()),
                        r.value4(), r.value5(), r.value6()));
    }

    /** Active assessed organisations per committee and star, every active committee listed. */
    List<CommitteeStarCounts> starCountsByCommittee() {
        Map<Long, String> committees = new LinkedHashMap<>();
        dsl.select(ORGANIZATION.ID, ORGANIZATION.SHORT_NAME).from(ORGANIZATION)
                .where(ORGANIZATION.KIND.eq(OrgKind.COMMITTEE.name()).and(ORGANIZATION.ACTIVE.isTrue()))
                .orderBy(ORGANIZATION.CODE)
                .forEach(r -> committees.put(r.value1(), r.value2()));
        Map<Long, Integer[]> counts = new LinkedHashMap<>();
        committees.keySet().forEach(id -> counts.put(id, new Integer[]{0, 0, 0, 0, 0, 0}));
        Field<Long> committee = committeeIdOf(O.PATH);
        dsl.select(committee, O.CURRENT_STAR, DSL.count())
                .from(O)
                .where(O.ACTIVE.isTrue().and(O.KIND.in(ASSESSED_KINDS)))
                .groupBy(committee, O.CURRENT_STAR)
                .forEach(r -> {
                    Integer[] row = counts.get(r.value1());
                    if (row != null) {
                        row[r.value2()] = r.value3();
                    }
                });
        List<CommitteeStarCounts> result = new ArrayList<>();
        committees.forEach((id, name) -> result.add(new CommitteeStarCounts(id, name, List.of(counts.get(id)))));
        return result;
    }

    Map<OrgKind, Integer> countByKind() {
        Map<OrgKind, Integer> result = new EnumMap<>(OrgKind.class);
        for (OrgKind kind : OrgKind.values()) {
            result.put(kind, 0);
        }
        dsl.select(ORGANIZATION.KIND, DSL.count()).from(ORGANIZATION)
                .where(ORGANIZATION.ACTIVE.isTrue())
                .groupBy(ORGANIZATION.KIND)
                .forEach(r -> result.put(OrgKind.valueOf(r.value1()), r.value2()));
        return result;
    }

    private SelectOnConditionStep<? extends Record> selectSummary() {
        return dsl.select(O.ID, O.CODE, O.NAME, O.SHORT_NAME, O.KIND, O.CATEGORY, O.REGIONAL_SYSTEM,
                        O.SECRETARY_NAME, O.MEMBER_COUNT, O.CONTACT, O.ACTIVE, O.CURRENT_STAR,
                        O.STAR_EFFECTIVE_DATE, C.ID, C.SHORT_NAME)
                .from(O).leftJoin(C).on(C.ID.eq(committeeIdOf(O.PATH)));
    }

    private static Condition matches(OrganizationFilter filter) {
        Condition condition = DSL.trueCondition();
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip();
            // contains()/startsWith() escape LIKE wildcards in what the user typed
            condition = condition.and(O.NAME.contains(text).or(O.SHORT_NAME.contains(text))
                    .or(O.CODE.startsWith(text)).or(O.SECRETARY_NAME.eq(text)));
        }
        if (filter.category() != null) {
            condition = condition.and(O.CATEGORY.eq(filter.category().name()));
        }
        if (filter.star() != null) {
            condition = condition.and(O.CURRENT_STAR.eq(filter.star()));
        }
        if (filter.active() != null) {
            condition = condition.and(O.ACTIVE.eq(filter.active()));
        }
        if (filter.kind() != null) {
            condition = condition.and(O.KIND.eq(filter.kind().name()));
        }
        if (filter.committeeId() != null) {
            condition = condition.and(O.PATH.startsWith(DSL.select(ORGANIZATION.PATH).from(ORGANIZATION)
                    .where(ORGANIZATION.ID.eq(filter.committeeId())).asField()));
        }
        return condition;
    }

    private static List<OrderField<?>> orderBy(List<OrganizationSort> sorts) {
        List<OrderField<?>> fields = new ArrayList<>();
        for (OrganizationSort sort : sorts) {
            Field<?> field = switch (sort.column()) {
                case CODE -> O.CODE;
                case NAME -> O.NAME;
                case CATEGORY -> O.CATEGORY;
                case STAR -> O.CURRENT_STAR;
                case MEMBERS -> O.MEMBER_COUNT;
            };
            fields.add(sort.ascending() ? field.asc() : field.desc());
        }
        fields.add(O.CODE.asc()); // a stable order for paging
        return fields;
    }

    private static OrganizationSummary toSummary(Record r) {
        String category = r.get(O.CATEGORY);
        String region = r.get(O.REGIONAL_SYSTEM);
        return new OrganizationSummary(r.get(O.ID), r.get(O.CODE), r.get(O.NAME), r.get(O.SHORT_NAME),
                OrgKind.valueOf(r.get(O.KIND)),
                category == null ? null : Category.valueOf(category),
                region == null ? null : RegionalSystem.valueOf(region),
                r.get(O.SECRETARY_NAME), r.get(O.MEMBER_COUNT), r.get(O.CONTACT), r.get(O.ACTIVE),
                r.get(O.CURRENT_STAR), r.get(O.STAR_EFFECTIVE_DATE), r.get(C.ID), r.get(C.SHORT_NAME));
    }

    record OrgRef(long id, String path) {
    }
}
