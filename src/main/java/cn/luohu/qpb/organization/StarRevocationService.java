package cn.luohu.qpb.organization;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.time.DisplayZone;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Revocation (摘星, DOMAIN.md): district staff take an organisation's star away at any time, with a
 * reason (e.g. a discipline violation), recorded in its star history and the audit trail. An assessment
 * under way then measures promotion from the lowered star.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class StarRevocationService {

    public static final int REASON_MAX = 500;

    private final OrganizationAdminRepository repository;
    private final OrganizationService organizations;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final DisplayZone zone;

    StarRevocationService(OrganizationAdminRepository repository, OrganizationService organizations, CurrentUser currentUser,
                          AuditService audit, Clock clock, DisplayZone zone) {
        this.repository = repository;
        this.organizations = organizations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Lowers the organisation's star from {@code expectedStar} (what the caller saw) to {@code toStar}
     * (usually none); refused when the star changed meanwhile.
     */
    @PreAuthorize(Access.APPROVER)
    @Transactional
    public void revoke(long organizationId, int expectedStar, int toStar, String reason) {
        OrganizationSummary organization = organizations.get(organizationId);
        if (organization.currentStar() != expectedStar) {
            throw new PortalException("star.revoke.error.changed");
        }
        if (toStar < 0 || toStar >= expectedStar) {
            throw new PortalException("star.revoke.error.not-lower", expectedStar);
        }
        if (reason == null || reason.isBlank()) {
            throw new PortalException("star.revoke.error.reason-required");
        }
        if (repository.hasPendingResult(organizationId)) {
            // it would take effect over the revocation: reopen it first (an upheld objection sends it back)
            throw new PortalException("star.revoke.error.result-pending");
        }
        if (reason.length() > REASON_MAX) {
            throw new PortalException("star.revoke.error.reason-too-long", REASON_MAX);
        }
        String text = reason.strip();
        if (!repository.revokeStar(organizationId, expectedStar, toStar, text, currentUser.require().userId(),
                LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), LocalDate.now(clock.withZone(zone.zone())))) {
            throw new PortalException("star.revoke.error.changed");
        }
        audit.record(AuditAction.STAR_REVOKED, "organization", organizationId, Map.of("star", expectedStar),
                Map.of("star", toStar, "reason", text));
    }
}
