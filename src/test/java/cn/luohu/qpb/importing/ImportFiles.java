package cn.luohu.qpb.importing;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Files for the import tests, made in memory: .xlsx through POI, CSV in a chosen encoding. */
public final class ImportFiles {

    public static final List<String> ORG_HEADER = List.of("组织编码", "上级组织编码", "组织类型", "组织类别",
            "区域化党建体系", "组织全称", "简称", "书记", "党员人数", "联系方式");
    public static final List<String> USER_HEADER = List.of("用户名", "姓名", "所属组织编码", "角色", "手机号", "电子邮箱");

    private ImportFiles() {
    }

    /** A workbook whose first sheet holds these rows (row 1 first); numbers given as Integer stay numbers. */
    public static byte[] xlsx(List<? extends List<?>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("数据");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                List<?> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String csvText(List<? extends List<?>> rows) {
        return rows.stream().map(row -> row.stream().map(cell -> quote(cell == null ? "" : cell.toString()))
                .collect(Collectors.joining(","))).collect(Collectors.joining("\r\n")) + "\r\n";
    }

    public static byte[] csv(List<? extends List<?>> rows, Charset charset) {
        return csvText(rows).getBytes(charset);
    }

    public static byte[] withUtf8Bom(byte[] content) {
        byte[] bytes = new byte[content.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(content, 0, bytes, 3, content.length);
        return bytes;
    }

    /** A header and rows as one list, for the builders above. */
    @SafeVarargs
    public static List<List<?>> table(List<String> header, List<?>... rows) {
        List<List<?>> table = new ArrayList<>();
        table.add(header);
        table.addAll(List.of(rows));
        return table;
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
