package cn.luohu.qpb.base.security;

/**
 * Who may call a service method, as {@code @PreAuthorize} expressions. Spring's own annotations are
 * used on services (not jakarta's {@code @RolesAllowed}, which views carry for Vaadin) so that method
 * security proxies services only, never Vaadin views.
 */
public final class Access {

    public static final String LOGGED_IN = "isAuthenticated()";
    public static final String SECRETARY = "hasRole('SECRETARY')";
    public static final String REVIEWER = "hasRole('REVIEWER')";
    public static final String ANY_ROLE = "hasAnyRole('SECRETARY', 'REVIEWER', 'APPROVER', 'ADMIN')";
    public static final String REVIEWER_OR_STAFF = "hasAnyRole('REVIEWER', 'APPROVER', 'ADMIN')";
    public static final String STAFF = "hasAnyRole('APPROVER', 'ADMIN')";
    public static final String APPROVER = "hasRole('APPROVER')";
    public static final String ADMIN = "hasRole('ADMIN')";

    private Access() {
    }
}
