package cn.luohu.qpb.importing;

/** The stages of an import, for the progress bar. */
public enum ImportPhase {
    READING, CHECKING, SAVING
}
