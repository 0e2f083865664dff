package nl.sociallearning.workstation.feed;

import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.feed.html.PostContent;

/**
 * A post in a thread's reply tree, at its depth, with its author (null when the cache does not know them) and
 * its body already parsed and cleaned (off the UI thread).
 */
public record PostNode(Post post, int depth, Participant author, boolean unread, boolean pendingLocally,
                       PostContent content) {
}
