package cn.luohu.qpb.importing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The result of a dry run: every row with its problems, problems of the whole file, and notes that do not
 * stop the import (e.g. columns that were ignored). Nothing has been written. It can be imported
 * ({@link ImportService#apply}) once, and only when it has no problems at all.
 */
public final class ImportPreview {

    private final ImportKind kind;
    private final String fileName;
    private final List<ImportProblem> fileProblems;
    private final List<ImportProblem> notes;
    private final List<PreviewRow> rows;
    private final long rowsWithProblems;
    // what the import needs: the cells again (checked once more inside the import's transaction)
    private final RawSheet sheet;
    private final Map<ImportColumn, Integer> columnIndex;
    private final AtomicBoolean used = new AtomicBoolean();

    ImportPreview(ImportKind kind, String fileName, List<ImportProblem> fileProblems, List<ImportProblem> notes,
                  List<PreviewRow> rows, RawSheet sheet, Map<ImportColumn, Integer> columnIndex) {
        this.kind = kind;
        this.fileName = fileName;
        this.fileProblems = List.copyOf(fileProblems);
        this.notes = List.copyOf(notes);
        this.rows = List.copyOf(rows);
        this.rowsWithProblems = rows.stream().filter(PreviewRow::hasProblems).count();
        this.sheet = sheet;
        this.columnIndex = Map.copyOf(columnIndex);
    }

    public ImportKind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    /** Problems of the whole file (a missing column, no data rows): nothing can be imported. */
    public List<ImportProblem> fileProblems() {
        return fileProblems;
    }

    /** Remarks that do not stop the import. */
    public List<ImportProblem> notes() {
        return notes;
    }

    public List<PreviewRow> rows() {
        return rows;
    }

    public int rowCount() {
        return rows.size();
    }

    public int rowsWithProblems() {
        return (int) rowsWithProblems;
    }

    /** All rows are fine and there is at least one: the file may be imported. */
    public boolean importable() {
        return fileProblems.isEmpty() && rowsWithProblems == 0 && !rows.isEmpty();
    }

    RawSheet sheet() {
        return sheet;
    }

    Map<ImportColumn, Integer> columnIndex() {
        return columnIndex;
    }

    /** Marks the preview as being imported; false if it already was (a second click, a second tab). */
    boolean claim() {
        return used.compareAndSet(false, true);
    }

    /** After a failed import the same preview may be tried again. */
    void release() {
        used.set(false);
    }
}
