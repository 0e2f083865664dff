package nl.sociallearning.workstation.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's words, from resource bundles: Dutch for Dutch locales, English otherwise. A key that is missing
 * shows as !key! so it is seen, and a test fails on it before that can happen.
 */
public final class Messages {

    public static final String BUNDLE = "nl.sociallearning.workstation.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale.getLanguage().equals("nl") ? Locale.forLanguageTag("nl") : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
