package cn.luohu.qpb.organization;

/** What a user typed and picked above an organisation grid; null or blank means "any". */
public record OrganizationFilter(String text, Category category, Integer star, Boolean active) {

    public static OrganizationFilter none() {
        return new OrganizationFilter(null, null, null, null);
    }
}
