package cn.luohu.qpb.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An organisation to create (from the admin form or an import row), with the field rules that need no
 * database. Parent, duplicate-code and placement checks happen in {@code OrganizationAdminService}.
 */
public record NewOrganization(String code, String parentCode, OrgKind kind, Category category,
                              RegionalSystem regionalSystem, String name, String shortName,
                              String secretaryName, int memberCount, String contact) {

    public static final int CODE_MAX = 32;
    public static final int NAME_MAX = 200;
    public static final int SHORT_NAME_MAX = 100;
    public static final int SECRETARY_MAX = 100;
    public static final int CONTACT_MAX = 100;
    public static final int MEMBERS_MAX = 100_000;
    /** Letters, digits and hyphens: codes appear in URLs (/organisations/{code}) and usernames. */
    public static final Pattern CODE_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    /** Translation keys of every field problem, empty when the fields are fine. */
    public List<String> fieldProblems() {
        List<String> problems = new ArrayList<>();
        if (isBlank(code)) {
            problems.add("org.error.code-required");
        } else if (code.length() > CODE_MAX) {
            problems.add("org.error.code-too-long");
        } else if (!CODE_PATTERN.matcher(code).matches()) {
            problems.add("org.error.code-format");
        }
        if (kind == null) {
            problems.add("org.error.kind-required");
        } else if (kind.needsCategory() && category == null) {
            problems.add("org.error.category-required");
        } else if (!kind.needsCategory() && category != null) {
            problems.add("org.error.category-not-allowed");
        }
        if (isBlank(name)) {
            problems.add("org.error.name-required");
        } else if (name.length() > NAME_MAX) {
            problems.add("org.error.name-too-long");
        }
        if (shortName != null && shortName.length() > SHORT_NAME_MAX) {
            problems.add("org.error.short-name-too-long");
        }
        if (secretaryName != null && secretaryName.length() > SECRETARY_MAX) {
            problems.add("org.error.secretary-too-long");
        }
        if (contact != null && contact.length() > CONTACT_MAX) {
            problems.add("org.error.contact-too-long");
        }
        if (memberCount < 0 || memberCount > MEMBERS_MAX) {
            problems.add("org.error.members-range");
        }
        return problems;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
