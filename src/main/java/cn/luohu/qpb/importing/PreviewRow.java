package cn.luohu.qpb.importing;

import java.util.List;

/**
 * One data row of a dry run: its row number as Excel shows it, its cells in the order of the kind's
 * columns ({@link ImportKind#columns()}), and every problem found in it.
 */
public record PreviewRow(int rowNumber, List<String> values, List<ImportProblem> problems) {

    public PreviewRow {
        values = List.copyOf(values);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public String value(ImportKind kind, ImportColumn column) {
        return values.get(kind.columns().indexOf(column));
    }
}
