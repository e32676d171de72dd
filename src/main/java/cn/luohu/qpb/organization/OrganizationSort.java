package cn.luohu.qpb.organization;

/** A sort the organisation grids may ask for, mapped to SQL in the repository. */
public record OrganizationSort(Column column, boolean ascending) {

    public enum Column { CODE, NAME, CATEGORY, STAR, MEMBERS }

    public static OrganizationSort byCode() {
        return new OrganizationSort(Column.CODE, true);
    }
}
