package cn.luohu.qpb.importing;

import java.util.List;

/**
 * The cells of a file as text, before any meaning is given to them: the header row and the data rows,
 * each with its row number as Excel shows it (the header is usually row 1). Blank rows are left out.
 */
record RawSheet(List<String> header, List<Row> rows) {

    record Row(int number, List<String> cells) {

        String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index);
        }
    }
}
