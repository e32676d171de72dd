package cn.luohu.qpb.assessment;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.ScoreProblem;
import cn.luohu.qpb.standard.Scoring;
import cn.luohu.qpb.standard.ScoringResult;
import cn.luohu.qpb.standard.StarBands;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The branch secretary's self-assessment: her entries, saved as she types (each save checked against the
 * version she loaded), the star she applies for, and submitting once everything is complete and in time.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class AssessmentService {

    public static final int REASON_MAX = 2000;
    private static final String ENTITY = "assessment";

    private final AssessmentRepository repository;
    private final AssessmentMoves moves;
    private final ScoreChanges scoreChanges;
    private final AssessmentAccess access;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final DisplayZone zone;

    AssessmentService(AssessmentRepository repository, AssessmentMoves moves, ScoreChanges scoreChanges, AssessmentAccess access,
                      CurrentUser currentUser, AuditService audit, Clock clock, DisplayZone zone) {
        this.repository = repository;
        this.moves = moves;
        this.scoreChanges = scoreChanges;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** The secretary's assessment in the newest open cycle, if there is one. */
    @PreAuthorize(Access.SECRETARY)
    public Optional<Long> current() {
        return repository.currentOf(currentUser.require().organizationId());
    }

    /** The secretary's assessment in the newest open cycle with its state and deadline, if there is one. */
    @PreAuthorize(Access.SECRETARY)
    public Optional<AssessmentSummary> currentSummary() {
        long organization = currentUser.require().organizationId();
        return repository.currentOf(organization).flatMap(id -> repository.ofOrganization(organization).stream()
                .filter(summary -> summary.id() == id).findFirst());
    }

    /** Her organisation's assessments of every cycle, newest first (earlier ones are read-only). */
    @PreAuthorize(Access.SECRETARY)
    public List<AssessmentSummary> mine() {
        return repository.ofOrganization(currentUser.require().organizationId());
    }

    /** An assessment as its form shows it, for anyone who may see it. */
    @PreAuthorize(Access.ANY_ROLE)
    public AssessmentSheet sheet(long assessmentId) {
        access.visible(assessmentId);
        return repository.sheet(assessmentId);
    }

    /** Its moves and score changes, oldest first (see {@link Timeline}), for anyone who may see it. */
    @PreAuthorize(Access.ANY_ROLE)
    public List<TimelineEntry> timeline(long assessmentId) {
        access.visible(assessmentId);
        return Timeline.of(repository.moves(assessmentId), repository.scoreChanges(assessmentId));
    }

    /**
     * The reviewer's comment on each item (by item id) while the assessment is returned to its secretary, so she
     * reads on each indicator what to fix; empty in every other state.
     */
    @PreAuthorize(Access.ANY_ROLE)
    public Map<Long, String> reviewComments(long assessmentId) {
        AssessmentRef assessment = access.visible(assessmentId);
        return assessment.state() == AssessmentState.RETURNED ? repository.reviewComments(assessmentId) : Map.of();
    }

    /** Whether the caller may still change this assessment (her own, in an editable state). */
    @PreAuthorize(Access.ANY_ROLE)
    public boolean isEditableByMe(long assessmentId) {
        return access.isEditableBySecretary(assessmentId);
    }

    /**
     * Saves one item as the secretary changes it; refused if it was saved elsewhere since {@code rowVersion}
     * (a second tab, another device). The first save starts the assessment (NOT_STARTED → DRAFT).
     */
    @PreAuthorize(Access.SECRETARY)
    @Transactional
    public SavedItem saveItem(long itemId, IndicatorInput input, String explanation, int rowVersion) {
        ItemEntries item = repository.itemEntries(itemId).orElseThrow(NotFoundException::new);
        access.editableBySecretary(item.assessmentId());
        IndicatorDefinition indicator = item.indicator();
        if (input != null) {
            ScoreProblem.Kind problem = Scoring.problemOf(indicator.rule(), input);
            if (problem != null) {
                throw new PortalException("scoring.problem." + problem.name(), indicator.code());
            }
        }
        if (explanation != null && explanation.length() > IndicatorDefinition.EXPLANATION_MAX) {
            throw new PortalException("assessment.error.explanation-too-long", IndicatorDefinition.EXPLANATION_MAX, explanation.length());
        }
        AssessmentRef assessment = access.stillEditableBySecretary(item.assessmentId());
        // the entry read above is the one this save replaces only at the same version: the update checks it again
        if (item.selfVersion() != rowVersion || !repository.saveItem(itemId, input, explanation, rowVersion, now())) {
            throw new PortalException("assessment.error.saved-elsewhere");
        }
        long secretaryId = currentUser.require().userId();
        moves.start(assessment, secretaryId);
        scoreChanges.record(item, ScoreSide.SELF, input, secretaryId);
        // the conditional update above moved the item from rowVersion to the next, and holds its row
        return repository.savedItem(item.assessmentId(), rowVersion + 1);
    }

    /**
     * The star she applies for: at most her current star + 1 (逐级晋升), unless she asks for direct grading
     * with a justification, which only district staff decide. Returns the assessment's new version.
     */
    @PreAuthorize(Access.SECRETARY)
    @Transactional
    public int saveApplication(long assessmentId, Integer appliedStar, boolean directGrading, String reason, int rowVersion) {
        AssessmentRef assessment = access.editableBySecretary(assessmentId);
        if (appliedStar != null && (appliedStar < 1 || appliedStar > StarBands.LEVELS)) {
            throw new PortalException("assessment.error.star-range");
        }
        if (directGrading) {
            if (reason == null || reason.isBlank()) {
                throw new PortalException("assessment.error.direct-grading-reason");
            }
            if (reason.length() > REASON_MAX) {
                throw new PortalException("assessment.error.reason-too-long", REASON_MAX, reason.length());
            }
        } else if (appliedStar != null && appliedStar > assessment.starAtOpen() + 1) {
            throw new PortalException("assessment.error.star-too-high", assessment.starAtOpen() + 1);
        }
        AssessmentRef committed = access.stillEditableBySecretary(assessmentId);
        if (!repository.saveApplication(assessmentId, appliedStar, directGrading, reason, rowVersion, now())) {
            throw new PortalException("assessment.error.saved-elsewhere");
        }
        moves.start(committed, currentUser.require().userId());
        return repository.ref(assessmentId).orElseThrow().rowVersion();
    }

    /** Everything that still keeps the assessment from being submitted, all at once. */
    @PreAuthorize(Access.ANY_ROLE)
    public List<SubmissionGap> gaps(long assessmentId) {
        access.visible(assessmentId);
        return gapsOf(repository.ref(assessmentId).orElseThrow(), repository.sheet(assessmentId));
    }

    /** Submits a complete assessment in time; it is then read-only for her. */
    @PreAuthorize(Access.SECRETARY)
    @Transactional
    public void submit(long assessmentId) {
        AssessmentRef assessment = access.editableBySecretary(assessmentId);
        AssessmentSheet sheet = repository.sheet(assessmentId);
        List<SubmissionGap> gaps = gapsOf(assessment, sheet);
        if (!gaps.isEmpty()) {
            throw new SubmissionRefusedException(gaps);
        }
        AssessmentState from = assessment.state();
        moves.move(assessment, AssessmentState.SUBMITTED, StateMachine.Actor.SECRETARY, currentUser.require().userId(), null,
                "assessment.error.saved-elsewhere");
        ScoringResult result = sheet.score();
        repository.recordSubmission(assessmentId, result.total(), now());
        audit.record(AuditAction.ASSESSMENT_SUBMITTED, ENTITY, assessmentId, Map.of("state", from.name()),
                Map.of("state", "SUBMITTED", "total", result.total(), "appliedStar", sheet.header().appliedStar()));
    }

    private List<SubmissionGap> gapsOf(AssessmentRef assessment, AssessmentSheet sheet) {
        List<SubmissionGap> gaps = new ArrayList<>();
        if (today().isAfter(assessment.selfDeadline())) {
            gaps.add(new SubmissionGap("assessment.gap.deadline-passed", null));
        }
        ScoringResult result = sheet.score();
        result.missing().forEach(code -> gaps.add(new SubmissionGap("assessment.gap.not-scored", code)));
        result.problems().forEach(p -> gaps.add(new SubmissionGap("assessment.gap.invalid", p.indicatorCode())));
        for (SheetItem item : sheet.items()) {
            if (item.indicator().evidenceRequired() && item.evidenceCount() == 0) {
                gaps.add(new SubmissionGap("assessment.gap.evidence-missing", item.indicator().code()));
            }
        }
        if (sheet.header().appliedStar() == null) {
            gaps.add(new SubmissionGap("assessment.gap.no-applied-star", null));
        }
        return gaps;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone.zone()));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
