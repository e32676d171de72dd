package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;

/**
 * What an administrator typed and picked above the user grid; null or blank means "any".
 *
 * @param organizationId users of this organisation and of every organisation below it
 * @param locked true: locked at this moment (by the portal's clock); false: not locked now
 */
public record UserFilter(String text, Role role, Long organizationId, Boolean enabled, Boolean locked) {

    public static UserFilter none() {
        return new UserFilter(null, null, null, null, null);
    }
}
