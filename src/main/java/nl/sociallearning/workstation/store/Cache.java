package nl.sociallearning.workstation.store;

import java.nio.file.Path;

/** The local cache: one H2 database and a repository per aggregate over it. */
public final class Cache implements AutoCloseable {

    private final Database database;
    private final ChangeWriter changes;
    private final CourseRepository courses;
    private final ParticipantRepository participants;
    private final ThreadRepository threads;
    private final PostRepository posts;
    private final ActivityRepository activity;
    private final SyncStateRepository syncStates;
    private final OutboxRepository outbox;
    private final FeedRepository feed;
    private final DraftRepository drafts;
    private final HeatmapRepository heatmap;
    private final FrameworkRepository frameworks;
    private final AssessmentRepository assessments;

    private Cache(Database database) {
        this.database = database;
        Jdbc jdbc = new Jdbc(database);
        this.changes = new ChangeWriter(database);
        this.courses = new CourseRepository(jdbc);
        this.participants = new ParticipantRepository(jdbc);
        this.threads = new ThreadRepository(jdbc);
        this.posts = new PostRepository(jdbc);
        this.activity = new ActivityRepository(jdbc);
        this.syncStates = new SyncStateRepository(jdbc);
        this.outbox = new OutboxRepository(jdbc, changes);
        this.feed = new FeedRepository(jdbc);
        this.drafts = new DraftRepository(jdbc);
        this.heatmap = new HeatmapRepository(jdbc);
        this.frameworks = new FrameworkRepository(jdbc);
        this.assessments = new AssessmentRepository(jdbc);
    }

    public static Cache open(Path directory) {
        return new Cache(Database.open(directory));
    }

    public Path directory() {
        return database.directory();
    }

    public ChangeWriter changes() { return changes; }

    public CourseRepository courses() { return courses; }

    public ParticipantRepository participants() { return participants; }

    public ThreadRepository threads() { return threads; }

    public PostRepository posts() { return posts; }

    public ActivityRepository activity() { return activity; }

    public SyncStateRepository syncStates() { return syncStates; }

    public OutboxRepository outbox() { return outbox; }

    public FeedRepository feed() { return feed; }

    public DraftRepository drafts() { return drafts; }

    public HeatmapRepository heatmap() { return heatmap; }

    public FrameworkRepository frameworks() { return frameworks; }

    public AssessmentRepository assessments() { return assessments; }

    @Override
    public void close() {
        database.close();
    }
}
