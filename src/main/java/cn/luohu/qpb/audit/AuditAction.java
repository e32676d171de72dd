package cn.luohu.qpb.audit;

/** What an audit event records. Later features add their own actions here. */
public enum AuditAction {
    LOGIN, LOGIN_FAILED, LOGOUT, ACCOUNT_LOCKED, PASSWORD_CHANGED, LANGUAGE_CHANGED,
    IMPORT_ORGANIZATIONS, IMPORT_USERS
}
