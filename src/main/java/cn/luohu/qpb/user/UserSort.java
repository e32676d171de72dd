package cn.luohu.qpb.user;

/** A sort the user grid may ask for, mapped to SQL in the repository. */
public record UserSort(Column column, boolean ascending) {

    public enum Column { USERNAME, DISPLAY_NAME, ORGANIZATION, CREATED }
}
