package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.security.PortalPrincipal;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.OrganizationService;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may see and who may change an assessment, in one place: anyone whose scope holds its organisation
 * may see it (and its evidence); only a secretary of that very organisation may fill it in, and only
 * while it is editable and its cycle is open. An id outside the caller's scope is refused exactly like a missing one.
 */
@Component
class AssessmentAccess {

    private final AssessmentRepository repository;
    private final OrganizationService organizations;
    private final CurrentUser currentUser;

    AssessmentAccess(AssessmentRepository repository, OrganizationService organizations, CurrentUser currentUser) {
        this.repository = repository;
        this.organizations = organizations;
        this.currentUser = currentUser;
    }

    AssessmentRef visible(long assessmentId) {
        return findVisible(assessmentId).orElseThrow(NotFoundException::new);
    }

    /**
     * The assessment if the caller may see it. Asking never throws out of a transactional call, so the
     * yes/no questions below leave the caller's transaction as it was.
     */
    Optional<AssessmentRef> findVisible(long assessmentId) {
        return repository.ref(assessmentId).filter(a -> organizations.isVisible(a.organizationId()));
    }

    /**
     * An assessment the calling reviewer may review: in his scope, not of his own organisation
     * (four-eyes: nobody reviews their own organisation), in an open cycle.
     */
    AssessmentRef reviewableByMe(long assessmentId) {
        AssessmentRef assessment = findVisible(assessmentId).filter(a -> currentUser.require().has(Role.REVIEWER))
                .orElseThrow(NotFoundException::new);
        if (isOwn(assessment)) {
            throw new PortalException("review.error.own-organization");
        }
        if (!assessment.cycleOpen()) {
            throw new PortalException("assessment.error.cycle-not-open");
        }
        return assessment;
    }

    /** Whether the caller may review it and it is in this state: a question, never a refusal. */
    boolean isReviewableByMeIn(long assessmentId, AssessmentState state) {
        return findVisible(assessmentId).filter(a -> currentUser.require().has(Role.REVIEWER))
                .filter(a -> !isOwn(a) && a.cycleOpen() && a.state() == state).isPresent();
    }

    private boolean isOwn(AssessmentRef assessment) {
        return currentUser.require().organizationId() == assessment.organizationId();
    }

    /** The caller's own organisation's assessment, still open to her entries. */
    AssessmentRef editableBySecretary(long assessmentId) {
        AssessmentRef assessment = ownBySecretary(assessmentId).orElseThrow(NotFoundException::new);
        if (!assessment.cycleOpen()) {
            throw new PortalException("assessment.error.cycle-not-open");
        }
        if (!assessment.state().isEditableBySecretary()) {
            throw new PortalException("assessment.error.not-editable",
                    new PortalException.Key("assessment.state." + assessment.state().name()));
        }
        return assessment;
    }

    /** Whether {@link #editableBySecretary} would let the caller in: a question, never a refusal. */
    boolean isEditableBySecretary(long assessmentId) {
        return ownBySecretary(assessmentId).filter(a -> a.cycleOpen() && a.state().isEditableBySecretary()).isPresent();
    }

    private Optional<AssessmentRef> ownBySecretary(long assessmentId) {
        PortalPrincipal user = currentUser.require();
        return repository.ref(assessmentId)
                .filter(a -> user.has(Role.SECRETARY) && user.organizationId() == a.organizationId());
    }
}
