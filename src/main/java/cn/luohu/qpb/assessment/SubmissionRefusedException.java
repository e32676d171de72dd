package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.PortalException;

import java.util.List;

/** Submitting was refused: every gap at once, so the secretary can fix them all in one go. */
public class SubmissionRefusedException extends PortalException {

    private final transient List<SubmissionGap> gaps;

    SubmissionRefusedException(List<SubmissionGap> gaps) {
        super("assessment.submit.gaps", gaps.size());
        this.gaps = List.copyOf(gaps);
    }

    public List<SubmissionGap> gaps() {
        return gaps;
    }
}
