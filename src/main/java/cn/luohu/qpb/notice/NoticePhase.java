package cn.luohu.qpb.notice;

/** Where a notice batch stands: within its period, ended (results waiting to take effect), or final. */
public enum NoticePhase {
    RUNNING, ENDED, FINALIZED
}
