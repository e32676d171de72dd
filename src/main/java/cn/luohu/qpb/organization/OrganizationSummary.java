package cn.luohu.qpb.organization;

import java.time.LocalDate;

/** One organisation as lists and cards show it, with the committee it belongs to. */
public record OrganizationSummary(
        long id,
        String code,
        String name,
        String shortName,
        OrgKind kind,
        Category category,
        RegionalSystem regionalSystem,
        String secretaryName,
        int memberCount,
        String contact,
        boolean active,
        int currentStar,
        LocalDate starEffectiveDate,
        Long committeeId,
        String committeeShortName) {
}
