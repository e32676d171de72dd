package cn.luohu.qpb.importing;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.organization.OrganizationAdminService;
import cn.luohu.qpb.user.NewUser;
import cn.luohu.qpb.user.UserAdminService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bulk import of organisations and users from .xlsx or .csv, for administrators. First a dry run reads and
 * checks the whole file and writes nothing; then, once the administrator confirms, {@link #apply} writes
 * every row in one transaction or none. Creation itself belongs to the features that own the data
 * (organisation and user administration); this service reads files, checks rows and hands them over.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class ImportService {

    /** Largest accepted upload, in bytes. */
    public static final int MAX_BYTES = SpreadsheetReader.MAX_BYTES;
    /** Most data rows in one file. */
    public static final int MAX_ROWS = SpreadsheetReader.MAX_ROWS;
    static final String ENTITY = "import";
    private static final int FILE_NAME_MAX = 200;

    private final ImportVocabulary vocabulary;
    private final ImportRepository repository;
    private final AuditService audit;
    private final OrganizationAdminService organizations;
    private final UserAdminService users;

    ImportService(ImportVocabulary vocabulary, ImportRepository repository, AuditService audit,
                  OrganizationAdminService organizations, UserAdminService users) {
        this.vocabulary = vocabulary;
        this.repository = repository;
        this.audit = audit;
        this.organizations = organizations;
        this.users = users;
    }

    /**
     * Reads and checks a file without writing anything. A file that cannot be read at all (empty, too large,
     * not a spreadsheet, an encoding that is neither UTF-8 nor GBK) is refused with an
     * {@link ImportRefusedException}; everything else comes back as a preview with its problems.
     */
    @PreAuthorize(Access.ADMIN)
    public ImportPreview dryRun(ImportKind kind, String fileName, byte[] content, ImportProgress progress) {
        progress.report(ImportPhase.READING, 0, -1);
        RawSheet sheet = SpreadsheetReader.read(content, rows -> progress.report(ImportPhase.READING, rows, -1));
        List<ImportProblem> fileProblems = new ArrayList<>();
        List<ImportProblem> notes = new ArrayList<>();
        Map<ImportColumn, Integer> index = columns(kind, sheet.header(), fileProblems, notes);
        List<PreviewRow> rows;
        if (sheet.rows().isEmpty()) {
            fileProblems.add(ImportProblem.of(null, "import.file.no-rows"));
            rows = List.of();
        } else if (!fileProblems.isEmpty()) {
            // without its columns the rows cannot be judged: show them as they are
            rows = sheet.rows().stream().map(row -> new RowCells(kind, row, index).toPreview()).toList();
        } else {
            rows = check(kind, sheet, index, progress).rows();
        }
        return new ImportPreview(kind, cleanFileName(fileName), fileProblems, notes, rows, sheet, index);
    }

    /**
     * Imports a preview without problems, all or nothing, in one transaction: the rows are checked again
     * inside it (the data may have changed since the dry run) and handed to the feature that creates them.
     * One audit event records the import. For users the result carries their one-time passwords.
     */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public ImportResult apply(ImportPreview preview, ImportProgress progress) {
        if (!preview.importable()) {
            throw new PortalException("import.error.not-importable");
        }
        if (!preview.claim()) {
            throw new PortalException("import.error.already-imported");
        }
        try {
            CheckedRows checked = check(preview.kind(), preview.sheet(), preview.columnIndex(), progress);
            if (!checked.clean()) {
                throw new PortalException("import.error.changed-since-preview");
            }
            progress.report(ImportPhase.SAVING, 0, preview.rowCount());
            ImportResult result = switch (preview.kind()) {
                case ORGANIZATIONS -> createOrganizations(preview, checked);
                case USERS -> createUsers(preview, checked);
            };
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("file", preview.fileName());
            after.put("rows", preview.rowCount());
            after.put("created", result.created());
            audit.record(preview.kind() == ImportKind.ORGANIZATIONS ? AuditAction.IMPORT_ORGANIZATIONS
                    : AuditAction.IMPORT_USERS, ENTITY, preview.kind().name(), null, after);
            progress.report(ImportPhase.SAVING, preview.rowCount(), preview.rowCount());
            return result;
        } catch (RuntimeException e) {
            preview.release(); // rolled back: the administrator may try again
            throw e;
        }
    }

    /** An empty .xlsx to fill in: the kind's columns (titles in this language) and an instructions sheet. */
    @PreAuthorize(Access.ADMIN)
    public byte[] template(ImportKind kind, Locale locale) {
        return Workbooks.template(kind, vocabulary, locale);
    }

    /** The one-time passwords of an import as an .xlsx, for the administrator to hand over. */
    @PreAuthorize(Access.ADMIN)
    public byte[] passwordsFile(ImportResult result, Locale locale) {
        return Workbooks.passwords(result, vocabulary, locale);
    }

    private ImportResult createOrganizations(ImportPreview preview, CheckedRows checked) {
        organizations.createAll(checked.organizations());
        return new ImportResult(preview.kind(), preview.fileName(), checked.organizations().size(), List.of());
    }

    private ImportResult createUsers(ImportPreview preview, CheckedRows checked) {
        Map<String, String> passwords = users.createAll(checked.users());
        List<IssuedPassword> issued = new ArrayList<>(checked.users().size());
        for (NewUser user : checked.users()) {
            issued.add(new IssuedPassword(user.username(), user.displayName(),
                    checked.organizationNames().get(user.organizationCode()), passwords.get(user.username())));
        }
        return new ImportResult(preview.kind(), preview.fileName(), issued.size(), issued);
    }

    private CheckedRows check(ImportKind kind, RawSheet sheet, Map<ImportColumn, Integer> index,
                              ImportProgress progress) {
        return switch (kind) {
            case ORGANIZATIONS -> new OrganizationChecks(vocabulary, repository).check(sheet, index, progress);
            case USERS -> new UserChecks(vocabulary, repository).check(sheet, index, progress);
        };
    }

    /** Which cell holds which column; missing and repeated columns are file problems, unknown ones notes. */
    private Map<ImportColumn, Integer> columns(ImportKind kind, List<String> header, List<ImportProblem> problems,
                                               List<ImportProblem> notes) {
        Map<ImportColumn, Integer> index = new EnumMap<>(ImportColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String title = header.get(i);
            if (title.isEmpty()) {
                continue;
            }
            var column = vocabulary.column(kind, title);
            if (column.isEmpty()) {
                ignored.add(title);
            } else if (index.putIfAbsent(column.get(), i) != null) {
                problems.add(ImportProblem.of(column.get(), "import.file.duplicate-column", column.get()));
            }
        }
        List<ImportColumn> missing = kind.columns().stream()
                .filter(column -> column.required() && !index.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            problems.addFirst(new ImportProblem(null, "import.file.missing-columns", List.of(missing)));
        }
        if (!ignored.isEmpty()) {
            notes.add(ImportProblem.of(null, "import.file.ignored-columns", String.join("、", ignored)));
        }
        return index;
    }

    private static String cleanFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.length() > FILE_NAME_MAX ? name.substring(0, FILE_NAME_MAX) : name;
    }
}
