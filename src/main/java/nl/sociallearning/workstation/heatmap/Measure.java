package nl.sociallearning.workstation.heatmap;

/** What a cell counts: posts written, replies written (posts with a parent), or threads read (VIEW activity). */
public enum Measure {
    POSTS, REPLIES, READS
}
