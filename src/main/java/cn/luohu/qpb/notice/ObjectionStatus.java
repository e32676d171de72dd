package cn.luohu.qpb.notice;

/** An objection (异议) is open until district staff uphold it (the decision is reopened) or dismiss it. */
public enum ObjectionStatus {
    OPEN, UPHELD, DISMISSED
}
