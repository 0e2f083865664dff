package nl.sociallearning.workstation.assessment.report;

import nl.sociallearning.workstation.ui.Messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;

/** The report's words (Dutch for Dutch locales, English otherwise) and its date and time formats. */
final class ReportText {

    static final String BUNDLE = "nl.sociallearning.workstation.assessment.report.report";

    private final Messages texts;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dateTime;

    ReportText(Locale locale, ZoneId zone) {
        this.locale = locale.getLanguage().equals("nl") ? Locale.forLanguageTag("nl-NL") : Locale.UK;
        this.texts = new Messages(BUNDLE, locale);
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(this.locale);
        this.time = DateTimeFormatter.ofPattern("HH:mm", this.locale);
        this.dateTime = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm", this.locale);
    }

    String get(String key, Object... args) {
        try {
            return texts.require(key, args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("The report's text " + key + " is missing", e);
        }
    }

    String date(LocalDate day) {
        return day == null ? "" : date.format(day);
    }

    String time(Instant at) {
        return at == null ? "" : time.format(at.atZone(zone));
    }

    String dateTime(Instant at) {
        return at == null ? "" : dateTime.format(at.atZone(zone));
    }

    Locale locale() {
        return locale;
    }
}
