package cn.luohu.qpb.importing;

import cn.luohu.qpb.base.i18n.Language;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.RegionalSystem;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words a file may use, in both languages: column titles and the names of kinds, categories, regional
 * systems and roles. The names are the portal's own translations (so "党支部" in a cell means exactly what
 * the screens call 党支部), plus the enum names (BRANCH) and column aliases (parent_code). Matching ignores
 * case, width (full-width letters and brackets), spaces, underscores, hyphens and a trailing "*".
 */
@Component
class ImportVocabulary {

    private final I18NProvider translations;
    private final Map<ImportKind, Map<String, ImportColumn>> headers = new HashMap<>();
    private final Map<String, OrgKind> kinds;
    private final Map<String, Category> categories;
    private final Map<String, RegionalSystem> regions;
    private final Map<String, Role> roles;

    ImportVocabulary(I18NProvider translations) {
        this.translations = translations;
        for (ImportKind kind : ImportKind.values()) {
            Map<String, ImportColumn> byName = new HashMap<>();
            for (ImportColumn column : kind.columns()) {
                byName.put(normalize(column.alias()), column);
                for (Language language : Language.values()) {
                    byName.put(normalize(translate(column.titleKey(), language.locale())), column);
                }
            }
            headers.put(kind, byName);
        }
        kinds = names(OrgKind.values(), "org.kind.");
        categories = names(Category.values(), "org.category.");
        regions = names(RegionalSystem.values(), "org.region.");
        roles = names(Role.values(), "role.");
    }

    Optional<ImportColumn> column(ImportKind kind, String header) {
        return Optional.ofNullable(headers.get(kind).get(normalize(header)));
    }

    Optional<OrgKind> kind(String value) {
        return Optional.ofNullable(kinds.get(normalize(value)));
    }

    Optional<Category> category(String value) {
        return Optional.ofNullable(categories.get(normalize(value)));
    }

    Optional<RegionalSystem> region(String value) {
        return Optional.ofNullable(regions.get(normalize(value)));
    }

    Optional<Role> role(String value) {
        return Optional.ofNullable(roles.get(normalize(value)));
    }

    /** The text of a key in a language (for files the portal writes: template, passwords). */
    String translate(String key, Locale locale, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }

    /** The names a cell may hold for these values, in this language, for the template's drop-downs. */
    <E extends Enum<E>> List<String> labels(E[] values, String prefix, Locale locale) {
        return java.util.Arrays.stream(values).map(value -> translate(prefix + value.name(), locale)).toList();
    }

    private <E extends Enum<E>> Map<String, E> names(E[] values, String prefix) {
        Map<String, E> byName = new HashMap<>();
        for (E value : values) {
            byName.put(normalize(value.name()), value);
            for (Language language : Language.values()) {
                byName.putIfAbsent(normalize(translate(prefix + value.name(), language.locale())), value);
            }
        }
        return byName;
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return normal.replaceAll("[\\s_\\-*]", "");
    }
}
