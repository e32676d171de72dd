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
        AssessmentRef assessment = seenByReviewer(assessmentId).orElseThrow(NotFoundException::new);
        refusalToReview(assessment).ifPresent(refusal -> {
            throw refusal;
        });
        return assessment;
    }

    /** Whether {@link #reviewableByMe} would let the caller in and it is in this state: a question, never a refusal. */
    boolean isReviewableByMeIn(long assessmentId, AssessmentState state) {
        return seenByReviewer(assessmentId).filter(a -> a.state() == state && refusalToReview(a).isEmpty()).isPresent();
    }

    private Optional<AssessmentRef> seenByReviewer(long assessmentId) {
        return findVisible(assessmentId).filter(a -> currentUser.require().has(Role.REVIEWER));
    }

    /** Why the reviewer may not review an assessment he sees; empty when he may. */
    private Optional<PortalException> refusalToReview(AssessmentRef assessment) {
        if (currentUser.require().organizationId() == assessment.organizationId()) {
            return Optional.of(new PortalException("review.error.own-organization"));
        }
        return refusalToChange(assessment);
    }

    /** The caller's own organisation's assessment, still open to her entries. */
    AssessmentRef editableBySecretary(long assessmentId) {
        AssessmentRef assessment = ownBySecretary(assessmentId).orElseThrow(NotFoundException::new);
        refusalToEdit(assessment).ifPresent(refusal -> {
            throw refusal;
        });
        return assessment;
    }

    /**
     * Run right before an entry of hers is written (after {@link #editableBySecretary}): waits for a close or a
     * move of the assessment in flight and asks the same again of the assessment as committed now, so an entry
     * never lands in a closed cycle or a submitted assessment. Returns it as committed now.
     */
    AssessmentRef stillEditableBySecretary(long assessmentId) {
        AssessmentRef assessment = repository.guardEntry(assessmentId);
        refusalToEdit(assessment).ifPresent(refusal -> {
            throw refusal;
        });
        return assessment;
    }

    /** Whether {@link #editableBySecretary} would let the caller in: a question, never a refusal. */
    boolean isEditableBySecretary(long assessmentId) {
        return ownBySecretary(assessmentId).filter(a -> refusalToEdit(a).isEmpty()).isPresent();
    }

    private Optional<AssessmentRef> ownBySecretary(long assessmentId) {
        PortalPrincipal user = currentUser.require();
        return repository.ref(assessmentId)
                .filter(a -> user.has(Role.SECRETARY) && user.organizationId() == a.organizationId());
    }

    /** Why its secretary may not change her own assessment; empty when she may. */
    private static Optional<PortalException> refusalToEdit(AssessmentRef assessment) {
        Optional<PortalException> closed = refusalToChange(assessment);
        if (closed.isPresent() || assessment.state().isEditableBySecretary()) {
            return closed;
        }
        return Optional.of(new PortalException("assessment.error.not-editable",
                new PortalException.Key("assessment.state." + assessment.state().name())));
    }

    /** A closed cycle takes no entry of either side. */
    private static Optional<PortalException> refusalToChange(AssessmentRef assessment) {
        return assessment.cycleOpen() ? Optional.empty() : Optional.of(new PortalException("assessment.error.cycle-not-open"));
    }
}
