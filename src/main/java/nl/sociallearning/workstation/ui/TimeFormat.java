package nl.sociallearning.workstation.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Times as a moderator reads them: "3 min ago" for the recent, a date for the rest. */
public final class TimeFormat {

    private final Messages messages;
    private final ZoneId zone;
    private final DateTimeFormatter date;

    public TimeFormat(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(zone);
    }

    public String relative(Instant then, Instant now) {
        if (then == null) {
            return messages.get("time.never");
        }
        Duration ago = Duration.between(then, now);
        if (ago.toSeconds() < 45) {
            return messages.get("time.justNow");
        }
        if (ago.toMinutes() < 60) {
            return messages.get("time.minutesAgo", Math.max(1, ago.toMinutes()));
        }
        if (ago.toHours() < 24) {
            return messages.get("time.hoursAgo", ago.toHours());
        }
        if (ago.toDays() < 7) {
            return messages.get("time.daysAgo", ago.toDays());
        }
        return date.format(then);
    }

    public ZoneId zone() {
        return zone;
    }
}
