package cn.luohu.qpb.cycle;

/** Hears how many of the organisations have their assessment while a cycle opens. */
@FunctionalInterface
public interface OpenProgress {

    OpenProgress NONE = (done, total) -> {
    };

    void report(int done, int total);
}
