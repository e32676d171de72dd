package cn.luohu.qpb.cycle;

/** What opening a cycle made. */
public record OpenResult(int assessments, int items, int events) {
}
