package cn.luohu.qpb.assessment;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.organization.OrganizationScope;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.ScoreProblem;
import cn.luohu.qpb.standard.Scoring;
import cn.luohu.qpb.standard.ScoringResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The committee reviewer's work (DOMAIN.md "Review"): his queue of the assessments in his committee's
 * subtree, most urgent first; opening one for review; a review entry beside every self entry; then either
 * returning it with the reasons or recommending a star no higher than the review total earns. Nobody
 * reviews their own organisation. Moves go through {@link StateMachine} and the conditional update of
 * {@link AssessmentRepository#move}, so of two racing moves exactly one wins; each is also an audit event.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class ReviewService {

    public static final int COMMENT_MAX = 2000;
    private static final String ENTITY = "assessment";

    private final AssessmentRepository assessments;
    private final AssessmentMoves moves;
    private final ScoreChanges scoreChanges;
    private final ReviewRepository repository;
    private final AssessmentAccess access;
    private final OrganizationScope scope;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final DisplayZone zone;

    ReviewService(AssessmentRepository assessments, AssessmentMoves moves, ScoreChanges scoreChanges, ReviewRepository repository,
                  AssessmentAccess access, OrganizationScope scope, CurrentUser currentUser, AuditService audit, Clock clock,
                  DisplayZone zone) {
        this.assessments = assessments;
        this.moves = moves;
        this.scoreChanges = scoreChanges;
        this.repository = repository;
        this.access = access;
        this.scope = scope;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** A page of the queue: overdue first, then by review deadline. */
    @PreAuthorize(Access.REVIEWER)
    public List<ReviewQueueRow> queue(ReviewFilter filter, int offset, int limit) {
        return repository.queue(filter, scope.current(), today(), offset, limit);
    }

    @PreAuthorize(Access.REVIEWER)
    public int count(ReviewFilter filter) {
        return repository.count(filter, scope.current());
    }

    /** How many assessments of the queue (whatever its state filter) are in each state. */
    @PreAuthorize(Access.REVIEWER)
    public Map<AssessmentState, Integer> countsByState(ReviewFilter filter) {
        return repository.countsByState(filter, scope.current());
    }

    /** The assessment with the review entries beside the secretary's. */
    @PreAuthorize(Access.REVIEWER)
    public ReviewSheet sheet(long assessmentId) {
        access.visible(assessmentId);
        return new ReviewSheet(assessments.sheet(assessmentId), repository.entries(assessmentId),
                repository.recommendedStar(assessmentId));
    }

    /** Whether the caller may make review entries and moves on it now (in review, not his own organisation). */
    @PreAuthorize(Access.REVIEWER)
    public boolean isReviewableByMe(long assessmentId) {
        return access.isReviewableByMeIn(assessmentId, AssessmentState.UNDER_REVIEW);
    }

    /** Whether the caller may open it for review (submitted, not his own organisation). */
    @PreAuthorize(Access.REVIEWER)
    public boolean canStart(long assessmentId) {
        return access.isReviewableByMeIn(assessmentId, AssessmentState.SUBMITTED);
    }

    /** SUBMITTED → UNDER_REVIEW. */
    @PreAuthorize(Access.REVIEWER)
    @Transactional
    public void startReview(long assessmentId) {
        AssessmentRef assessment = access.reviewableByMe(assessmentId);
        move(assessment, AssessmentState.UNDER_REVIEW, null);
        repository.recordReviewer(assessmentId, currentUser.require().userId());
        audit.record(AuditAction.REVIEW_STARTED, ENTITY, assessmentId, Map.of("state", assessment.state().name()),
                Map.of("state", AssessmentState.UNDER_REVIEW.name()));
    }

    /**
     * Saves the review entry of one item, checked like the secretary's input; refused if it was saved
     * elsewhere since {@code version}. Returns the new version.
     */
    @PreAuthorize(Access.REVIEWER)
    @Transactional
    public int saveReviewItem(long itemId, IndicatorInput input, String comment, int version) {
        ItemEntries item = assessments.itemEntries(itemId).orElseThrow(NotFoundException::new);
        underReviewByMe(item.assessmentId());
        IndicatorDefinition indicator = item.indicator();
        if (input != null) {
            ScoreProblem.Kind problem = Scoring.problemOf(indicator.rule(), input);
            if (problem != null) {
                throw new PortalException("scoring.problem." + problem.name(), indicator.code());
            }
        }
        checkLength(comment);
        long reviewerId = currentUser.require().userId();
        // the entry read above is the one this save replaces only at the same version: the update checks it again
        if (item.reviewVersion() != version || !repository.saveEntry(itemId, input, comment, version, reviewerId, now())) {
            throw new PortalException("review.error.saved-elsewhere");
        }
        scoreChanges.record(item, ScoreSide.REVIEW, input, reviewerId);
        return version + 1; // the conditional update above moved the entry from version to the next, and holds its row
    }

    /**
     * Takes the secretary's score as the review score of every item she scored and the caller has not reviewed
     * yet, as his own entries (each a score change of the review side in the timeline). Returns how many.
     */
    @PreAuthorize(Access.REVIEWER)
    @Transactional
    public int adoptSelfScores(long assessmentId) {
        underReviewByMe(assessmentId);
        List<Long> adopted = repository.lockUnreviewedScored(assessmentId);
        if (adopted.isEmpty()) {
            return 0;
        }
        List<ItemEntries> before = assessments.itemEntries(adopted); // read under the lock: no review entry yet
        long reviewerId = currentUser.require().userId();
        repository.adoptSelfEntries(adopted, reviewerId, now());
        scoreChanges.recordAll(before, ScoreSide.REVIEW, ItemEntries::self, reviewerId);
        return adopted.size();
    }

    /** UNDER_REVIEW → RETURNED, with a comment listing what to fix. */
    @PreAuthorize(Access.REVIEWER)
    @Transactional
    public void returnAssessment(long assessmentId, String comment) {
        AssessmentRef assessment = access.reviewableByMe(assessmentId);
        checkLength(comment);
        move(assessment, AssessmentState.RETURNED, comment);
        audit.record(AuditAction.ASSESSMENT_RETURNED, ENTITY, assessmentId, Map.of("state", assessment.state().name()),
                Map.of("state", AssessmentState.RETURNED.name(), "comment", comment));
    }

    /** The highest star the review entries earn now (veto caps applied). */
    @PreAuthorize(Access.REVIEWER)
    public ScoringResult reviewScore(long assessmentId) {
        return sheet(assessmentId).reviewScore();
    }

    /**
     * UNDER_REVIEW → RECOMMENDED: every item reviewed, the star no higher than the review total earns
     * after veto caps. Stores the review total, the star and the reviewer.
     */
    @PreAuthorize(Access.REVIEWER)
    @Transactional
    public void recommend(long assessmentId, int star, String comment) {
        AssessmentRef assessment = access.reviewableByMe(assessmentId);
        checkLength(comment);
        if (assessment.state() == AssessmentState.UNDER_REVIEW) {
            ReviewSheet sheet = new ReviewSheet(assessments.sheet(assessmentId), repository.entries(assessmentId), null);
            ScoringResult result = sheet.reviewScore();
            if (!result.isComplete()) {
                throw new PortalException("review.error.incomplete", result.missing().size() + result.problems().size());
            }
            if (star < 0 || star > result.stars()) {
                throw new PortalException("review.error.star-too-high", result.stars());
            }
            move(assessment, AssessmentState.RECOMMENDED, comment);
            long reviewer = currentUser.require().userId();
            repository.recordRecommendation(assessmentId, result.total(), star, reviewer);
            Map<String, Object> after = new HashMap<>();
            after.put("state", AssessmentState.RECOMMENDED.name());
            after.put("reviewTotal", result.total());
            after.put("recommendedStar", star);
            if (comment != null && !comment.isBlank()) {
                after.put("comment", comment);
            }
            audit.record(AuditAction.ASSESSMENT_RECOMMENDED, ENTITY, assessmentId, Map.of("state", assessment.state().name()), after);
            return;
        }
        move(assessment, AssessmentState.RECOMMENDED, comment); // refused with the reason
    }

    private void move(AssessmentRef assessment, AssessmentState to, String comment) {
        moves.move(assessment, to, StateMachine.Actor.REVIEWER, currentUser.require().userId(), comment, "review.error.overtaken");
    }

    /** An assessment the caller may review and that is under review now: the condition of every review entry. */
    private void underReviewByMe(long assessmentId) {
        AssessmentState state = access.reviewableByMe(assessmentId).state();
        if (state != AssessmentState.UNDER_REVIEW) {
            throw new PortalException("review.error.not-under-review", new PortalException.Key("assessment.state." + state.name()));
        }
    }

    /** The one limit on a comment of the workflow (a move's or a review entry's), as the timeline stores it. */
    static void checkLength(String comment) {
        if (comment != null && comment.length() > COMMENT_MAX) {
            throw new PortalException("review.error.comment-too-long", COMMENT_MAX, comment.length());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone.zone()));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
