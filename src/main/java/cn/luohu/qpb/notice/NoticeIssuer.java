package cn.luohu.qpb.notice;

/**
 * Who issues the public notices and how to reach them about an objection, as configured
 * ({@code qpb.notice.issuer}, {@code qpb.notice.contact}); blank where the portal's translated default applies.
 */
public record NoticeIssuer(String issuer, String contact) {
}
