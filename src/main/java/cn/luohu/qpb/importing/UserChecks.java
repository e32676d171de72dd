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
 * Checks the rows of a users file. Field rules are {@link NewUser#fieldProblems()}, where a role may belong
 * is {@link RolePlacement#allows}: called here, never restated. Organisations and existing usernames are
 * looked up set-based, never row by row.
 */
final class UserChecks {

    /** Roles in one cell: "支部书记、评审员", "SECRETARY,ADMIN", "a; b" (also full-width ，；). */
    static final Pattern ROLE_SEPARATORS = Pattern.compile("[、,;，；]");

    /** Which column each field-rule key of {@link NewUser#fieldProblems()} is about. */
    private static final Map<String, ImportColumn> FIELD_COLUMNS = Map.of(
            "user.error.username-", USER_USERNAME,
            "user.error.display-name-", USER_DISPLAY_NAME,
            "user.error.organization-", USER_ORG_CODE,
            "user.error.roles-", USER_ROLES,
            "user.error.phone-", USER_PHONE,
            "user.error.email-", USER_EMAIL);

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
                    cell.problem(USER_USERNAME, "user.error.username-taken", user.username());
                }
                int first = firstRowOfUsername.get(key);
                if (first != cell.number()) {
                    cell.problem(USER_USERNAME, "import.error.username-duplicate", user.username(), first);
                }
            }
            RolePlacement.combinationProblem(user.roles()).ifPresent(key -> cell.problem(USER_ROLES, key));
            if (!user.organizationCode().isEmpty()) {
                ExistingOrganization org = organizations.get(ImportRepository.key(user.organizationCode()));
                if (org == null) {
                    cell.problem(USER_ORG_CODE, "user.error.organization-unknown", user.organizationCode());
                } else if (!org.active()) {
                    cell.problem(USER_ORG_CODE, "user.error.organization-inactive", org.name());
                } else {
                    organizationNames.put(org.code(), org.name());
                    user = new NewUser(user.username(), user.displayName(), org.code(), user.roles(), user.phone(),
                            user.email()); // the stored spelling of the code
                    users.set(i, user);
                    for (Role role : user.roles()) {
                        if (!RolePlacement.allows(role, org.kind())) {
                            cell.problem(USER_ROLES, "user.error.placement." + role.name(), org.name());
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

    /** The user feature's field rules, each problem put in its column (once: a bad role is not also "no role"). */
    private static void fieldProblems(RowCells cell, NewUser user) {
        for (String key : user.fieldProblems()) {
            ImportColumn column = FIELD_COLUMNS.entrySet().stream().filter(entry -> key.startsWith(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (column == null || !cell.hasProblem(column)) {
                cell.problem(column, key);
            }
        }
    }
}
