package cn.luohu.qpb.notice;

import cn.luohu.qpb.assessment.AssessmentMoves;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.ObjectionLodged;
import cn.luohu.qpb.assessment.StateMachine;
import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.time.DisplayZone;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The public notice (公示, DOMAIN.md "Public notice" and "Final"): district staff publish the approved
 * results of a cycle as a batch for the cycle's notice length; everyone logged in can read the notice
 * lists and lodge an objection during the period; staff uphold an objection (the decision is reopened:
 * IN_NOTICE → RECOMMENDED) or dismiss it with a reason; when the period has ended, {@link NoticeFinalizer}
 * makes the results final.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class NoticeService {

    public static final int REASON_MAX = 2000;
    private static final String ENTITY = "assessment";

    private final NoticeRepository repository;
    private final AssessmentMoves moves;
    private final NoticeFinalizer finalizer;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final I18NProvider i18n;
    private final Clock clock;
    private final DisplayZone zone;
    private final NoticeIssuer issuer;

    NoticeService(NoticeRepository repository, AssessmentMoves moves, NoticeFinalizer finalizer, CurrentUser currentUser,
                  AuditService audit, ApplicationEventPublisher events, I18NProvider i18n, Clock clock, DisplayZone zone,
                  @Value("${qpb.notice.issuer:}") String issuer, @Value("${qpb.notice.contact:}") String contact) {
        this.repository = repository;
        this.moves = moves;
        this.finalizer = finalizer;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.i18n = i18n;
        this.clock = clock;
        this.zone = zone;
        this.issuer = new NoticeIssuer(issuer.strip(), contact.strip());
    }

    /** Who issues the notices and whom to contact about an objection (the print view shows both). */
    @PreAuthorize(Access.ANY_ROLE)
    public NoticeIssuer issuer() {
        return issuer;
    }

    /**
     * Publishes every approved result of the cycle as one notice batch, from today for the cycle's notice
     * length (today counts as the first day).
     */
    @PreAuthorize(Access.APPROVER)
    @Transactional
    public NoticeBatch publish(long cycleId) {
        // the locked cycle row makes two publications of one cycle wait for each other
        NoticeRepository.CycleNotice cycle = repository.lockCycle(cycleId).orElseThrow(NotFoundException::new);
        if (!cycle.open()) {
            throw new PortalException("notice.error.cycle-not-open");
        }
        int days = cycle.noticeDays();
        List<Long> approved = repository.approvedIds(cycleId);
        if (approved.isEmpty()) {
            throw new PortalException("notice.error.nothing-approved");
        }
        long me = currentUser.require().userId();
        LocalDate startsOn = today();
        long batchId = repository.insertBatch(cycleId, startsOn, startsOn.plusDays(days - 1L), me, now());
        List<Long> moved = moves.moveAll(approved, AssessmentState.APPROVED, AssessmentState.IN_NOTICE, StateMachine.Actor.APPROVER,
                me, null);
        if (moved.isEmpty()) { // all of them were moved meanwhile: no empty notice
            throw new PortalException("notice.error.nothing-approved");
        }
        repository.attach(moved, batchId);
        // one audit event per result, as for every move
        Map<Long, Object> audited = new LinkedHashMap<>();
        moved.forEach(id -> audited.put(id, Map.of("state", AssessmentState.IN_NOTICE.name(), "noticeBatch", batchId,
                "startsOn", startsOn.toString(), "endsOn", startsOn.plusDays(days - 1L).toString())));
        audit.recordEach(AuditAction.NOTICE_PUBLISHED, ENTITY, audited);
        return repository.batch(batchId).orElseThrow();
    }

    /** Notice batches, newest first: public to everyone logged in, as a notice is. */
    @PreAuthorize(Access.ANY_ROLE)
    public List<NoticeBatch> batches(int offset, int limit) {
        return repository.batches(offset, limit);
    }

    @PreAuthorize(Access.ANY_ROLE)
    public int countBatches() {
        return repository.countBatches();
    }

    @PreAuthorize(Access.ANY_ROLE)
    public NoticeBatch batch(long batchId) {
        return repository.batch(batchId).orElseThrow(NotFoundException::new);
    }

    /** Where the batch stands today. */
    @PreAuthorize(Access.ANY_ROLE)
    public NoticePhase phase(NoticeBatch batch) {
        if (batch.finalizedAt() != null) {
            return NoticePhase.FINALIZED;
        }
        return today().isAfter(batch.endsOn()) ? NoticePhase.ENDED : NoticePhase.RUNNING;
    }

    /** How many approved results of the cycle wait to be published. */
    @PreAuthorize(Access.APPROVER)
    public int countApproved(long cycleId) {
        return repository.countApproved(cycleId);
    }

    /** A page of a batch's list, by committee and organisation code. */
    @PreAuthorize(Access.ANY_ROLE)
    public List<NoticeRow> rows(long batchId, int offset, int limit) {
        return repository.rows(batchId, offset, limit);
    }

    @PreAuthorize(Access.ANY_ROLE)
    public int countRows(long batchId) {
        return repository.countRows(batchId);
    }

    /**
     * Hands the whole list of a batch, in order, to {@code writer} as a stream read from the database a
     * chunk at a time, so an export of 20,000 rows needs no more memory than one of 20.
     */
    @PreAuthorize(Access.ANY_ROLE)
    public void withRows(long batchId, Consumer<Stream<NoticeRow>> writer) {
        batch(batchId);
        try {
            export(batchId, writer::accept);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the consumer throws none
        }
    }

    /** The whole list of a batch as an .xlsx workbook in the reader's language, written in constant memory. */
    @PreAuthorize(Access.ANY_ROLE)
    public void exportWorkbook(long batchId, Locale locale, OutputStream out) throws IOException {
        NoticeBatch batch = batch(batchId);
        export(batchId, rows -> NoticeWorkbook.write(batch, rows, translator(locale), out));
    }

    /** The whole list of a batch as an A4 PDF in the reader's language. */
    @PreAuthorize(Access.ANY_ROLE)
    public void exportPdf(long batchId, Locale locale, OutputStream out) throws IOException {
        NoticeBatch batch = batch(batchId);
        export(batchId, rows -> NoticePdf.write(batch, rows, translator(locale), out));
    }

    /** The file name of an export, e.g. 2026年度星级评定公示名单.xlsx. */
    @PreAuthorize(Access.ANY_ROLE)
    public String exportFileName(long batchId, Locale locale, boolean pdf) {
        NoticeBatch batch = batch(batchId);
        return pdf ? NoticePdf.fileName(batch, translator(locale)) : NoticeWorkbook.fileName(batch, translator(locale));
    }

    /** A writer of a whole list that may fail writing. */
    private interface ListWriter {
        void write(Stream<NoticeRow> rows) throws IOException;
    }

    private void export(long batchId, ListWriter writer) throws IOException {
        try (Stream<NoticeRow> rows = repository.streamRows(batchId)) {
            writer.write(rows);
        }
    }

    private BiFunction<String, Object[], String> translator(Locale locale) {
        return (key, args) -> i18n.getTranslation(key, locale, args);
    }

    /** Lodges an objection against a result in notice, during its period; one open objection per person and result. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public long lodgeObjection(long assessmentId, String reason) {
        // a result never published and a forged id get the same answer, asked first without a lock or a write
        repository.noticed(assessmentId).filter(this::openForObjections).orElseThrow(NoticeService::notOpenForObjections);
        NoticeRepository.NoticedAssessment noticed = repository.lockNoticed(assessmentId).filter(this::openForObjections)
                .orElseThrow(NoticeService::notOpenForObjections);
        String text = requiredReason(reason);
        long me = currentUser.require().userId();
        if (repository.hasOpenObjectionBy(assessmentId, me)) {
            throw new PortalException("notice.error.objection-pending");
        }
        long objectionId = repository.insertObjection(assessmentId, noticed.batchId(), me, text, now());
        audit.record(AuditAction.OBJECTION_LODGED, ENTITY, assessmentId, null, Map.of("objection", objectionId, "reason", text));
        events.publishEvent(new ObjectionLodged(assessmentId, objectionId, me));
        return objectionId;
    }

    /** Objections, oldest first; {@code status} null: all. */
    @PreAuthorize(Access.APPROVER)
    public List<Objection> objections(ObjectionStatus status, int offset, int limit) {
        return repository.objections(status, offset, limit);
    }

    @PreAuthorize(Access.APPROVER)
    public int countObjections(ObjectionStatus status) {
        return repository.countObjections(status);
    }

    /**
     * Upholds an objection: the decision is reopened (IN_NOTICE → RECOMMENDED, back in the approval queue)
     * and every open objection against the same result is settled with it.
     */
    @PreAuthorize(Access.APPROVER)
    @Transactional
    public void uphold(long objectionId, String reason) {
        Objection objection = openObjection(objectionId);
        String text = requiredReason(reason);
        long me = currentUser.require().userId();
        if (moves.moveAll(List.of(objection.assessmentId()), AssessmentState.IN_NOTICE, AssessmentState.RECOMMENDED,
                StateMachine.Actor.APPROVER, me, text).isEmpty()) {
            throw new PortalException("notice.error.overtaken");
        }
        repository.decide(NoticeRepository.objectionsAgainst(objection.assessmentId()), ObjectionStatus.UPHELD, me, text, now());
        audit.record(AuditAction.OBJECTION_UPHELD, ENTITY, objection.assessmentId(), Map.of("state", AssessmentState.IN_NOTICE.name()),
                Map.of("objection", objectionId, "state", AssessmentState.RECOMMENDED.name(), "reason", text));
    }

    /** Dismisses an objection with a reason; the result stays in notice. */
    @PreAuthorize(Access.APPROVER)
    @Transactional
    public void dismiss(long objectionId, String reason) {
        Objection objection = openObjection(objectionId);
        String text = requiredReason(reason);
        if (repository.decide(NoticeRepository.objectionId(objectionId), ObjectionStatus.DISMISSED, currentUser.require().userId(),
                text, now()) == 0) {
            throw new PortalException("notice.error.overtaken");
        }
        audit.record(AuditAction.OBJECTION_DISMISSED, ENTITY, objection.assessmentId(), null,
                Map.of("objection", objectionId, "reason", text));
    }

    /** Makes final now what the scheduled job would: results whose notice ended with no open objection. */
    @PreAuthorize(Access.APPROVER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int finalizeDue() {
        return finalizer.finalizeDue();
    }

    private Objection openObjection(long objectionId) {
        Objection objection = repository.objection(objectionId).orElseThrow(NotFoundException::new);
        if (objection.status() != ObjectionStatus.OPEN) {
            throw new PortalException("notice.error.objection-decided");
        }
        return objection;
    }

    private static PortalException notOpenForObjections() {
        return new PortalException("notice.error.not-open-for-objections");
    }

    private boolean openForObjections(NoticeRepository.NoticedAssessment noticed) {
        LocalDate today = today();
        return noticed.state() == AssessmentState.IN_NOTICE && !today.isBefore(noticed.startsOn()) && !today.isAfter(noticed.endsOn());
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new PortalException("notice.error.reason-required");
        }
        if (reason.length() > REASON_MAX) {
            throw new PortalException("notice.error.reason-too-long", REASON_MAX);
        }
        return reason.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone.zone()));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
