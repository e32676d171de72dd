package cn.luohu.qpb.standard;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Standards (指标体系) for district staff and administrators: drafts are edited freely, published ones
 * are frozen (here and by the database), copied into a new draft version, or retired.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class StandardService {

    private static final String ENTITY = "standard";

    private final StandardRepository repository;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    StandardService(StandardRepository repository, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Access.STAFF)
    public List<StandardSummary> list() {
        return repository.list();
    }

    @PreAuthorize(Access.STAFF)
    public StandardDefinition definition(long id) {
        return repository.definition(id).orElseThrow(NotFoundException::new);
    }

    /** The draft's row version, to hand back with {@link #saveDraft} (a second tab cannot overwrite it). */
    @PreAuthorize(Access.STAFF)
    public int draftVersion(long id) {
        return requireDraft(load(id)).rowVersion();
    }

    /** A new draft from a whole definition (a blank form or an imported workbook): its code's next version. */
    @PreAuthorize(Access.STAFF)
    @Transactional
    public long createDraft(StandardDefinition content) {
        if (content.code() == null || content.code().isBlank() || content.name() == null || content.name().isBlank()) {
            throw new PortalException("standard.error.code-and-name");
        }
        return draftCreated(repository.insertDraft(withVersion(content, repository.nextVersion(content.code().strip())), null),
                null);
    }

    /** Copies any version into a new draft: the way to change a published standard. */
    @PreAuthorize(Access.STAFF)
    @Transactional
    public long copyToDraft(long id) {
        StandardDefinition source = definition(id);
        return draftCreated(repository.insertDraft(withVersion(source, repository.nextVersion(source.code())), id), id);
    }

    private long draftCreated(long id, Long copiedFrom) {
        StandardDefinition created = definition(id);
        audit.record(AuditAction.STANDARD_DRAFT_CREATED, ENTITY, id, copiedFrom == null ? null : Map.of("copiedFrom", copiedFrom),
                Map.of("code", created.code(), "version", created.version(), "indicators", created.indicators().size()));
        return id;
    }

    /** Writes a standard as the workbook district staff keep in Excel. */
    @PreAuthorize(Access.STAFF)
    public void exportWorkbook(long id, OutputStream out) {
        StandardWorkbook.write(definition(id), out);
    }

    /**
     * Reads a workbook into a new draft (its code's next version). When the file cannot be read, nothing is
     * stored and every problem is returned, with the place it was found.
     */
    @PreAuthorize(Access.STAFF)
    @Transactional
    public WorkbookImport importWorkbook(InputStream in) {
        StandardWorkbook.Result read = StandardWorkbook.read(in);
        if (read.definition() == null) {
            return new WorkbookImport(null, read.problems());
        }
        return new WorkbookImport(createDraft(read.definition()), List.of());
    }

    /** The new draft's id, or the problems that kept the workbook from being read. */
    public record WorkbookImport(Long draftId, List<StandardWorkbook.Problem> problems) {
    }

    @PreAuthorize(Access.STAFF)
    @Transactional
    public void saveDraft(long id, StandardDefinition content, int rowVersion) {
        requireDraft(load(id));
        StandardDefinition before = definition(id);
        if (!repository.replaceDraft(id, content, rowVersion)) {
            throw new PortalException("error.concurrent-change");
        }
        audit.record(AuditAction.STANDARD_DRAFT_SAVED, ENTITY, id, before, definition(id));
    }

    /** Publishes a draft once it passes every rule of {@link StandardRules}; otherwise lists all problems. */
    @PreAuthorize(Access.STAFF)
    @Transactional
    public void publish(long id) {
        requireDraft(load(id));
        List<StandardRules.Problem> problems = StandardRules.problems(definition(id));
        if (!problems.isEmpty()) {
            throw new StandardProblemsException(problems);
        }
        repository.setStatus(id, StandardStatus.DRAFT, StandardStatus.PUBLISHED,
                LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), currentUser.require().userId());
        audit.record(AuditAction.STANDARD_PUBLISHED, ENTITY, id, Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED"));
    }

    @PreAuthorize(Access.STAFF)
    @Transactional
    public void retire(long id) {
        if (!repository.setStatus(id, StandardStatus.PUBLISHED, StandardStatus.RETIRED, null, null)) {
            load(id);
            throw new PortalException("standard.error.only-published-retire");
        }
        audit.record(AuditAction.STANDARD_RETIRED, ENTITY, id, Map.of("status", "PUBLISHED"), Map.of("status", "RETIRED"));
    }

    private StandardRepository.StoredStandard load(long id) {
        return repository.version(id).orElseThrow(NotFoundException::new);
    }

    private static StandardRepository.StoredStandard requireDraft(StandardRepository.StoredStandard version) {
        if (version.status() != StandardStatus.DRAFT) {
            throw new PortalException("standard.error.frozen", version.code(), version.version());
        }
        return version;
    }

    private static StandardDefinition withVersion(StandardDefinition content, int version) {
        return new StandardDefinition(content.code().strip(), content.name().strip(), version, content.categories(),
                content.notes(), content.dimensions(), content.bands(), content.bonusCap());
    }
}
