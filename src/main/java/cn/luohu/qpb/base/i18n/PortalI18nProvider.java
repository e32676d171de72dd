package cn.luohu.qpb.base.i18n;

import com.ibm.icu.text.MessageFormat;
import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Reads {@code vaadin-i18n/translations*.properties}: the base file is Simplified Chinese (the default),
 * {@code translations_en.properties} is English. Vaadin picks the browser's language when it is one of
 * ours and Chinese otherwise; a logged-in user's own choice is applied on top (see the user feature).
 * <p>
 * Messages are ICU message patterns, so a number meets its words in one pattern per language:
 * {@code {0,plural,one{# star}other{# stars}}} in English, {@code {0,plural,=0{已全部填写}other{还有 # 项未填写}}}
 * in Chinese. Apostrophes follow ICU: {@code ''} is one apostrophe, a lone one before a letter is literal.
 */
@Component
public class PortalI18nProvider implements I18NProvider {

    static final String BUNDLE = "vaadin-i18n.translations";
    private static final Logger log = LoggerFactory.getLogger(PortalI18nProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return Arrays.stream(Language.values()).map(Language::locale).toList();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = Language.of(locale).locale();
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, effective, NO_FALLBACK).getString(key);
            return new MessageFormat(pattern, effective).format(params); // always, so quoting rules never vary
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, effective);
            return "!" + key;
        }
    }
}
