package cn.luohu.qpb.cycle;

/** A cycle is prepared (PLANNED), runs once opened (OPEN), and ends (CLOSED); it never goes back. */
public enum CycleStatus {
    PLANNED, OPEN, CLOSED
}
