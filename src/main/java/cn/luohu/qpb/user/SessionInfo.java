package cn.luohu.qpb.user;

/** What the shell needs about the logged-in user, loaded once per session. */
public record SessionInfo(String displayName, String organizationName, String preferredLanguage,
                          boolean mustChangePassword) {
}
