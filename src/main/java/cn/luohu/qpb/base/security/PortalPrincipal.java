package cn.luohu.qpb.base.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Set;

/** The logged-in user as Spring Security holds it: who, which roles, which organisation is the scope. */
public class PortalPrincipal extends User {

    private final long userId;
    private final long organizationId;
    private final Set<Role> roles;

    public PortalPrincipal(long userId, String username, String passwordHash, boolean enabled,
                           boolean accountNonLocked, long organizationId, Set<Role> roles) {
        super(username, passwordHash, enabled, true, true, accountNonLocked,
                roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.userId = userId;
        this.organizationId = organizationId;
        this.roles = Set.copyOf(roles);
    }

    public long userId() {
        return userId;
    }

    public long organizationId() {
        return organizationId;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other); // by username, as User does
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
