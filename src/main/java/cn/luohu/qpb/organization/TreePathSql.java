package cn.luohu.qpb.organization;

import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@link TreePath} in SQL, for repositories of other features that read the tree set-wise (e.g. a cycle
 * that copies each organisation's committee into its assessment when it opens).
 */
public final class TreePathSql {

    private TreePathSql() {
    }

    /** The committee is the second element of the path ('/district/committee/...'). */
    public static Field<Long> committeeIdOf(Field<String> path) {
        return DSL.field("CAST(SUBSTRING_INDEX(SUBSTRING_INDEX({0}, '/', 3), '/', -1) AS UNSIGNED)",
                Long.class, path);
    }
}
