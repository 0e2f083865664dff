package nl.sociallearning.workstation.sync;

import java.time.Duration;

/** What a one-off sync did. */
public record SyncReport(int courses, long changes, Duration duration) {
}
