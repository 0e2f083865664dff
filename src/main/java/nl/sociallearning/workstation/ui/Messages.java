package nl.sociallearning.workstation.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's words, from resource bundles: Dutch for Dutch locales, English otherwise. A key that is missing
 * shows as !key! so it is seen, and a test fails on it before that can happen. Documents (the assessment report,
 * the bias sentences) keep their words in bundles of their own, loaded here the same way by their base name.
 */
public final class Messages {

    public static final String BUNDLE = "nl.sociallearning.workstation.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this(BUNDLE, locale);
    }

    /** The words of the bundle {@code baseName} (e.g. a document's texts), in the same language choice. */
    public Messages(String baseName, Locale locale) {
        this.locale = locale.getLanguage().equals("nl") ? Locale.forLanguageTag("nl") : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle(baseName, this.locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        try {
            return require(key, args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** Like {@link #get}, but a missing key fails: a signed document must never carry a placeholder. */
    public String require(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
