package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;

import java.util.Map;

/** Account figures for the administrator's home view. */
public record UserCounts(int total, int disabled, int locked, int mustChangePassword, Map<Role, Integer> byRole) {
}
