package cn.luohu.qpb.assessment;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence files (佐证材料) of a self-assessment, several per indicator. Whoever may see an assessment may
 * list and download its files; only its own secretary may add or delete them, and only while it is
 * editable: both questions go to {@link AssessmentAccess}, so a file id or item id of another organisation
 * is refused exactly like one that does not exist.
 * <p>
 * An upload is checked on the server whatever the browser did ({@link EvidenceChecks}): not empty, within
 * {@code qpb.evidence.max-bytes} (20 MB unless configured), an accepted extension that agrees with the
 * content's real type, a sanitised name; its SHA-256 is stored with it. Files live in the database
 * (see {@link EvidenceRepository} for why).
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class EvidenceService {

    static final String ENTITY = "evidence_file";

    private final EvidenceRepository repository;
    private final AssessmentAccess access;
    private final AssessmentMoves moves;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final long maxBytes;

    EvidenceService(EvidenceRepository repository, AssessmentAccess access, AssessmentMoves moves, CurrentUser currentUser,
                    AuditService audit, Clock clock, @Value("${qpb.evidence.max-bytes:20MB}") DataSize maxBytes) {
        if (maxBytes.toBytes() <= 0 || maxBytes.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("qpb.evidence.max-bytes must be between 1 byte and 2 GB: " + maxBytes);
        }
        this.repository = repository;
        this.access = access;
        this.moves = moves;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxBytes.toBytes();
    }

    /** The largest file accepted, in bytes ({@code qpb.evidence.max-bytes}). */
    @PreAuthorize(Access.ANY_ROLE)
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores a file as evidence for one indicator of the caller's own, still editable, self-assessment;
     * refuses it with a message the secretary can act on when it breaks a rule. Like a first entry, a first
     * file starts the assessment.
     */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(isolation = Isolation.READ_COMMITTED) // the check under the lock must see moves committed while we waited
    public EvidenceFile upload(long itemId, String fileName, byte[] content) {
        // scope first, unlocked: a forged id takes no lock and writes no guard
        access.editableBySecretary(repository.assessmentOfItem(itemId).orElseThrow(NotFoundException::new));
        long assessmentId = repository.lockAssessmentOfItem(itemId).orElseThrow(NotFoundException::new);
        AssessmentRef assessment = access.editableBySecretary(assessmentId);
        String name = EvidenceChecks.sanitizeFileName(fileName);
        EvidenceType type = EvidenceChecks.check(name, content == null ? new byte[0] : content, maxBytes);
        String sha256 = EvidenceChecks.sha256(content);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
        long uploader = currentUser.require().userId();
        long id = repository.insert(assessmentId, itemId, name, type, content, sha256, uploader, now);
        moves.start(assessment, uploader);
        EvidenceFile stored = repository.find(id).orElseThrow();
        audit.record(AuditAction.EVIDENCE_UPLOADED, ENTITY, id, null, auditView(stored));
        return stored;
    }

    /** The files of one indicator, oldest first, without their bytes. */
    @PreAuthorize(Access.ANY_ROLE)
    public List<EvidenceFile> list(long itemId) {
        long assessmentId = repository.assessmentOfItem(itemId).orElseThrow(NotFoundException::new);
        access.visible(assessmentId);
        return repository.byItem(itemId);
    }

    /** Every file of an assessment, oldest first, without their bytes. */
    @PreAuthorize(Access.ANY_ROLE)
    public List<EvidenceFile> listForAssessment(long assessmentId) {
        access.visible(assessmentId);
        return repository.byAssessment(assessmentId);
    }

    /** A file's name, detected type and bytes, for anyone who may see its assessment. */
    @PreAuthorize(Access.ANY_ROLE)
    public EvidenceContent download(long fileId) {
        EvidenceFile file = repository.find(fileId).orElseThrow(NotFoundException::new);
        access.visible(file.assessmentId());
        byte[] content = repository.content(fileId).orElseThrow(NotFoundException::new);
        return new EvidenceContent(file.fileName(), file.type(), content);
    }

    /** Deletes a file of the caller's own self-assessment while it is still editable. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(isolation = Isolation.READ_COMMITTED) // as for an upload
    public void delete(long fileId) {
        access.editableBySecretary(repository.assessmentOfFile(fileId).orElseThrow(NotFoundException::new));
        long assessmentId = repository.lockAssessmentOfFile(fileId).orElseThrow(NotFoundException::new);
        access.editableBySecretary(assessmentId);
        EvidenceFile file = repository.find(fileId).orElseThrow(NotFoundException::new);
        repository.delete(fileId);
        audit.record(AuditAction.EVIDENCE_DELETED, ENTITY, fileId, auditView(file), null);
    }

    private static Map<String, Object> auditView(EvidenceFile file) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("assessmentId", file.assessmentId());
        view.put("itemId", file.itemId());
        view.put("fileName", file.fileName());
        view.put("type", file.type().name());
        view.put("sizeBytes", file.sizeBytes());
        view.put("sha256", file.sha256());
        return view;
    }
}
