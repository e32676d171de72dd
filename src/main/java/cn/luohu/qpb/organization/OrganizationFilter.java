package cn.luohu.qpb.organization;

/**
 * What a user typed and picked above an organisation grid; null or blank means "any".
 *
 * @param committeeId only organisations under this committee (the committee itself included)
 */
public record OrganizationFilter(String text, Category category, Integer star, Boolean active,
                                 OrgKind kind, Long committeeId) {

    public OrganizationFilter(String text, Category category, Integer star, Boolean active) {
        this(text, category, star, active, null, null);
    }

    public static OrganizationFilter none() {
        return new OrganizationFilter(null, null, null, null, null, null);
    }

    /** Whether anything narrows the list (the tree view then shows matches as a flat list). */
    public boolean isActive() {
        return (text != null && !text.isBlank()) || category != null || star != null || active != null
                || kind != null || committeeId != null;
    }
}
