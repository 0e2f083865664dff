package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.DiscussionThread;

/** A thread as a list shows it: with its author's name and how many replies and flags it has. */
public record ThreadSummary(
        DiscussionThread thread,
        String authorName,
        String authorGroup,
        int replies,
        int flags) {
}
