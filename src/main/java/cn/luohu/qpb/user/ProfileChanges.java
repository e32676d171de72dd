package cn.luohu.qpb.user;

import cn.luohu.qpb.base.i18n.Language;

import java.util.ArrayList;
import java.util.List;

/** What every user may change about themselves. */
public record ProfileChanges(String displayName, String phone, String email, Language language,
                             int expectedVersion) {

    /** Translation keys of every field problem, empty when the fields are fine. */
    public List<String> fieldProblems() {
        List<String> problems = new ArrayList<>();
        UserFields.displayName(displayName, problems);
        UserFields.phone(phone, problems);
        UserFields.email(email, problems);
        if (language == null) {
            problems.add("user.error.language-required");
        }
        return problems;
    }
}
