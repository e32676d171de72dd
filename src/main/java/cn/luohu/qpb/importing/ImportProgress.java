package cn.luohu.qpb.importing;

/** Hears how far a dry run or an import has got; {@code total} is -1 when it is not known. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, done, total) -> {
    };

    void report(ImportPhase phase, int done, int total);
}
