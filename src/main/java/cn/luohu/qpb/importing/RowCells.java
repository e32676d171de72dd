package cn.luohu.qpb.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The cells of one raw row, looked up by column; a column missing from the file reads as blank. */
final class RowCells {

    private final ImportKind kind;
    private final RawSheet.Row row;
    private final Map<ImportColumn, Integer> index;
    final List<ImportProblem> problems = new ArrayList<>();

    RowCells(ImportKind kind, RawSheet.Row row, Map<ImportColumn, Integer> index) {
        this.kind = kind;
        this.row = row;
        this.index = index;
    }

    String get(ImportColumn column) {
        Integer at = index.get(column);
        return at == null ? "" : row.cell(at);
    }

    /** The cell, or null when blank (optional fields are stored as NULL, not as empty text). */
    String orNull(ImportColumn column) {
        String value = get(column);
        return value.isEmpty() ? null : value;
    }

    void problem(ImportColumn column, String key, Object... arguments) {
        problems.add(ImportProblem.of(column, key, arguments));
    }

    boolean hasProblem(ImportColumn column) {
        return problems.stream().anyMatch(p -> p.column() == column);
    }

    PreviewRow toPreview() {
        List<String> values = kind.columns().stream().map(this::get).toList();
        return new PreviewRow(row.number(), values, problems);
    }

    int number() {
        return row.number();
    }
}
