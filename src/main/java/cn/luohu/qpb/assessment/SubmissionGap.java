package cn.luohu.qpb.assessment;

/** Something that keeps an assessment from being submitted; {@code indicatorCode} is null for the whole form. */
public record SubmissionGap(String key, String indicatorCode) {
}
