package cn.luohu.qpb.organization;

/** The six categories of assessed organisation; the category decides the standard it is measured against. */
public enum Category {
    COMMUNITY, NON_PUBLIC_ENTERPRISE, SOCIAL_ORGANIZATION, BUILDING_PARK, URBAN_VILLAGE, AGENCY
}
