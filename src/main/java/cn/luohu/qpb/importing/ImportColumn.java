package cn.luohu.qpb.importing;

/**
 * The columns of the two kinds of file. A header is recognised by its Chinese or English title (the
 * translations of {@link #titleKey()}) or by its {@link #alias()}; case, spaces, underscores, hyphens and
 * a trailing "*" do not matter. Required columns must be present in the file (a value may still be blank
 * where the field rules allow it).
 */
public enum ImportColumn {
    ORG_CODE(ImportKind.ORGANIZATIONS, "code", true),
    ORG_PARENT_CODE(ImportKind.ORGANIZATIONS, "parent_code", true),
    ORG_KIND(ImportKind.ORGANIZATIONS, "kind", true),
    ORG_CATEGORY(ImportKind.ORGANIZATIONS, "category", true),
    ORG_REGIONAL_SYSTEM(ImportKind.ORGANIZATIONS, "regional_system", false),
    ORG_NAME(ImportKind.ORGANIZATIONS, "name", true),
    ORG_SHORT_NAME(ImportKind.ORGANIZATIONS, "short_name", false),
    ORG_SECRETARY(ImportKind.ORGANIZATIONS, "secretary", false),
    ORG_MEMBERS(ImportKind.ORGANIZATIONS, "member_count", false),
    ORG_CONTACT(ImportKind.ORGANIZATIONS, "contact", false),

    USER_USERNAME(ImportKind.USERS, "username", true),
    USER_DISPLAY_NAME(ImportKind.USERS, "display_name", true),
    USER_ORG_CODE(ImportKind.USERS, "organization_code", true),
    USER_ROLES(ImportKind.USERS, "roles", true),
    USER_PHONE(ImportKind.USERS, "phone", false),
    USER_EMAIL(ImportKind.USERS, "email", false);

    private final ImportKind kind;
    private final String alias;
    private final boolean required;

    ImportColumn(ImportKind kind, String alias, boolean required) {
        this.kind = kind;
        this.alias = alias;
        this.required = required;
    }

    public ImportKind kind() {
        return kind;
    }

    /** A language-neutral header that is always accepted, e.g. "parent_code". */
    public String alias() {
        return alias;
    }

    public boolean required() {
        return required;
    }

    /** The translation key of the column's title (the header in the template). */
    public String titleKey() {
        return "import.column." + alias;
    }

    /** The translation key of the column's explanation on the template's instructions sheet. */
    public String hintKey() {
        return "import.column." + alias + ".hint";
    }
}
