package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.NotInScopeException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.security.PortalPrincipal;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.OrganizationService;
import org.springframework.stereotype.Component;

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
        AssessmentRef assessment = repository.ref(assessmentId).orElseThrow(NotInScopeException::new);
        organizations.get(assessment.organizationId()); // refuses what lies outside the caller's scope
        return assessment;
    }

    /**
     * An assessment the calling reviewer may review: in his scope, and not of his own organisation
     * (four-eyes: nobody reviews their own organisation).
     */
    AssessmentRef reviewableByMe(long assessmentId) {
        AssessmentRef assessment = visible(assessmentId);
        PortalPrincipal user = currentUser.require();
        if (!user.has(Role.REVIEWER)) {
            throw new NotInScopeException();
        }
        if (user.organizationId() == assessment.organizationId()) {
            throw new PortalException("review.error.own-organization");
        }
        return assessment;
    }

    /** The caller's own organisation's assessment, still open to her entries. */
    AssessmentRef editableBySecretary(long assessmentId) {
        AssessmentRef assessment = repository.ref(assessmentId).orElseThrow(NotInScopeException::new);
        PortalPrincipal user = currentUser.require();
        if (!user.has(Role.SECRETARY) || user.organizationId() != assessment.organizationId()) {
            throw new NotInScopeException();
        }
        if (!assessment.cycleOpen()) {
            throw new PortalException("assessment.error.cycle-not-open");
        }
        if (!assessment.state().isEditableBySecretary()) {
            throw new PortalException("assessment.error.not-editable",
                    new PortalException.Key("assessment.state." + assessment.state().name()));
        }
        return assessment;
    }
}
