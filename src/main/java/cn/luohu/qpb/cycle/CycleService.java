package cn.luohu.qpb.cycle;

import cn.luohu.qpb.assessment.AssessmentGuards;
import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.standard.StandardService;
import cn.luohu.qpb.standard.StandardStatus;
import cn.luohu.qpb.standard.StandardSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The yearly cycle (年度星级评定) for district staff: set up (one per year, a published standard per
 * category, deadlines in order, the notice length, optional quotas), edited while planned, opened once
 * (one NOT_STARTED assessment with its item rows for every active assessed organisation, set-wise),
 * watched (counts per state and committee, overdue organisations), deadlines extended for chosen
 * organisations with a reason, and closed. An opened cycle is never reopened or deleted. Every change is
 * audited.
 * <p>
 * Only district staff (APPROVER) run cycles: administrators manage the system and make no workflow
 * decisions (DOMAIN.md "People and roles"), so {@link Access#STAFF}, which lets administrators in, is
 * deliberately not used here.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class CycleService {

    static final String ENTITY = "cycle";
    static final String ASSESSMENT_ENTITY = "assessment";
    /** Organisations per step of the opening: each step is three INSERT … SELECTs, and one progress report. */
    static final int OPEN_CHUNK = 1000;
    public static final int REASON_MAX = 500;
    /** How many organisations a refusal to close names (the cycle's page lists them all). */
    static final int IN_REVIEW_LISTED = 10;

    private final CycleRepository repository;
    private final StandardService standards;
    private final AssessmentGuards assessmentGuards;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final DisplayZone zone;

    CycleService(CycleRepository repository, StandardService standards, AssessmentGuards assessmentGuards, AuditService audit,
                 CurrentUser currentUser, Clock clock, DisplayZone zone) {
        this.repository = repository;
        this.standards = standards;
        this.assessmentGuards = assessmentGuards;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.zone = zone;
    }

    @PreAuthorize(Access.APPROVER)
    public List<CycleSummary> list() {
        return repository.list(); // one cycle a year: a short list
    }

    @PreAuthorize(Access.APPROVER)
    public CycleSummary get(long id) {
        return repository.find(id).orElseThrow(NotFoundException::new);
    }

    /** The district's date today (Asia/Shanghai): deadlines are dates there. */
    @PreAuthorize(Access.APPROVER)
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone.zone()));
    }

    /** Per category, the published standards that serve it (newest version first): the choices of the form. */
    @PreAuthorize(Access.APPROVER)
    public Map<Category, List<StandardSummary>> publishedStandards() {
        Map<Category, List<StandardSummary>> result = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            result.put(category, new ArrayList<>());
        }
        standards.list().stream()
                .filter(s -> s.status() == StandardStatus.PUBLISHED)
                .sorted(Comparator.comparing(StandardSummary::code).thenComparing(StandardSummary::version, Comparator.reverseOrder()))
                .forEach(s -> s.categories().forEach(c -> result.get(c).add(s)));
        return result;
    }

    @PreAuthorize(Access.APPROVER)
    @Transactional
    public long create(CycleInput settings) {
        CycleInput input = settings.withDefaults();
        check(input, null);
        long id;
        try {
            id = repository.insert(input);
        } catch (DuplicateKeyException race) {
            throw new CycleProblemsException(List.of(new PortalException("cycle.error.year-taken", input.year())));
        }
        audit.record(AuditAction.CYCLE_CREATED, ENTITY, id, null, input);
        return id;
    }

    /** Changes the settings of a cycle that has not been opened; refused if someone saved it meanwhile. */
    @PreAuthorize(Access.APPROVER)
    @Transactional
    public void update(long id, CycleInput settings, int rowVersion) {
        CycleInput input = settings.withDefaults();
        CycleSummary before = get(id);
        if (before.status() != CycleStatus.PLANNED) {
            throw new PortalException("cycle.error.not-planned");
        }
        check(input, id);
        boolean saved;
        try {
            saved = repository.update(id, input, rowVersion);
        } catch (DuplicateKeyException race) {
            throw new CycleProblemsException(List.of(new PortalException("cycle.error.year-taken", input.year())));
        }
        if (!saved) {
            throw new PortalException("error.concurrent-change");
        }
        audit.record(AuditAction.CYCLE_UPDATED, ENTITY, id, before.input(), input);
    }

    /** Deletes a cycle that was never opened. An opened (or closed) cycle holds assessments: refused. */
    @PreAuthorize(Access.APPROVER)
    @Transactional
    public void delete(long id) {
        CycleStatus status = repository.lockStatus(id).orElseThrow(NotFoundException::new);
        CycleSummary before = get(id);
        if (status != CycleStatus.PLANNED || !repository.deletePlanned(id)) {
            throw new PortalException("cycle.error.delete-opened");
        }
        audit.record(AuditAction.CYCLE_DELETED, ENTITY, id, before.input(), null);
    }

    /** What opening would make, and the organisations it could not open for (then it is refused). */
    @PreAuthorize(Access.APPROVER)
    public OpenPlan openPlan(long id) {
        get(id);
        int[] counts = repository.planCounts(id);
        return new OpenPlan(counts[0], counts[1], repository.missingStandards(id));
    }

    /**
     * Opens a planned cycle: for every active community committee and branch, one NOT_STARTED assessment
     * (the cycle's standard for its category, its current star, its committee), one item row per indicator
     * and its first event. Set-wise, a range of organisations at a time (progress is reported after each),
     * all in one transaction: either every organisation has its assessment or none has. Refused when
     * the cycle is open or closed already, or when some organisation has no standard to be measured against.
     * <p>
     * READ COMMITTED: under REPEATABLE READ every INSERT … SELECT also locks the rows it reads, and with
     * hundreds of thousands of locks held each further range got slower (20,000 organisations: 28 s instead
     * of 12 s). The cycle's row is locked first, so no second opening runs meanwhile; each range reads
     * the organisations as they are then, and the item rows come from the assessments just made.
     */
    @PreAuthorize(Access.APPROVER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public OpenResult open(long id, OpenProgress progress) {
        CycleStatus status = repository.lockStatus(id).orElseThrow(NotFoundException::new);
        requireOpenable(status);
        List<MissingStandard> missing = repository.missingStandards(id);
        if (!missing.isEmpty()) {
            throw new MissingStandardsException(missing);
        }
        LocalDateTime now = now();
        long opener = currentUser.require().userId();
        if (!repository.markOpen(id, now, opener)) {
            throw new PortalException("cycle.error.already-open");
        }
        List<Long> organizations = repository.organizationsToOpen(id);
        int total = organizations.size();
        int assessments = 0;
        int items = 0;
        int events = 0;
        progress.report(0, total);
        for (int start = 0; start < total; start += OPEN_CHUNK) {
            int end = Math.min(start + OPEN_CHUNK, total) - 1;
            long from = organizations.get(start);
            long to = organizations.get(end);
            assessments += repository.insertAssessments(id, from, to, now);
            items += repository.insertItems(id, from, to);
            events += repository.insertOpeningEvents(id, from, to, opener, now);
            progress.report(end + 1, total);
        }
        OpenResult result = new OpenResult(assessments, items, events);
        audit.record(AuditAction.CYCLE_OPENED, ENTITY, id, Map.of("status", CycleStatus.PLANNED.name()),
                Map.of("status", CycleStatus.OPEN.name(), "assessments", assessments, "items", items));
        return result;
    }

    private static void requireOpenable(CycleStatus status) {
        switch (status) {
            case OPEN -> throw new PortalException("cycle.error.already-open");
            case CLOSED -> throw new PortalException("cycle.error.closed-no-reopen");
            case PLANNED -> {
                // may open
            }
        }
    }

    /** Ends an open cycle. It cannot be opened again. */
    @PreAuthorize(Access.APPROVER)
    @Transactional(isolation = Isolation.READ_COMMITTED) // the checks must see the submits committed while we waited
    public void close(long id) {
        CycleStatus status = repository.lockStatus(id).orElseThrow(NotFoundException::new);
        if (status == CycleStatus.OPEN) {
            // a submit or an entry writes its assessment's row: bumping them all makes the close conflict with
            // any in flight (waits for it here, fails certification on a cluster) before the checks below
            assessmentGuards.guardAllOf(id);
            int inReview = repository.countInReview(id);
            if (inReview > 0) {
                // a closed cycle takes no review move: these must be recommended or returned first
                String names = String.join("、", repository.inReview(id, IN_REVIEW_LISTED))
                        + (inReview > IN_REVIEW_LISTED ? " …" : "");
                throw new PortalException("cycle.error.in-review", inReview, names);
            }
            if (repository.hasUndecidedResults(id)) {
                // recommended, approved or in notice: closing would strand them before they take effect
                throw new PortalException("cycle.error.results-pending");
            }
        }
        if (status != CycleStatus.OPEN || !repository.markClosed(id, now())) {
            throw new PortalException(status == CycleStatus.CLOSED ? "cycle.error.already-closed" : "cycle.error.close-not-open");
        }
        audit.record(AuditAction.CYCLE_CLOSED, ENTITY, id, Map.of("status", CycleStatus.OPEN.name()),
                Map.of("status", CycleStatus.CLOSED.name()));
    }

    /** Counts per state and per committee × state, and how many organisations are overdue today. */
    @PreAuthorize(Access.APPROVER)
    public CycleOverview overview(long id) {
        CycleSummary cycle = get(id);
        LocalDate today = today();
        return new CycleOverview(cycle, today, repository.countByState(id), repository.countByCommittee(id),
                repository.countPending(id, today, true));
    }

    /**
     * How many organisations have not (re)submitted: all of them, or only those whose deadline (the cycle's
     * self-assessment deadline, or their own extension) was before today.
     */
    @PreAuthorize(Access.APPROVER)
    public int countPending(long id, boolean overdueOnly) {
        requireExists(id);
        return repository.countPending(id, today(), overdueOnly);
    }

    /** A page of {@link #countPending}'s organisations, by committee then code. */
    @PreAuthorize(Access.APPROVER)
    public List<PendingAssessment> pending(long id, boolean overdueOnly, int offset, int limit) {
        requireExists(id);
        return repository.pending(id, today(), overdueOnly, offset, limit);
    }

    /** Refuses an unknown cycle without reading its summary (which counts its assessments: 20,000 in a city). */
    private void requireExists(long id) {
        if (!repository.exists(id)) {
            throw new NotFoundException();
        }
    }

    /**
     * Gives these organisations until {@code newDeadline} for their self-assessment. The reason is
     * required; the date must be after the cycle's self-assessment deadline, not in the past and not after
     * the review deadline; only organisations that still owe their (re)submission qualify. Each
     * organisation's extension is audited; returns how many were extended.
     */
    @PreAuthorize(Access.APPROVER)
    @Transactional
    public int extendDeadline(long cycleId, Collection<Long> organizationIds, LocalDate newDeadline, String reason) {
        CycleStatus status = repository.lockStatus(cycleId).orElseThrow(NotFoundException::new);
        CycleSummary cycle = get(cycleId);
        List<PortalException> problems = new ArrayList<>();
        if (status != CycleStatus.OPEN) {
            problems.add(new PortalException("cycle.error.extend-not-open"));
        }
        Set<Long> chosen = organizationIds == null ? Set.of() : new LinkedHashSet<>(organizationIds);
        if (chosen.isEmpty()) {
            problems.add(new PortalException("cycle.error.extend-none-chosen"));
        }
        if (newDeadline == null) {
            problems.add(new PortalException("cycle.error.extend-date-required"));
        } else {
            if (!newDeadline.isAfter(cycle.selfDeadline())) {
                problems.add(new PortalException("cycle.error.extend-not-after-deadline", cycle.selfDeadline().toString()));
            }
            if (newDeadline.isBefore(today())) {
                problems.add(new PortalException("cycle.error.extend-in-past"));
            }
            if (newDeadline.isAfter(cycle.reviewDeadline())) {
                problems.add(new PortalException("cycle.error.extend-after-review", cycle.reviewDeadline().toString()));
            }
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(new PortalException("cycle.error.extend-reason-required"));
        } else if (why.length() > REASON_MAX) {
            problems.add(new PortalException("cycle.error.extend-reason-too-long", REASON_MAX));
        }
        if (!problems.isEmpty()) {
            throw new CycleProblemsException(problems);
        }
        Map<Long, CycleRepository.AssessmentDeadline> assessments = repository.assessmentsOf(cycleId, chosen);
        if (assessments.size() != chosen.size()) {
            throw new NotFoundException();
        }
        long submitted = assessments.values().stream().filter(a -> !a.state().isEditableBySecretary()).count();
        if (submitted > 0) {
            throw new PortalException("cycle.error.extend-already-submitted", submitted);
        }
        int extended = repository.extend(cycleId, chosen, newDeadline, why, now());
        Map<Long, Object> audited = new LinkedHashMap<>();
        assessments.values().forEach(a -> {
            Map<String, Object> after = new TreeMap<>();
            after.put("cycleId", cycleId);
            after.put("organizationId", a.organizationId());
            after.put("previousDeadline", a.extendedTo() == null ? cycle.selfDeadline().toString() : a.extendedTo().toString());
            after.put("deadline", newDeadline.toString());
            after.put("reason", why);
            audited.put(a.assessmentId(), after);
        });
        audit.recordEach(AuditAction.ASSESSMENT_DEADLINE_EXTENDED, ASSESSMENT_ENTITY, audited);
        return extended;
    }

    // --- the rules of a cycle's settings ---

    private void check(CycleInput input, Long id) {
        List<PortalException> problems = new ArrayList<>();
        if (input.year() == null) {
            problems.add(new PortalException("cycle.error.year-required"));
        } else if (input.year() < CycleInput.YEAR_MIN || input.year() > CycleInput.YEAR_MAX) {
            problems.add(new PortalException("cycle.error.year-range", CycleInput.YEAR_MIN, CycleInput.YEAR_MAX));
        } else if (repository.yearTaken(input.year(), id)) {
            problems.add(new PortalException("cycle.error.year-taken", input.year()));
        }
        if (input.name() == null || input.name().isBlank()) {
            problems.add(new PortalException("cycle.error.name-required"));
        } else if (input.name().strip().length() > CycleInput.NAME_MAX) {
            problems.add(new PortalException("cycle.error.name-too-long", CycleInput.NAME_MAX));
        }
        checkStandards(input.standards(), problems);
        checkDeadlines(input, problems);
        if (input.noticeDays() == null || input.noticeDays() < CycleInput.NOTICE_MIN || input.noticeDays() > CycleInput.NOTICE_MAX) {
            problems.add(new PortalException("cycle.error.notice-days", CycleInput.NOTICE_MIN, CycleInput.NOTICE_MAX));
        }
        for (Map.Entry<Integer, BigDecimal> quota : new TreeMap<>(input.quotas()).entrySet()) {
            if (quota.getKey() < 1 || quota.getKey() > 5) {
                problems.add(new PortalException("cycle.error.quota-star"));
            } else if (quota.getValue() != null && (quota.getValue().signum() < 0
                    || quota.getValue().compareTo(BigDecimal.valueOf(100)) > 0
                    || quota.getValue().stripTrailingZeros().scale() > 2)) {
                problems.add(new PortalException("cycle.error.quota-range", quota.getKey()));
            }
        }
        if (!problems.isEmpty()) {
            throw new CycleProblemsException(problems);
        }
    }

    private void checkStandards(Map<Category, Long> chosen, List<PortalException> problems) {
        Map<Long, StandardSummary> byId = new LinkedHashMap<>();
        standards.list().forEach(s -> byId.put(s.id(), s));
        for (Category category : Category.values()) {
            Long standardId = chosen.get(category);
            PortalException.Key name = new PortalException.Key("org.category." + category.name());
            if (standardId == null) {
                problems.add(new PortalException("cycle.error.standard-required", name));
                continue;
            }
            StandardSummary standard = byId.get(standardId);
            if (standard == null || standard.status() != StandardStatus.PUBLISHED) {
                problems.add(new PortalException("cycle.error.standard-not-published", name));
            } else if (!standard.categories().contains(category)) {
                problems.add(new PortalException("cycle.error.standard-wrong-category", name, standard.name()));
            }
        }
    }

    private static void checkDeadlines(CycleInput input, List<PortalException> problems) {
        LocalDate self = input.selfDeadline();
        LocalDate review = input.reviewDeadline();
        LocalDate approval = input.approvalDeadline();
        if (self == null || review == null || approval == null) {
            problems.add(new PortalException("cycle.error.deadlines-required"));
            return;
        }
        if (review.isBefore(self)) {
            problems.add(new PortalException("cycle.error.review-before-self"));
        }
        if (approval.isBefore(review)) {
            problems.add(new PortalException("cycle.error.approval-before-review"));
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
