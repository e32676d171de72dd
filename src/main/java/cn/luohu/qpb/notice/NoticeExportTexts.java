package cn.luohu.qpb.notice;

import cn.luohu.qpb.organization.StarChangeKind;
import cn.luohu.qpb.organization.Category;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The words of the notice list exports ({@link NoticeWorkbook}, {@link NoticePdf}), so that the .xlsx and
 * the PDF say the same thing. Every text comes from the caller's translator (key and {@code MessageFormat}
 * arguments in, text out), which decides the language: in a view {@code this::getTranslation}, in a
 * service {@code (key, args) -> i18n.getTranslation(key, locale, args)}.
 */
final class NoticeExportTexts {

    /** The columns, in order. */
    static final List<String> COLUMN_KEYS = List.of(
            "notice.export.column.number", "notice.export.column.code", "notice.export.column.name",
            "notice.export.column.committee", "notice.export.column.category", "notice.export.column.old-star",
            "notice.export.column.new-star", "notice.export.column.change");

    private final BiFunction<String, Object[], String> translator;
    /** The labels that every row repeats, translated once per file rather than once per cell. */
    private final Map<Category, String> categories = new EnumMap<>(Category.class);
    private final String[] stars = new String[6];
    private final String[] changes = new String[StarChangeKind.values().length];

    NoticeExportTexts(BiFunction<String, Object[], String> translator) {
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    String text(String key, Object... args) {
        return translator.apply(key, args);
    }

    /** E.g. 2026年度质量党建星级评定结果公示. The year goes in as text, so that no language groups its digits. */
    String title(NoticeBatch batch) {
        return text("notice.export.title", String.valueOf(batch.year()), batch.cycleName());
    }

    /** 公示期：2026-07-01 至 2026-07-07, or nothing while the batch has no period. */
    String period(NoticeBatch batch) {
        if (batch.startsOn() == null || batch.endsOn() == null) {
            return "";
        }
        return text("notice.export.period", batch.startsOn().toString(), batch.endsOn().toString());
    }

    String sheetName() {
        return text("notice.export.sheet");
    }

    /** The download's name without its extension, e.g. 2026年度星级评定公示名单. */
    String fileName(NoticeBatch batch) {
        return text("notice.export.file-name", String.valueOf(batch.year()));
    }

    List<String> headers() {
        return COLUMN_KEYS.stream().map(this::text).toList();
    }

    String category(Category category) {
        return category == null ? "" : categories.computeIfAbsent(category, c -> text("org.category." + c.name()));
    }

    /** The portal's own star label: 三星, 未评星 / Three stars, No star. */
    String star(int star) {
        if (star < 0 || star >= stars.length) {
            return text("star.level", star);
        }
        if (stars[star] == null) {
            stars[star] = text("star.level", star);
        }
        return stars[star];
    }

    /** 升星, 降星 or 不变. */
    String change(NoticeRow row) {
        StarChangeKind kind = row.change();
        int index = kind.ordinal();
        if (changes[index] == null) {
            changes[index] = text(switch (kind) {
                case DEMOTION -> "notice.export.change.down";
                case PROMOTION -> "notice.export.change.up";
                default -> "notice.export.change.same";
            });
        }
        return changes[index];
    }
}
