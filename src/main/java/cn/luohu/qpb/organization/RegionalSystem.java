package cn.luohu.qpb.organization;

/** The three regional party-building systems (区域化党建体系) used for reporting. */
public enum RegionalSystem {
    COMMUNITY, BUILDING_PARK_INDUSTRY, URBAN_VILLAGE
}
