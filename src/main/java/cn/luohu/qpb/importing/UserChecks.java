package cn.luohu.qpb.importing;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.importing.ImportRepository.ExistingOrganization;
import cn.luohu.qpb.user.NewUser;
import cn.luohu.qpb.user.RolePlacement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static cn.luohu.qpb.importing.ImportColumn.USER_DISPLAY_NAME;
import static cn.luohu.qpb.importing.ImportColumn.USER_EMAIL;
import static cn.luohu.qpb.importing.ImportColumn.USER_ORG_CODE;
import static cn.luohu.qpb.importing.ImportColumn.USER_PHONE;
import static cn.luohu.qpb.importing.ImportColumn.USER_ROLES;
import static cn.luohu.qpb.importing.ImportColumn.USER_USERNAME;

/**
 * Checks the rows of a users file. Where a role may belong is {@link RolePlacement#allows}: called here,
 * never restated. Organisations and existing usernames are looked up set-based, never row by row.
 */
final class UserChecks {

    /** Roles in one cell: "支部书记、评审员", "SECRETARY,ADMIN", "a; b" (also full-width ，；). */
    static final Pattern ROLE_SEPARATORS = Pattern.compile("[、,;，；]");

    private final ImportVocabulary vocabulary;
    private final ImportRepository repository;

    UserChecks(ImportVocabulary vocabulary, ImportRepository repository) {
        this.vocabulary = vocabulary;
        this.repository = repository;
    }

    CheckedRows check(RawSheet sheet, Map<ImportColumn, Integer> index, ImportProgress progress) {
        int total = sheet.rows().size();
        List<RowCells> cells = new ArrayList<>(total);
        List<NewUser> users = new ArrayList<>(total);
        Map<String, Integer> firstRowOfUsername = new HashMap<>();
        List<String> orgCodes = new ArrayList<>();
        for (RawSheet.Row row : sheet.rows()) {
            RowCells cell = new RowCells(ImportKind.USERS, row, index);
            NewUser user = fields(cell);
            cells.add(cell);
            users.add(user);
            if (!user.username().isEmpty()) {
                firstRowOfUsername.putIfAbsent(ImportRepository.key(user.username()), row.number());
            }
            orgCodes.add(user.organizationCode());
        }
        Map<String, ExistingOrganization> organizations = repository.organizations(orgCodes);
        java.util.Set<String> takenUsernames = repository.existingUsernames(firstRowOfUsername.keySet());
        Map<String, String> organizationNames = new HashMap<>();
        for (int i = 0; i < total; i++) {
            RowCells cell = cells.get(i);
            NewUser user = users.get(i);
            if (!user.username().isEmpty()) {
                String key = ImportRepository.key(user.username());
                if (takenUsernames.contains(key)) {
                    cell.problem(USER_USERNAME, "import.error.username-exists", user.username());
                }
                int first = firstRowOfUsername.get(key);
                if (first != cell.number()) {
                    cell.problem(USER_USERNAME, "import.error.username-duplicate", user.username(), first);
                }
            }
            if (!user.organizationCode().isEmpty()) {
                ExistingOrganization org = organizations.get(ImportRepository.key(user.organizationCode()));
                if (org == null) {
                    cell.problem(USER_ORG_CODE, "import.error.organization-unknown", user.organizationCode());
                } else {
                    organizationNames.put(org.code(), org.name());
                    user = new NewUser(user.username(), user.displayName(), org.code(), user.roles(), user.phone(),
                            user.email()); // the stored spelling of the code
                    users.set(i, user);
                    for (Role role : user.roles()) {
                        if (!RolePlacement.allows(role, org.kind())) {
                            cell.problem(USER_ROLES, "import.error.role-not-allowed", role, org.kind());
                        }
                    }
                }
            }
            if ((i + 1) % 1_000 == 0) {
                progress.report(ImportPhase.CHECKING, i + 1, total);
            }
        }
        progress.report(ImportPhase.CHECKING, total, total);
        return new CheckedRows(cells.stream().map(RowCells::toPreview).toList(), List.of(), users,
                organizationNames);
    }

    private NewUser fields(RowCells cell) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : ROLE_SEPARATORS.split(cell.get(USER_ROLES))) {
            if (!name.isBlank()) {
                vocabulary.role(name).ifPresentOrElse(roles::add,
                        () -> cell.problem(USER_ROLES, "import.error.bad-role", name.strip()));
            }
        }
        NewUser user = new NewUser(cell.get(USER_USERNAME), cell.get(USER_DISPLAY_NAME), cell.get(USER_ORG_CODE),
                roles, cell.orNull(USER_PHONE), cell.orNull(USER_EMAIL));
        fieldProblems(cell, user);
        return user;
    }

    /**
     * Minimal field checks until {@code NewUser.fieldProblems()} (the user feature's rules) exists: present
     * and within the table's lengths ({@link NewUser}'s limits). Replace with a call when it lands.
     */
    private static void fieldProblems(RowCells cell, NewUser user) {
        required(cell, USER_USERNAME, user.username(), NewUser.USERNAME_MAX);
        required(cell, USER_DISPLAY_NAME, user.displayName(), NewUser.DISPLAY_NAME_MAX);
        required(cell, USER_ORG_CODE, user.organizationCode(), Integer.MAX_VALUE);
        if (user.roles().isEmpty() && !cell.hasProblem(USER_ROLES)) {
            cell.problem(USER_ROLES, "import.error.required");
        }
        optional(cell, USER_PHONE, user.phone(), NewUser.PHONE_MAX);
        optional(cell, USER_EMAIL, user.email(), NewUser.EMAIL_MAX);
    }

    private static void required(RowCells cell, ImportColumn column, String value, int max) {
        if (value.isEmpty()) {
            cell.problem(column, "import.error.required");
        } else {
            optional(cell, column, value, max);
        }
    }

    private static void optional(RowCells cell, ImportColumn column, String value, int max) {
        if (value != null && value.length() > max) {
            cell.problem(column, "import.error.too-long", max, value.length());
        }
    }
}
