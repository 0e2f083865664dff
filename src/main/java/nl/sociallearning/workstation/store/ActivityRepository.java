package nl.sociallearning.workstation.store;

/** Read and login events in the cache. */
public final class ActivityRepository {

    private final Jdbc jdbc;

    public ActivityRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long count(String courseId) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM activity WHERE course_id = ?", courseId));
    }
}
