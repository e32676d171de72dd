package cn.luohu.qpb.importing;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 20,000-row organisations workbook: 200 general branches under a test committee, 99 branches under
 * each. Prints the measured times (nothing is asserted about them); removes what it imported afterwards,
 * so later tests see the usual tree.
 */
class ImportLargeFileTest extends IntegrationTest {

    private static final int GENERAL_BRANCHES = 200;
    private static final int BRANCHES_EACH = 99;

    @Autowired
    private ImportService imports;
    @Autowired
    private DSLContext dsl;

    private String committeePath;

    @AfterEach
    void removeTheImportedTree() {
        if (committeePath != null) {
            dsl.deleteFrom(ORGANIZATION)
                    .where(ORGANIZATION.PATH.startsWith(committeePath).and(ORGANIZATION.DEPTH.gt(1)))
                    .orderBy(ORGANIZATION.DEPTH.desc())
                    .execute();
        }
    }

    @Test
    void twentyThousandRowsAreCheckedAndImportedInSeconds() throws IOException {
        long committeeId = data.committee("两万行导入测试党工委");
        var committee = dsl.select(ORGANIZATION.CODE, ORGANIZATION.PATH).from(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(committeeId)).fetchSingle();
        committeePath = committee.value2();
        actAs(data.user(data.districtId(), Role.ADMIN));
        String prefix = TestData.unique("L");
        byte[] file = workbook(committee.value1(), prefix);
        System.out.printf("20,000-row organisations workbook: %,d bytes%n", file.length);

        AtomicInteger progressReports = new AtomicInteger();
        long start = System.nanoTime();
        ImportPreview preview = imports.dryRun(ImportKind.ORGANIZATIONS, "两万行.xlsx", file,
                (phase, done, total) -> progressReports.incrementAndGet());
        long checked = System.nanoTime();
        assertEquals(20_000, preview.rowCount());
        assertTrue(preview.importable(), () -> preview.rows().stream().filter(PreviewRow::hasProblems)
                .limit(3).toList().toString());
        assertTrue(progressReports.get() >= 40, "progress while reading and checking: " + progressReports.get());

        ImportResult result = imports.apply(preview, ImportProgress.NONE);
        long applied = System.nanoTime();
        assertEquals(20_000, result.created());
        assertEquals(20_000, dsl.fetchCount(ORGANIZATION, ORGANIZATION.PATH.startsWith(committeePath)
                .and(ORGANIZATION.DEPTH.gt(1))));
        assertEquals(3, dsl.select(ORGANIZATION.DEPTH).from(ORGANIZATION)
                .where(ORGANIZATION.CODE.eq(prefix + "-1-1")).fetchSingle().value1());

        System.out.printf("20,000 rows: read + dry run %,d ms, import (checks again + insert + audit) %,d ms%n",
                (checked - start) / 1_000_000, (applied - checked) / 1_000_000);
    }

    private static byte[] workbook(String committeeCode, String prefix) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("数据");
            int next = 0;
            row(sheet.createRow(next++), ImportFiles.ORG_HEADER);
            for (int g = 1; g <= GENERAL_BRANCHES; g++) {
                String generalBranch = prefix + "-" + g;
                row(sheet.createRow(next++), List.of(generalBranch, committeeCode, "党总支", "", "", "第" + g + "党总支",
                        "", "", "0", ""));
                for (int b = 1; b <= BRANCHES_EACH; b++) {
                    String code = generalBranch + "-" + b;
                    row(sheet.createRow(next++), List.of(code, generalBranch, "党支部", "非公有制企业党组织", "楼宇园区行业党建体系",
                            "中共深圳市罗湖区某某科技有限公司第" + g + "-" + b + "支部委员会", "某某科技" + g + "-" + b + "支部",
                            "张三", String.valueOf(b), "0755-8" + b));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void row(org.apache.poi.ss.usermodel.Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }
}
