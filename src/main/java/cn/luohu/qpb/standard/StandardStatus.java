package cn.luohu.qpb.standard;

/** A standard is edited as a DRAFT, frozen when PUBLISHED, and RETIRED when no new cycle should use it. */
public enum StandardStatus {
    DRAFT, PUBLISHED, RETIRED
}
