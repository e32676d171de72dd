package cn.luohu.qpb.assessment;

/** Where an assessment stands in the yearly cycle (DOMAIN.md "The yearly cycle"). */
public enum AssessmentState {
    NOT_STARTED, DRAFT, SUBMITTED, UNDER_REVIEW, RETURNED, RECOMMENDED, APPROVED, IN_NOTICE, FINAL;

    /** The secretary may still change her entries and evidence. */
    public boolean isEditableBySecretary() {
        return this == NOT_STARTED || this == DRAFT || this == RETURNED;
    }
}
