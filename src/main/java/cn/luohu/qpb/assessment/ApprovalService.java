package cn.luohu.qpb.assessment;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * District staff's decisions on recommendations (DOMAIN.md "Approval"): approve at the recommended star
 * or a lower one, reject back to the reviewer with a comment, approve many at once, and decide every
 * direct-grading request explicitly. The quota of a star level (a share of the cycle's assessed
 * organisations) is never exceeded by approvals, and nobody approves an assessment he reviewed himself.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class ApprovalService {

    private static final String ENTITY = "assessment";

    private final ApprovalRepository repository;
    private final AssessmentRepository assessments;
    private final ReviewRepository reviews;
    private final AssessmentMoves moves;
    private final AssessmentAccess access;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    ApprovalService(ApprovalRepository repository, AssessmentRepository assessments, ReviewRepository reviews, AssessmentMoves moves,
                    AssessmentAccess access, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.repository = repository;
        this.assessments = assessments;
        this.reviews = reviews;
        this.moves = moves;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of the recommendations waiting for a decision: direct-grading requests first. */
    @PreAuthorize(Access.APPROVER)
    public List<ApprovalRow> queue(ApprovalFilter filter, int offset, int limit) {
        return repository.queue(filter, offset, limit);
    }

    @PreAuthorize(Access.APPROVER)
    public int count(ApprovalFilter filter) {
        return repository.count(filter);
    }

    /** How many recommendations wait for a decision in the open cycles. */
    @PreAuthorize(Access.APPROVER)
    public int countWaiting() {
        return repository.countWaiting();
    }

    /** Every id the filter matches, for approving the whole filtered queue at once. */
    @PreAuthorize(Access.APPROVER)
    public List<Long> ids(ApprovalFilter filter) {
        return repository.ids(filter);
    }

    /** Per star level: how many organisations hold it after approval, against the cycle's quota. */
    @PreAuthorize(Access.APPROVER)
    public List<QuotaLine> quotaMeter(long cycleId) {
        return repository.quotas(cycleId);
    }

    @PreAuthorize(Access.APPROVER)
    public ApprovalCase approvalCase(long assessmentId) {
        access.visible(assessmentId);
        return repository.approvalCase(assessmentId, currentUser.require().userId()).orElseThrow(NotFoundException::new);
    }

    /** The self entries with the review entries beside them, as the reviewer left them. */
    @PreAuthorize(Access.APPROVER)
    public ReviewSheet sheet(long assessmentId) {
        access.visible(assessmentId);
        return new ReviewSheet(assessments.sheet(assessmentId), reviews.entries(assessmentId), reviews.recommendedStar(assessmentId));
    }

    /**
     * RECOMMENDED → APPROVED at {@code star}: at most the recommended star, and at most one level above the
     * current one unless a direct-grading request is granted. A direct-grading request needs an explicit
     * {@code grantDirectGrading}; it is ignored for the others.
     */
    @PreAuthorize(Access.APPROVER)
    @Transactional(isolation = Isolation.READ_COMMITTED) // the quota count must see approvals committed while we waited
    public void approve(long assessmentId, int star, Boolean grantDirectGrading, String comment) {
        AssessmentRef ref = access.visible(assessmentId);
        lockOpenCycle(ref.cycleId());
        ApprovalCase decision = decidable(ref, AssessmentState.APPROVED, comment);
        Boolean granted = decision.directGradingRequested() ? grantDirectGrading : null;
        if (decision.directGradingRequested() && granted == null) {
            throw new PortalException("approval.error.direct-grading-undecided");
        }
        int max = decision.maxApprovable(Boolean.TRUE.equals(granted));
        if (star < 0 || star > max) {
            throw new PortalException("approval.error.star-too-high", max);
        }
        ReviewService.checkLength(comment);
        checkQuotas(decision.cycleId(), Map.of(star, 1));
        moves.move(ref, AssessmentState.APPROVED, StateMachine.Actor.APPROVER, currentUser.require().userId(), comment,
                "approval.error.overtaken");
        repository.recordApproval(List.of(assessmentId), star, granted, currentUser.require().userId(), now());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", AssessmentState.APPROVED.name());
        after.put("approvedStar", star);
        after.put("recommendedStar", decision.recommendedStar());
        if (granted != null) {
            after.put("directGradingGranted", granted);
        }
        if (comment != null && !comment.isBlank()) {
            after.put("comment", comment.strip());
        }
        audit.record(AuditAction.ASSESSMENT_APPROVED, ENTITY, assessmentId, Map.of("state", ref.state().name()), after);
    }

    /**
     * Approves a selection at once, each at the highest star it may get without a decision of its own (the
     * recommendation, at most one level above the current star).
     * Direct-grading requests and the caller's own reviews are left out and named in the result; the
     * quotas are checked for the whole selection, which is refused as a whole if it would exceed one.
     */
    @PreAuthorize(Access.APPROVER)
    @Transactional(isolation = Isolation.READ_COMMITTED) // the quota count must see approvals committed while we waited
    public ApproveManyResult approveMany(long cycleId, Collection<Long> assessmentIds) {
        long me = currentUser.require().userId();
        lockOpenCycle(cycleId);
        List<String> needOwnDecision = new ArrayList<>();
        List<String> ownReviews = new ArrayList<>();
        Map<Integer, List<Long>> byStar = new TreeMap<>();
        int overtaken = 0;
        for (ApprovalCase decision : repository.cases(assessmentIds, me)) {
            if (decision.cycleId() != cycleId) {
                throw new NotFoundException();
            }
            if (decision.state() != AssessmentState.RECOMMENDED) {
                overtaken++;
            } else if (decision.reviewedByCaller()) {
                ownReviews.add(decision.organizationName());
            } else if (decision.directGradingRequested()) {
                needOwnDecision.add(decision.organizationName());
            } else {
                byStar.computeIfAbsent(decision.maxApprovable(false), s -> new ArrayList<>()).add(decision.id());
            }
        }
        Map<Integer, Integer> adding = new HashMap<>();
        byStar.forEach((star, ids) -> adding.put(star, ids.size()));
        checkQuotas(cycleId, adding);
        int approved = 0;
        Map<Long, Object> audited = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Long>> group : byStar.entrySet()) {
            List<Long> moved = moves.moveAll(group.getValue(), AssessmentState.RECOMMENDED, AssessmentState.APPROVED,
                    StateMachine.Actor.APPROVER, me, null);
            overtaken += group.getValue().size() - moved.size();
            repository.recordApproval(moved, group.getKey(), null, me, now());
            moved.forEach(id -> audited.put(id, Map.of("state", AssessmentState.APPROVED.name(), "approvedStar", group.getKey())));
            approved += moved.size();
        }
        audit.recordEach(AuditAction.ASSESSMENT_APPROVED, ENTITY, audited);
        return new ApproveManyResult(approved, needOwnDecision, ownReviews, overtaken);
    }

    /** RECOMMENDED → UNDER_REVIEW: back to the reviewer, with a comment saying why. */
    @PreAuthorize(Access.APPROVER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void reject(long assessmentId, String comment) {
        AssessmentRef ref = access.visible(assessmentId);
        lockOpenCycle(ref.cycleId()); // the same lock order as approving: cycle, then assessment
        decidable(ref, AssessmentState.UNDER_REVIEW, comment);
        ReviewService.checkLength(comment);
        moves.move(ref, AssessmentState.UNDER_REVIEW, StateMachine.Actor.APPROVER, currentUser.require().userId(), comment,
                "approval.error.overtaken");
        audit.record(AuditAction.ASSESSMENT_REJECTED, ENTITY, assessmentId, Map.of("state", ref.state().name()),
                Map.of("state", AssessmentState.UNDER_REVIEW.name(), "comment", comment.strip()));
    }

    /**
     * Locks the cycle, so that decisions in it run one after another, and refuses when it is no longer open as
     * read under the lock (a close committed while we waited wins).
     */
    private void lockOpenCycle(long cycleId) {
        if (!repository.lockCycle(cycleId)) {
            throw new PortalException("approval.error.cycle-not-open");
        }
    }

    /**
     * The case, if the caller may move it to {@code to} now (refused with the state machine's reason
     * otherwise), and four-eyes: nobody decides on what he reviewed himself, in this round or an earlier one.
     */
    private ApprovalCase decidable(AssessmentRef ref, AssessmentState to, String comment) {
        StateMachine.check(ref.state(), to, StateMachine.Actor.APPROVER, comment);
        ApprovalCase decision = repository.approvalCase(ref.id(), currentUser.require().userId()).orElseThrow(NotFoundException::new);
        if (decision.reviewedByCaller()) {
            throw new PortalException("approval.error.own-review");
        }
        return decision;
    }

    /** Refuses approvals that would give a star level more holders than its quota allows. */
    private void checkQuotas(long cycleId, Map<Integer, Integer> adding) {
        Map<Integer, Integer> limits = repository.limits(cycleId);
        Map<Integer, Integer> approved = repository.approvedCounts(cycleId);
        for (Map.Entry<Integer, Integer> add : adding.entrySet()) {
            Integer limit = limits.get(add.getKey());
            int holders = approved.getOrDefault(add.getKey(), 0);
            if (limit != null && holders + add.getValue() > limit) {
                throw new PortalException("approval.error.quota", add.getKey(), limit, holders, add.getValue());
            }
        }
    }


    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
