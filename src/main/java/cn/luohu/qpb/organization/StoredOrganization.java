package cn.luohu.qpb.organization;

/** An organisation row as the admin service reads and audits it (before and after a change). */
record StoredOrganization(long id, Long parentId, String path, OrgKind kind, String code, Category category,
                          RegionalSystem regionalSystem, String name, String shortName, String secretaryName,
                          int memberCount, String contact, boolean active, int currentStar, int version) {
}
