package cn.luohu.qpb.base.security;

/** The portal's roles (DOMAIN.md "People and roles"). Spring Security sees them as ROLE_xxx. */
public enum Role {
    SECRETARY, REVIEWER, APPROVER, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
