package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The field rules shared by the admin form, imports and the profile, at their boundaries. */
class NewUserTest {

    private static List<String> problems(String username, String displayName, String phone, String email) {
        return new NewUser(username, displayName, "CZ001", EnumSet.of(Role.SECRETARY), phone, email).fieldProblems();
    }

    @Test
    void usualChineseContactDetailsPass() {
        for (String phone : List.of("13800138000", "0755-82345678", "0755 8234 5678", "+86 138 0013 8000",
                "(0755)82345678", "0755-82345678-801")) {
            assertEquals(List.of(), problems("zhangsan", "张三", phone, null), phone);
        }
        for (String email : List.of("zhangsan@example.com", "zhang.san+qpb@luohu.gov.cn")) {
            assertEquals(List.of(), problems("zhang.san_01", "张三", null, email), email);
        }
        assertEquals(List.of(), problems("sec-cz001", "张三", "", " "));
    }

    @Test
    void limitsAreTheColumnSizes() {
        assertEquals(List.of(), problems("u".repeat(NewUser.USERNAME_MAX), "名".repeat(NewUser.DISPLAY_NAME_MAX),
                "1".repeat(NewUser.PHONE_MAX), "a".repeat(NewUser.EMAIL_MAX - 5) + "@x.cn"));
        assertEquals(List.of("user.error.username-too-long", "user.error.display-name-too-long",
                        "user.error.phone-too-long", "user.error.email-too-long"),
                problems("u".repeat(NewUser.USERNAME_MAX + 1), "名".repeat(NewUser.DISPLAY_NAME_MAX + 1),
                        "1".repeat(NewUser.PHONE_MAX + 1), "a".repeat(NewUser.EMAIL_MAX - 4) + "@x.cn"));
    }

    @Test
    void everyMissingOrMalformedFieldIsNamed() {
        assertEquals(List.of("user.error.username-required", "user.error.display-name-required",
                        "user.error.organization-required", "user.error.roles-required"),
                new NewUser(null, null, null, null, null, null).fieldProblems());
        assertEquals(List.of("user.error.username-format", "user.error.phone-format", "user.error.email-format"),
                problems("-leading", "张三", "138-", "two@@example.com"));
        assertEquals(List.of("user.error.username-format"), problems("张三", "张三", null, null));
    }
}
