package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Course;

import java.util.Locale;

/**
 * How a report treats people. Identified: names. Pseudonymised: a stable keyed hash per participant instead of the
 * name ({@link Pseudonyms}). Aggregate: no column that points at a person at all, and no group smaller than
 * {@link #MIN_GROUP}.
 */
public enum PrivacyMode {
    IDENTIFIED, PSEUDONYMISED, AGGREGATE;

    /** Groups with fewer people than this are not shown in aggregate mode. */
    public static final int MIN_GROUP = 5;

    /**
     * What a new export starts with: aggregate for a course an employer runs for its employees (the works council
     * and the GDPR make identified monitoring the exception there), pseudonymised otherwise.
     */
    public static PrivacyMode defaultFor(Course course) {
        return course.audience() == Audience.EMPLOYER ? AGGREGATE : PSEUDONYMISED;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PrivacyMode fromCli(String text) {
        for (PrivacyMode m : values()) {
            if (m.cliName().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--mode is identified, pseudonymised or aggregate; not '" + text + "'");
    }
}
