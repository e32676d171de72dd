package cn.luohu.qpb.base.security;

/** The portal's roles (DOMAIN.md "People and roles"). Spring Security sees them as ROLE_xxx. */
public enum Role {
    SECRETARY, REVIEWER, APPROVER, ADMIN;

    /** The names, for {@code @RolesAllowed} on views. */
    public static final class Names {
        public static final String SECRETARY = "SECRETARY";
        public static final String REVIEWER = "REVIEWER";
        public static final String APPROVER = "APPROVER";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
