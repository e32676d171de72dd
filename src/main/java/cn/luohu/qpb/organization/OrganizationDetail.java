package cn.luohu.qpb.organization;

import java.util.List;

/** Everything the detail page shows about one organisation. */
public record OrganizationDetail(OrganizationSummary organization, String parentName, String parentCode,
                                 List<StarHistoryEntry> history, List<UserOfOrganization> users) {
}
