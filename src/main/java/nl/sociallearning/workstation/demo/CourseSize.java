package nl.sociallearning.workstation.demo;

/**
 * How big a generated course is. Each reader reads about {@code readsPerParticipant} threads, plus
 * {@code readsPerOwnPost} for every post they write (people who write also read more).
 */
public record CourseSize(int participants, int threads, int posts, double readsPerParticipant, double readsPerOwnPost) {

    /** The reference courses: about five posts and 0.2 threads per participant, and plenty of reading. */
    public static CourseSize reference(int participants) {
        return new CourseSize(participants, Math.max(24, participants / 5), participants * 5, 12, 1.2);
    }

    /** The benchmark course of the design: 1 000 participants, 10 000 threads, 100 000 posts. */
    public static CourseSize large() {
        return new CourseSize(1000, 10_000, 100_000, 20, 0.1);
    }
}
