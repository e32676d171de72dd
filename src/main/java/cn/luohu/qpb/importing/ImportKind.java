package cn.luohu.qpb.importing;

import java.util.Arrays;
import java.util.List;

/** What a file holds: organisations or user accounts. Each kind has its own columns. */
public enum ImportKind {
    ORGANIZATIONS, USERS;

    /** The columns of this kind of file, in template order. */
    public List<ImportColumn> columns() {
        return Arrays.stream(ImportColumn.values()).filter(column -> column.kind() == this).toList();
    }
}
