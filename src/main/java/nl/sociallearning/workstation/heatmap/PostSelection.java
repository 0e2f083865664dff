package nl.sociallearning.workstation.heatmap;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Posts to open in the feed: those the participants wrote in a course between {@code from} (inclusive) and
 * {@code to} (exclusive). Either end may be null: open. A click on a cell gives one participant and that
 * cell's time; a dragged range or a selection of rows gives several participants.
 */
public record PostSelection(String courseId, List<String> participantIds, Instant from, Instant to) {

    public PostSelection {
        Objects.requireNonNull(courseId, "courseId");
        participantIds = List.copyOf(participantIds);
    }
}
