package cn.luohu.qpb.notification;

import cn.luohu.qpb.base.security.Role;

/** Who is told about an assessment, and in which role. */
enum Audience {
    /** The enabled reviewers of the assessment's committee. */
    COMMITTEE_REVIEWERS(Role.REVIEWER),
    /** The enabled secretaries of the assessed organisation. */
    SECRETARIES(Role.SECRETARY),
    /** Every enabled district staff member (approver). */
    DISTRICT_STAFF(Role.APPROVER),
    /** The reviewer who reviewed the assessment (started its review). */
    ASSESSMENT_REVIEWER(Role.REVIEWER);

    private final Role role;

    Audience(Role role) {
        this.role = role;
    }

    Role role() {
        return role;
    }
}
