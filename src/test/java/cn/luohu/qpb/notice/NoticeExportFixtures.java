package cn.luohu.qpb.notice;

import cn.luohu.qpb.base.i18n.PortalI18nProvider;
import cn.luohu.qpb.organization.Category;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Batches, rows and translators for the notice export tests. */
final class NoticeExportFixtures {

    static final NoticeBatch BATCH = new NoticeBatch(7, 3, 2026, "2026年度质量党建星级评定",
            LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 7), 3, LocalDateTime.of(2026, 6, 30, 9, 0), "district", null);

    static final BiFunction<String, Object[], String> CHINESE = translator(Locale.SIMPLIFIED_CHINESE);
    static final BiFunction<String, Object[], String> ENGLISH = translator(Locale.ENGLISH);

    private NoticeExportFixtures() {
    }

    /** The portal's own translations, so a missing key shows up as "!key" in the files. */
    static BiFunction<String, Object[], String> translator(Locale locale) {
        PortalI18nProvider provider = new PortalI18nProvider();
        return (key, args) -> provider.getTranslation(key, locale, args);
    }

    static NoticeRow up() {
        return new NoticeRow(101, "CZ001", "翠竹社区党委", "翠竹街道党工委", Category.COMMUNITY, 2, 3, 0);
    }

    static NoticeRow down() {
        return new NoticeRow(102, "LX003", "深圳市罗湖区鹏程电子科技有限公司党支部", "两新组织党委",
                Category.NON_PUBLIC_ENTERPRISE, 4, 3, 1);
    }

    static NoticeRow same() {
        return new NoticeRow(103, "DM-Z1-002", "东门商圈党总支第二支部", "东门街道党工委", Category.BUILDING_PARK, 0, 0, 0);
    }

    /** {@code count} generated rows, made one at a time as they are read (as from a database cursor). */
    static Stream<NoticeRow> many(int count) {
        Category[] categories = Category.values();
        return IntStream.rangeClosed(1, count).mapToObj(i -> new NoticeRow(i, "ORG%05d".formatted(i),
                "罗湖区第" + i + "党支部委员会", "第" + (i % 13 + 1) + "街道党工委", categories[i % categories.length],
                i % 6, (i + 1) % 6, 0));
    }

    /** An in-memory output that remembers whether the writer closed it (it must not: the caller owns it). */
    static final class ClosingWatcher extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
