package cn.luohu.qpb.user;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The field rules shared by the admin form, imports and the self-service profile, so each is stated once.
 * Problems are translation keys; limits follow the app_user table.
 */
final class UserFields {

    /** Letters, digits, dot, underscore and hyphen (pinyin names, codes like sec-cz001); no spaces. */
    static final Pattern USERNAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Mobile (13800138000), landline with area code (0755-82345678), extensions and +86 forms. */
    static final Pattern PHONE_PATTERN = Pattern.compile("\\+?[0-9(][0-9 ()-]*[0-9]");
    /** Deliberately loose: one @, a dot in the domain, no spaces. The mail server is the real check. */
    static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private UserFields() {
    }

    static void username(String username, List<String> problems) {
        if (isBlank(username)) {
            problems.add("user.error.username-required");
        } else if (username.length() > NewUser.USERNAME_MAX) {
            problems.add("user.error.username-too-long");
        } else if (!USERNAME_PATTERN.matcher(username).matches()) {
            problems.add("user.error.username-format");
        }
    }

    static void displayName(String displayName, List<String> problems) {
        if (isBlank(displayName)) {
            problems.add("user.error.display-name-required");
        } else if (displayName.strip().length() > NewUser.DISPLAY_NAME_MAX) {
            problems.add("user.error.display-name-too-long");
        }
    }

    static void phone(String phone, List<String> problems) {
        if (isBlank(phone)) {
            return;
        }
        String value = phone.strip();
        if (value.length() > NewUser.PHONE_MAX) {
            problems.add("user.error.phone-too-long");
        } else if (!PHONE_PATTERN.matcher(value).matches()) {
            problems.add("user.error.phone-format");
        }
    }

    static void email(String email, List<String> problems) {
        if (isBlank(email)) {
            return;
        }
        String value = email.strip();
        if (value.length() > NewUser.EMAIL_MAX) {
            problems.add("user.error.email-too-long");
        } else if (!EMAIL_PATTERN.matcher(value).matches()) {
            problems.add("user.error.email-format");
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Trimmed, or null when blank: optional columns store NULL, never an empty string. */
    static String clean(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
