package nl.sociallearning.workstation.assessment.mapping;

import nl.sociallearning.workstation.assessment.report.AssessmentReport;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.LinkedPost;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.domain.assessment.CourseEvidence;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.PostCandidate;
import nl.sociallearning.workstation.store.Cache;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Reads an assessment from the cache as its report, and writes it as a file. Runs in the background. */
public final class ReportSource {

    private final Cache cache;

    public ReportSource(Cache cache) {
        this.cache = cache;
    }

    public AssessmentReport report(String assessmentId, Locale locale, ZoneId zone) {
        Dossier d = cache.assessments().dossier(assessmentId)
                .orElseThrow(() -> new NoSuchElementException("no assessment " + assessmentId));
        Framework f = cache.frameworks().find(d.assessment().frameworkCode())
                .orElseThrow(() -> new NoSuchElementException("no framework " + d.assessment().frameworkCode()));
        return DossierReport.of(d, f, this::post, locale, zone);
    }

    /** Reads the report and writes it; a file that cannot be written throws {@link ReportExportException}. */
    public Path export(String assessmentId, ReportExport.Format format, Locale locale, ZoneId zone, Path file) {
        ReportExport.write(report(assessmentId, locale, zone), format, locale, file);
        return file;
    }

    /** The post behind a piece of evidence as the cache has it; the stored quote and time when it is gone. */
    private LinkedPost post(CourseEvidence e) {
        Optional<PostCandidate> candidate = cache.assessments().post(e.courseId(), e.postId());
        String course = cache.courses().find(e.courseId()).map(Course::title).orElse(e.courseId());
        String thread = cache.posts().find(e.courseId(), e.postId()).map(Post::threadId)
                .flatMap(t -> cache.threads().find(e.courseId(), t)).map(DiscussionThread::title).orElse("");
        return new LinkedPost(course, thread, candidate.map(PostCandidate::authorName).orElse(""),
                candidate.map(PostCandidate::createdAt).orElse(e.at()), e.excerpt());
    }
}
