package cn.luohu.qpb.importing;

import java.util.List;

/**
 * One problem found in a file: a translation key with its arguments, and the column it is about (null
 * for a problem of the whole row or file). Arguments may be enum values (a kind, category or role) or
 * columns, which the screen shows by their translated names.
 */
public record ImportProblem(ImportColumn column, String messageKey, List<Object> arguments) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    static ImportProblem of(ImportColumn column, String messageKey, Object... arguments) {
        return new ImportProblem(column, messageKey, List.of(arguments));
    }
}
