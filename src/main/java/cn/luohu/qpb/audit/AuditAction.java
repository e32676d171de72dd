package cn.luohu.qpb.audit;

/** What an audit event records. Later features add their own actions here. */
public enum AuditAction {
    LOGIN, LOGIN_FAILED, LOGOUT, ACCOUNT_LOCKED, PASSWORD_CHANGED, LANGUAGE_CHANGED,
    // the organisation tree
    ORGANIZATION_CREATED, ORGANIZATIONS_CREATED, ORGANIZATION_UPDATED, ORGANIZATION_MOVED,
    ORGANIZATION_DEACTIVATED, ORGANIZATION_REACTIVATED,
    // user administration and the self-service profile
    USER_CREATED, USER_UPDATED, USER_DISABLED, USER_ENABLED, USER_UNLOCKED, PASSWORD_RESET, PROFILE_UPDATED,
    // bulk import
    IMPORT_ORGANIZATIONS, IMPORT_USERS
}
