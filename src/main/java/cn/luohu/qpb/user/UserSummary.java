package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * One account as the admin grid and editor show it. Never carries the password hash.
 *
 * @param locked whether the account is locked at the moment it was read
 * @param lockedUntil UTC
 * @param version for optimistic locking: hand it back in {@link UserChanges}
 */
public record UserSummary(long id, String username, String displayName, long organizationId,
                          String organizationCode, String organizationName, Set<Role> roles, String phone,
                          String email, boolean enabled, boolean locked, LocalDateTime lockedUntil,
                          boolean mustChangePassword, LocalDateTime createdAt, int version) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
