package nl.sociallearning.workstation.feed;

import nl.sociallearning.workstation.domain.Draft;
import nl.sociallearning.workstation.domain.ModeratorNote;
import nl.sociallearning.workstation.domain.OutboxEntry;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.store.FeedRepository;

import java.util.List;

/**
 * Everything the thread pane shows, loaded in one go: the conversation as a tree, the opener's history in the
 * course, the moderators' notes, the action log (with conflicts and rejections), and a reply being typed.
 */
public record ThreadDetails(
        FeedItem item,
        List<PostNode> posts,
        Participant author,
        long authorPostCount,
        List<FeedRepository.AuthorPost> authorHistory,
        List<ModeratorNote> notes,
        List<OutboxEntry> actionLog,
        List<Draft> drafts) {
}
