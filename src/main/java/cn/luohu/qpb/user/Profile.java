package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;

import java.util.Set;

/** The caller's own account as the profile page shows it. */
public record Profile(String username, String displayName, String phone, String email, String preferredLanguage,
                      String organizationName, Set<Role> roles, int version) {
}
