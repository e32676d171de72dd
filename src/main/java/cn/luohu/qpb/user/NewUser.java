package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;

import java.util.Set;

/**
 * An account to create (from the admin form or an import row). It gets a one-time password and must
 * change it at the first login. Field limits follow the app_user table.
 */
public record NewUser(String username, String displayName, String organizationCode, Set<Role> roles,
                      String phone, String email) {

    public static final int USERNAME_MAX = 64;
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int PHONE_MAX = 32;
    public static final int EMAIL_MAX = 254;
}
