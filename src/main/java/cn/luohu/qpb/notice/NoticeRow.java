package cn.luohu.qpb.notice;

import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.StarChangeKind;

/**
 * One line of a public notice (公示): an organisation, its committee, the star it held when the cycle
 * opened and the star approved for it, and how many objections against it are still open.
 */
public record NoticeRow(long assessmentId, String organizationCode, String organizationName, String committeeName,
                        Category category, int oldStar, int newStar, int openObjections) {

    public StarChangeKind change() {
        return StarChangeKind.between(oldStar, newStar);
    }
}
