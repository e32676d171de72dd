package cn.luohu.qpb.importing;

import cn.luohu.qpb.organization.NewOrganization;
import cn.luohu.qpb.user.NewUser;

import java.util.List;
import java.util.Map;

/**
 * The rows of a file after the checks, and what they become: organisations or users (one per row, in row
 * order; meaningful only when no row has a problem), and for users the names of their organisations.
 */
record CheckedRows(List<PreviewRow> rows, List<NewOrganization> organizations, List<NewUser> users,
                   Map<String, String> organizationNames) {

    boolean clean() {
        return rows.stream().noneMatch(PreviewRow::hasProblems);
    }
}
