package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An account to create (from the admin form or an import row). It gets a one-time password and must
 * change it at the first login. Field limits follow the app_user table. Organisation, duplicate-username
 * and role-placement checks need the database and happen in {@link UserAdminService}.
 */
public record NewUser(String username, String displayName, String organizationCode, Set<Role> roles,
                      String phone, String email) {

    public static final int USERNAME_MAX = 64;
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int PHONE_MAX = 32;
    public static final int EMAIL_MAX = 254;

    /** Translation keys of every field problem, empty when the fields are fine. */
    public List<String> fieldProblems() {
        List<String> problems = new ArrayList<>();
        UserFields.username(username, problems);
        UserFields.displayName(displayName, problems);
        if (UserFields.isBlank(organizationCode)) {
            problems.add("user.error.organization-required");
        }
        if (roles == null || roles.isEmpty()) {
            problems.add("user.error.roles-required");
        }
        UserFields.phone(phone, problems);
        UserFields.email(email, problems);
        return problems;
    }
}
