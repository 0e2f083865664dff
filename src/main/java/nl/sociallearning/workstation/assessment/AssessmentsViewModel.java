package nl.sociallearning.workstation.assessment;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.sociallearning.workstation.assessment.exchange.ExchangeFile;
import nl.sociallearning.workstation.assessment.exchange.RecordsMailbox;
import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.flow.AssessorView;
import nl.sociallearning.workstation.assessment.flow.EvaluationRow;
import nl.sociallearning.workstation.assessment.flow.NewAssessment;
import nl.sociallearning.workstation.assessment.flow.Progress;
import nl.sociallearning.workstation.assessment.flow.ResultRules;
import nl.sociallearning.workstation.assessment.audit.AuditChain;
import nl.sociallearning.workstation.assessment.framework.FrameworkExistsException;
import nl.sociallearning.workstation.assessment.framework.FrameworkImport;
import nl.sociallearning.workstation.assessment.mapping.ReportExport;
import nl.sociallearning.workstation.assessment.mapping.ReportSource;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.PostCandidate;
import nl.sociallearning.workstation.domain.assessment.SignerRole;
import nl.sociallearning.workstation.domain.assessment.Step;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.ui.TaskRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The assessments page's state: the list, the assessment open, whose eyes it is seen through (the blind rule
 * applies to them), the step shown, and what the flow last refused. Every command runs the flow in the
 * background and then reloads the open assessment as that assessor may see it.
 */
public final class AssessmentsViewModel {

    /** The open assessment as the acting assessor may see it, with what its later steps need. */
    public record Open(AssessorView view, List<EvaluationRow> evaluation, ResultRules.Result result,
                       AuditChain.Verification audit) { }

    private final Cache cache;
    private final AssessmentFlow flow;
    private final ExchangeFile exchange;
    private final TaskRunner runner;
    private RecordsMailbox mailbox;
    private final ObservableList<Assessment> assessments = FXCollections.observableArrayList();
    private final ObservableList<Framework> frameworks = FXCollections.observableArrayList();
    private final ObservableList<PostCandidate> posts = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<String> actingAs = new SimpleObjectProperty<>();
    private final ObjectProperty<Open> open = new SimpleObjectProperty<>();
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.WAARNEMEN);
    private final ObjectProperty<Throwable> refusal = new SimpleObjectProperty<>();
    private final ObjectProperty<Object> done = new SimpleObjectProperty<>();

    public AssessmentsViewModel(Cache cache, AssessmentFlow flow, ExchangeFile exchange, TaskRunner runner) {
        this.cache = cache;
        this.flow = flow;
        this.exchange = exchange;
        this.runner = runner;
    }

    public static AssessmentsViewModel create(Cache cache, TaskRunner runner, Clock clock) {
        AssessmentFlow flow = new AssessmentFlow(cache, clock);
        return new AssessmentsViewModel(cache, flow, new ExchangeFile(cache,
                nl.sociallearning.workstation.assessment.exchange.SigningKey.inDataDirectory(cache.directory()), clock), runner);
    }

    /** The course server as a meeting place for assessors' records; without it, only files. */
    public void useServer(RecordsMailbox server) {
        this.mailbox = server;
    }

    public boolean hasServer() {
        return mailbox != null;
    }

    public ObservableList<Assessment> assessments() {
        return assessments;
    }

    public ObservableList<Framework> frameworks() {
        return frameworks;
    }

    public ObservableList<PostCandidate> posts() {
        return posts;
    }

    public ReadOnlyObjectProperty<String> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<String> actingAsProperty() {
        return actingAs;
    }

    public ReadOnlyObjectProperty<Open> openProperty() {
        return open;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    /** The last refusal or failure, for the status line; cleared by the next command that succeeds. */
    public ReadOnlyObjectProperty<Throwable> refusalProperty() {
        return refusal;
    }

    /** The last thing done that the user should hear about (an import's result, a file written). */
    public ReadOnlyObjectProperty<Object> doneProperty() {
        return done;
    }

    public void load() {
        runner.run(() -> new Object[] {flow.all(), cache.frameworks().all()}, r -> {
            @SuppressWarnings("unchecked") List<Assessment> list = (List<Assessment>) r[0];
            @SuppressWarnings("unchecked") List<Framework> fs = (List<Framework>) r[1];
            assessments.setAll(list);
            frameworks.setAll(fs);
            if (selected.get() == null && !list.isEmpty()) {
                select(list.get(0).id());
            }
        }, refusal::set);
    }

    /** Opens an assessment, seen by its first observer unless the acting assessor is one of its assessors. */
    public void select(String id) {
        Assessment a = assessments.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (a == null) {
            return;
        }
        selected.set(id);
        String who = a.assessor(Objects.toString(actingAs.get(), "")).isPresent() ? actingAs.get()
                : a.observers().isEmpty() ? a.assessors().get(0).id() : a.observers().get(0).id();
        actingAs.set(who);
        reload(true);
    }

    public void actAs(String assessorId) {
        actingAs.set(assessorId);
        reload(true);
    }

    public void show(Step s) {
        Open o = open.get();
        if (o != null && (o.view().progress().isOpen(s) || o.view().progress().done().contains(s))) {
            step.set(s);
        }
    }

    private void reload(boolean jumpToCurrent) {
        String id = selected.get();
        String who = actingAs.get();
        if (id == null || who == null) {
            open.set(null);
            return;
        }
        runner.run(() -> read(id, who), o -> {
            if (!id.equals(selected.get())) {
                return;
            }
            // The list shows each assessment's state (observing, locked…): keep its entry as current as the pane.
            Assessment now = o.view().dossier().assessment();
            assessments.replaceAll(a -> a.id().equals(id) ? now : a);
            Open before = open.get();
            boolean wasOnCurrent = before != null && before.view().dossier().assessment().id().equals(id)
                    && step.get() == landing(before.view().progress());
            open.set(o);
            Progress p = o.view().progress();
            if (jumpToCurrent || wasOnCurrent || !(p.isOpen(step.get()) || p.done().contains(step.get()))) {
                step.set(landing(p));
            }
        }, refusal::set);
    }

    /** The step to show: the current one, or while that is not open yet (others still scoring), the one before. */
    static Step landing(Progress p) {
        Step s = p.current();
        while (s.ordinal() > 0 && !p.isOpen(s)) {
            s = Step.values()[s.ordinal() - 1];
        }
        return s;
    }

    private Open read(String id, String who) {
        AssessmentFlow.Opened o = flow.open(id, who);
        return new Open(o.view(), o.evaluation(), o.result(), o.audit());
    }

    /** Runs a flow command for the open assessment, then shows the assessment as it now is. */
    private void command(Consumer<String> action) {
        String id = selected.get();
        if (id == null) {
            return;
        }
        runner.run(() -> {
            action.accept(id);
            return true;
        }, ok -> {
            refusal.set(null);
            reload(false);
        }, refusal::set);
    }

    private <T> void task(Supplier<T> work, Consumer<T> then) {
        runner.run(work, r -> {
            refusal.set(null);
            then.accept(r);
        }, refusal::set);
    }

    private String me() {
        return actingAs.get();
    }

    // --- the steps ------------------------------------------------------------------------------------------------

    public void create(NewAssessment n) {
        task(() -> flow.create(n), a -> {
            assessments.add(0, a);
            actingAs.set(a.assessors().get(0).id());
            select(a.id());
        });
    }

    public void startObservation() {
        command(id -> flow.startObservation(id, me()));
    }

    public void endObservation() {
        command(id -> flow.endObservation(id, me()));
    }

    public void addNote(String text) {
        command(id -> flow.addNote(id, me(), text));
    }

    public void link(String noteId, String criterionCode) {
        command(id -> flow.link(id, me(), noteId, criterionCode));
    }

    public void unlink(String noteId, String criterionCode) {
        command(id -> flow.unlink(id, me(), noteId, criterionCode));
    }

    public void searchPosts(String text) {
        task(() -> flow.posts(text), posts::setAll);
    }

    public void linkPost(PostCandidate post, String criterionCode) {
        command(id -> flow.linkPost(id, me(), criterionCode, post.courseId(), post.postId(), null));
    }

    public void setLevel(String criterionCode, String level, String justification) {
        command(id -> flow.setLevel(id, me(), criterionCode, level, justification));
    }

    public void lockLevels() {
        command(id -> flow.lockLevels(id, me()));
    }

    public void agree(String criterionCode, String level, String rationale) {
        command(id -> flow.agree(id, me(), criterionCode, level, rationale));
    }

    public void agreeWhereUnanimous() {
        command(id -> flow.agreeWhereUnanimous(id, me()));
    }

    public void addThirdAssessor(String name) {
        String assessorId = "third-" + Integer.toHexString(Objects.hash(name, System.nanoTime()));
        command(id -> flow.addThirdAssessor(id, me(), new Assessor(assessorId, name.strip(), AssessorRole.THIRD)));
    }

    public void writeReport(String strengths, String nextSteps, String debrief, String response) {
        command(id -> flow.writeReport(id, me(), strengths, nextSteps, debrief, response));
    }

    public void sign(String signerId, SignerRole role, String name) {
        command(id -> flow.sign(id, signerId, role, name));
    }

    public void addAddendum(String text) {
        command(id -> flow.addAddendum(id, me(), text));
    }

    // --- files ----------------------------------------------------------------------------------------------------

    public void importFramework(Path file) {
        task(() -> {
            Framework f = FrameworkImport.read(file);
            if (!cache.frameworks().add(f, java.time.Instant.now())) {
                throw new FrameworkExistsException(f.code());
            }
            return f;
        }, f -> {
            frameworks.add(f);
            done.set(f);
        });
    }

    public void exportExchange(Path file) {
        String id = selected.get();
        String who = me();
        task(() -> {
            try {
                Files.write(file, exchange.export(id, who));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }, done::set);
    }

    /** Puts this assessor's records on the course server and adds the other assessors' records found there. */
    public void exchangeThroughServer() {
        String id = selected.get();
        String who = me();
        RecordsMailbox server = mailbox;
        if (id == null || server == null) {
            return;
        }
        task(() -> exchange.throughServer(server, id, who), result -> {
            done.set(result);
            reload(false);
        });
    }

    /** The report of the open assessment as a file, written in the background; a failure says which file and why. */
    public void exportReport(Path file, ReportExport.Format format, java.util.Locale locale) {
        String id = selected.get();
        if (id == null) {
            return;
        }
        task(() -> new ReportSource(cache).export(id, format, locale, java.time.ZoneId.systemDefault(), file), done::set);
    }

    /** The agreement figures over every assessment in this cache. */
    public AgreementViewModel agreement(java.util.Locale locale) {
        return new AgreementViewModel(cache, runner, locale);
    }

    public void importExchange(Path file) {
        task(() -> {
            try {
                return exchange.importFile(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, imported -> {
            done.set(imported);
            runner.run(flow::all, list -> {
                assessments.setAll(list);
                if (imported.assessmentId().equals(selected.get())) {
                    reload(false);
                } else {
                    select(imported.assessmentId());
                }
            }, refusal::set);
        });
    }
}
