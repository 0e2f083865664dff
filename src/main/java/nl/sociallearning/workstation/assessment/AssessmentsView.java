package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import nl.sociallearning.workstation.assessment.AssessmentsViewModel.Open;
import nl.sociallearning.workstation.assessment.exchange.ExchangeFile;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.Step;
import nl.sociallearning.workstation.ui.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The assessments page: the list of assessments on the left; on the right the open one, with the six steps across
 * the top and one pane per step below. Alt+1…6 shows a step; in the notes step the cursor is in the note line.
 */
public final class AssessmentsView extends BorderPane {

    private final AssessmentsViewModel model;
    private final Texts texts;
    private final ListView<Assessment> list = new ListView<>();
    private final StepBar steps;
    private final StackPane body = new StackPane();
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final ComboBox<Assessor> actingAs = new ComboBox<>();
    private final Label message = new Label();
    private final Map<Step, Node> panes = new EnumMap<>(Step.class);
    private final ObservationPane observation;
    private final NotesPane notes;
    private final ClassifyPane classify;
    private final QualifyPane qualify;
    private final EvaluatePane evaluate;
    private final ReportPane report;
    private final NewAssessmentPane creating;
    private final VBox right;
    private final javafx.scene.control.ToggleButton agreementToggle = new javafx.scene.control.ToggleButton();
    private AgreementViewModel agreementModel;
    private AgreementView agreement;
    private boolean filling;

    public AssessmentsView(AssessmentsViewModel model, Messages messages) {
        this.model = model;
        this.texts = new Texts(messages, ZoneId.systemDefault());
        getStyleClass().add("wacker-view");
        getStylesheets().add(Objects.requireNonNull(AssessmentsView.class.getResource("assessment.css")).toExternalForm());
        observation = new ObservationPane(model, texts);
        notes = new NotesPane(model, texts);
        classify = new ClassifyPane(model, texts);
        qualify = new QualifyPane(model, texts);
        evaluate = new EvaluatePane(model, texts);
        report = new ReportPane(model, texts);
        creating = new NewAssessmentPane(model, texts, this::closeNew);
        panes.put(Step.WAARNEMEN, observation);
        panes.put(Step.AANTEKENINGEN, notes);
        panes.put(Step.CLASSIFICEREN, classify);
        panes.put(Step.KWALIFICEREN, qualify);
        panes.put(Step.EVALUEREN, evaluate);
        panes.put(Step.RAPPORTEREN, report);
        steps = new StepBar(messages, model::show);
        setLeft(listPane(messages));
        right = new VBox(header(messages), steps, message, body);
        right.getStyleClass().add("wacker-main");
        VBox.setVgrow(body, Priority.ALWAYS);
        Label empty = Texts.label(messages.get("wacker.list.none"), Styles.TEXT_MUTED);
        body.getChildren().add(empty);
        setCenter(right);
        message.getStyleClass().add("wacker-message");
        message.setWrapText(true);
        message.setVisible(false);
        message.setManaged(false);
        model.openProperty().addListener((obs, old, now) -> refresh());
        model.stepProperty().addListener((obs, old, now) -> refresh());
        model.refusalProperty().addListener((obs, old, now) -> say(now == null ? null : texts.problem(now), true));
        model.doneProperty().addListener((obs, old, now) -> say(now == null ? null : doneText(now), false));
        model.selectedProperty().addListener((obs, old, now) -> model.assessments().stream()
                .filter(a -> a.id().equals(now)).findFirst().ifPresent(a -> {
                    if (list.getSelectionModel().getSelectedItem() != a) {
                        list.getSelectionModel().select(a);
                    }
                }));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode().isDigitKey()) {
                int n = e.getCode().ordinal() - KeyCode.DIGIT1.ordinal();
                if (e.getCode().getName().length() == 1 && n >= 0 && n < Step.values().length) {
                    model.show(Step.values()[n]);
                    e.consume();
                }
            }
        });
    }

    private VBox listPane(Messages m) {
        Button create = new Button(m.get("wacker.list.new"));
        create.setGraphic(new FontIcon(Feather.PLUS));
        create.getStyleClass().add(Styles.ACCENT);
        create.setMaxWidth(Double.MAX_VALUE);
        create.setOnAction(e -> openNew());
        list.setItems(model.assessments());
        list.setCellFactory(l -> new AssessmentCell());
        list.setPlaceholder(new Label(m.get("wacker.list.none")));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            agreementToggle.setSelected(false);
            if (now != null && !now.id().equals(model.selectedProperty().get())) {
                model.select(now.id());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button framework = iconButton(Feather.UPLOAD, m.get("wacker.files.importFramework"));
        framework.setOnAction(e -> choose(m.get("wacker.files.importFramework"), false, "*.json", "*.csv")
                .ifPresent(f -> model.importFramework(f.toPath())));
        Button exportFile = iconButton(Feather.SEND, m.get("wacker.files.export"));
        exportFile.setOnAction(e -> choose(m.get("wacker.files.export"), true, "*.wacker.json")
                .ifPresent(f -> model.exportExchange(f.toPath())));
        exportFile.disableProperty().bind(model.selectedProperty().isNull());
        Button importFile = iconButton(Feather.INBOX, m.get("wacker.files.import"));
        importFile.setOnAction(e -> choose(m.get("wacker.files.import"), false, "*.json")
                .ifPresent(f -> model.importExchange(f.toPath())));
        Button server = iconButton(Feather.REFRESH_CW, m.get("wacker.files.server"));
        server.setOnAction(e -> model.exchangeThroughServer());
        server.disableProperty().bind(model.selectedProperty().isNull());
        server.setVisible(model.hasServer());
        server.setManaged(model.hasServer());
        HBox files = new HBox(6, framework, exportFile, importFile, server);
        files.setAlignment(Pos.CENTER);
        agreementToggle.setText(m.get("agreement.open"));
        agreementToggle.setGraphic(new FontIcon(Feather.BAR_CHART_2));
        agreementToggle.setMaxWidth(Double.MAX_VALUE);
        agreementToggle.selectedProperty().addListener((obs, old, on) -> showAgreement(on, m));
        VBox box = new VBox(10, Texts.label(m.get("wacker.list.title"), Styles.TITLE_4), create, list, agreementToggle, files);
        box.getStyleClass().add("wacker-list");
        box.setPadding(new Insets(14));
        box.setPrefWidth(300);
        return box;
    }

    private static Button iconButton(Feather icon, String text) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(text));
        b.setAccessibleText(text);
        return b;
    }

    private java.util.Optional<File> choose(String heading, boolean save, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(heading);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", patterns), patterns));
        File f = save ? chooser.showSaveDialog(getScene().getWindow()) : chooser.showOpenDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(f);
    }

    private HBox header(Messages m) {
        title.getStyleClass().add(Styles.TITLE_3);
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox who = new VBox(2, title, subtitle);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        actingAs.setCellFactory(l -> new AssessorCell());
        actingAs.setButtonCell(new AssessorCell());
        actingAs.valueProperty().addListener((obs, old, now) -> {
            if (!filling && now != null && !now.id().equals(model.actingAsProperty().get())) {
                model.actAs(now.id());
            }
        });
        Label as = Texts.label(m.get("wacker.actingAs"), Styles.TEXT_MUTED);
        HBox box = new HBox(12, who, gap, as, actingAs);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("wacker-header");
        return box;
    }

    private void refresh() {
        Open o = model.openProperty().get();
        if (o == null || body.getChildren().contains(creating)) {
            return;
        }
        Assessment a = o.view().dossier().assessment();
        var m = texts.messages();
        title.setText(a.context().student().name() + "  ·  " + a.context().task());
        Framework f = o.view().framework();
        subtitle.setText(m.get("wacker.mode." + a.context().mode().name()) + "  ·  " + m.get("wacker.setting." + a.context().setting().name())
                + "  ·  " + a.context().place() + "  ·  " + String.join(", ", a.context().scope()) + "  ·  " + f.code());
        filling = true;
        actingAs.getItems().setAll(a.assessors());
        a.assessor(o.view().viewerId()).ifPresent(actingAs::setValue);
        filling = false;
        Step s = model.stepProperty().get();
        steps.show(o.view().progress(), s);
        switch (s) {
            case WAARNEMEN -> observation.show(o);
            case AANTEKENINGEN -> notes.show(o);
            case CLASSIFICEREN -> classify.show(o);
            case KWALIFICEREN -> qualify.show(o);
            case EVALUEREN -> evaluate.show(o);
            case RAPPORTEREN -> report.show(o);
        }
        Node pane = panes.get(s);
        if (body.getChildren().size() != 1 || body.getChildren().get(0) != pane) {
            body.getChildren().setAll(pane);
            if (s == Step.AANTEKENINGEN) {
                notes.focusInput();
            } else if (s == Step.CLASSIFICEREN) {
                classify.focusNotes();
            }
        }
    }

    /** The agreement page in place of the open assessment; built, and its figures read, when first asked for. */
    private void showAgreement(boolean on, Messages m) {
        if (on) {
            if (agreement == null) {
                agreementModel = model.agreement(m.locale());
                agreement = new AgreementView(agreementModel, m);
            }
            setCenter(agreement);
            agreementModel.load();
        } else {
            setCenter(right);
        }
    }

    /** The agreement page (for tests and screenshots), once shown. */
    public AgreementView agreementView() {
        return agreement;
    }

    public javafx.scene.control.ToggleButton agreementToggle() {
        return agreementToggle;
    }

    private void openNew() {
        agreementToggle.setSelected(false);
        body.getChildren().setAll(creating);
        showHeader(false);
        creating.reset();
    }

    private void closeNew() {
        body.getChildren().clear();
        showHeader(true);
        refresh();
    }

    /** The open assessment's header and steps step aside while a new one is made. */
    private void showHeader(boolean show) {
        for (Node n : new Node[] {right.getChildren().get(0), steps}) {
            n.setVisible(show);
            n.setManaged(show);
        }
    }

    private void say(String text, boolean problem) {
        message.setText(text == null ? "" : text);
        message.getStyleClass().removeAll("problem", "info");
        message.getStyleClass().add(problem ? "problem" : "info");
        message.setVisible(text != null);
        message.setManaged(text != null);
    }

    private String doneText(Object done) {
        var m = texts.messages();
        if (done instanceof ExchangeFile.Imported i) {
            return m.get("wacker.files.imported", i.added(), i.skipped(), i.keyFingerprint());
        }
        if (done instanceof ExchangeFile.ServerExchange x) {
            String text = m.get("wacker.files.serverDone", x.added(), x.imported().size());
            for (Throwable refused : x.refused()) {
                text += "  " + texts.problem(refused);
            }
            return text;
        }
        if (done instanceof Framework f) {
            return m.get("wacker.files.frameworkImported", f.title());
        }
        if (done instanceof Path p) {
            return m.get("wacker.files.exported", p.getFileName());
        }
        return String.valueOf(done);
    }

    /** The notes step's input line (for tests and the shell's focus). */
    public javafx.scene.control.TextField noteInput() {
        return notes.input();
    }

    public ListView<Assessment> list() {
        return list;
    }

    private final class AssessmentCell extends ListCell<Assessment> {
        @Override
        protected void updateItem(Assessment a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                setGraphic(null);
                return;
            }
            Label name = Texts.label(a.context().student().name(), Styles.TEXT_BOLD);
            Label task = Texts.label(a.context().task(), Styles.TEXT_SMALL);
            String state = a.locked() ? texts.messages().get("wacker.list.locked")
                    : a.observationEnded() ? texts.messages().get("wacker.list.ended", texts.day(a.observationEndedAt()))
                    : a.observationStarted() ? texts.messages().get("wacker.list.observing")
                    : texts.messages().get("wacker.list.planned");
            Label when = Texts.label(state + "  ·  " + String.join(", ", a.context().scope()), Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            VBox box = new VBox(2, name, task, when);
            box.setPrefWidth(240);
            setGraphic(box);
        }
    }

    private static final class AssessorCell extends ListCell<Assessor> {
        @Override
        protected void updateItem(Assessor a, boolean empty) {
            super.updateItem(a, empty);
            setText(empty || a == null ? null : a.name());
        }
    }
}
