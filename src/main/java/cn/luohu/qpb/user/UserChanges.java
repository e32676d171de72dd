package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An administrator's edit of an account. The username never changes (the audit trail is keyed by it).
 *
 * @param expectedVersion the version the editor was opened with: a stale edit is refused, not applied
 */
public record UserChanges(String displayName, long organizationId, Set<Role> roles, String phone, String email,
                          int expectedVersion) {

    /** Translation keys of every field problem, empty when the fields are fine. */
    public List<String> fieldProblems() {
        List<String> problems = new ArrayList<>();
        UserFields.displayName(displayName, problems);
        if (roles == null || roles.isEmpty()) {
            problems.add("user.error.roles-required");
        }
        UserFields.phone(phone, problems);
        UserFields.email(email, problems);
        return problems;
    }
}
