package nl.sociallearning.workstation.reports;

import java.util.Objects;

/**
 * One column of a report table. {@code identifying}: it names or stands for one person (a name or a pseudonym);
 * such a column never appears in aggregate mode.
 */
public record Column(String key, String title, ColumnType type, boolean identifying) {

    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
    }
}
