package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.stage.FileChooser;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.assessment.AssessmentsViewModel.Open;
import nl.sociallearning.workstation.assessment.flow.Outcome;
import nl.sociallearning.workstation.assessment.mapping.ReportExport;
import nl.sociallearning.workstation.assessment.flow.ResultRules;
import nl.sociallearning.workstation.domain.assessment.Addendum;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.ReportText;
import nl.sociallearning.workstation.domain.assessment.Signature;
import nl.sociallearning.workstation.domain.assessment.SignerRole;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;

/**
 * Rapporteren: the result by the framework's rules, strengths and next steps, the debrief with the student and
 * their response, then the signatures. With the last signature the assessment locks; after that only remarks
 * can be added, each in the audit log, whose state is shown.
 */
final class ReportPane extends ScrollPane {

    private final AssessmentsViewModel model;
    private final Texts texts;
    private final Label result = new Label();
    private final VBox processes = new VBox(4);
    private final TextArea strengths = area();
    private final TextArea nextSteps = area();
    private final TextArea debrief = area();
    private final TextArea response = area();
    private final Button save = new Button();
    private final VBox signatures = new VBox(8);
    private final VBox locked = new VBox(8);

    ReportPane(AssessmentsViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        var m = texts.messages();
        getStyleClass().add("wacker-pane");
        setFitToWidth(true);
        result.getStyleClass().add("wacker-result");
        save.setText(m.get("wacker.report.save"));
        save.setOnAction(e -> model.writeReport(strengths.getText(), nextSteps.getText(), debrief.getText(), response.getText()));
        GridPane texts2 = new GridPane();
        texts2.setHgap(16);
        texts2.setVgap(8);
        texts2.addRow(0, Texts.label(m.get("wacker.report.strengths"), Styles.TEXT_BOLD), Texts.label(m.get("wacker.report.nextSteps"), Styles.TEXT_BOLD));
        texts2.addRow(1, strengths, nextSteps);
        texts2.addRow(2, Texts.label(m.get("wacker.report.debrief"), Styles.TEXT_BOLD), Texts.label(m.get("wacker.report.response"), Styles.TEXT_BOLD));
        texts2.addRow(3, debrief, response);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        texts2.getColumnConstraints().addAll(half, half);
        VBox content = new VBox(12, titleWithExport(m), result, processes, texts2, save,
                Texts.label(m.get("wacker.report.signatures"), Styles.TITLE_4), signatures, locked);
        content.setPadding(new Insets(20));
        setContent(content);
    }

    /** The step's title with the export of the report beside it: PDF, CSV or JSON, to a file the user picks. */
    private HBox titleWithExport(nl.sociallearning.workstation.ui.Messages m) {
        MenuButton export = new MenuButton(m.get("wacker.report.export"), new FontIcon(Feather.DOWNLOAD));
        for (ReportExport.Format format : ReportExport.Format.values()) {
            MenuItem item = new MenuItem(m.get("wacker.report.export." + format.name()));
            item.setOnAction(e -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(m.get("wacker.report.export"));
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
                chooser.setInitialFileName(m.get("wacker.report.exportFile") + "-" + fileNamePart() + "." + format.extension());
                java.io.File file = chooser.showSaveDialog(getScene().getWindow());
                if (file != null) {
                    model.exportReport(file.toPath(), format, m.locale());
                }
            });
            export.getItems().add(item);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox box = new HBox(12, Texts.label(m.get("wacker.step.RAPPORTEREN"), Styles.TITLE_3), gap, export);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The student's name as part of a file name. */
    private String fileNamePart() {
        var o = model.openProperty().get();
        String name = o == null ? "" : o.view().dossier().assessment().context().student().name();
        return name.strip().replaceAll("[^\\p{L}\\p{N}]+", "-").toLowerCase(java.util.Locale.ROOT);
    }

    private static TextArea area() {
        TextArea a = new TextArea();
        a.setWrapText(true);
        a.setPrefRowCount(3);
        return a;
    }

    void show(Open o) {
        var m = texts.messages();
        Dossier d = o.view().dossier();
        ResultRules.Result r = o.result();
        boolean formative = d.assessment().context().mode() == Mode.FORMATIVE;
        result.setText(m.get("wacker.outcome." + r.outcome().name()) + (formative ? "  ·  " + m.get("wacker.report.indicative") : ""));
        result.getStyleClass().removeAll("passed", "failed", "incomplete");
        result.getStyleClass().add(r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        result.setGraphic(new FontIcon(r.outcome() == Outcome.PASSED ? Feather.CHECK_CIRCLE
                : r.outcome() == Outcome.FAILED ? Feather.X_CIRCLE : Feather.HELP_CIRCLE));
        processes.getChildren().clear();
        for (ResultRules.WorkProcessResult w : r.workProcesses()) {
            String line = w.code() + "  " + w.title() + " — " + m.get("wacker.outcome." + w.outcome().name()) + "  ("
                    + m.get("wacker.report.share", w.sufficient(), w.total(), w.required()) + ")";
            if (!w.criticalFailures().isEmpty()) {
                line += "  " + m.get("wacker.report.critical", String.join(", ", w.criticalFailures()));
            }
            processes.getChildren().add(Texts.label(line, Styles.TEXT_BOLD, w.outcome() == Outcome.FAILED ? Styles.DANGER : "wacker-line"));
            for (var c : o.view().framework().workProcess(w.code()).map(x -> x.criteria()).orElse(java.util.List.of())) {
                var agreed = d.agreed(c.code());
                String level = agreed.map(a -> o.view().framework().scale().label(a.level())).orElse("–");
                String why = agreed.map(a -> a.rationale()).filter(x -> !x.isBlank()).orElse(
                        d.levels().stream().filter(l -> l.criterionCode().equals(c.code())).map(l -> l.justification()).findFirst().orElse(""));
                Label code = Texts.label(c.code(), "wacker-code");
                code.setMinWidth(110);
                Label lv = Texts.label(level, "wacker-agreed");
                lv.setMinWidth(100);
                Label text = Texts.label(c.text() + (why.isBlank() ? "" : "  —  " + why), Styles.TEXT_MUTED);
                HBox line2 = new HBox(10, code, lv, text);
                line2.setPadding(new Insets(0, 0, 0, 16));
                processes.getChildren().add(line2);
            }
        }
        Optional<ReportText> report = d.report();
        boolean signed = !d.signatures().isEmpty();
        if (!strengths.isFocused()) {
            strengths.setText(report.map(ReportText::strengths).orElse(""));
            nextSteps.setText(report.map(ReportText::nextSteps).orElse(""));
            debrief.setText(report.map(ReportText::debrief).orElse(""));
            response.setText(report.map(ReportText::studentResponse).orElse(""));
        }
        for (TextArea a : new TextArea[] {strengths, nextSteps, debrief, response}) {
            a.setEditable(!signed);
        }
        save.setVisible(!signed);
        save.setManaged(!signed);
        signatures.getChildren().clear();
        for (Assessor a : d.assessment().assessors()) {
            signatures.getChildren().add(signatureRow(d, a.id(), a.name(), SignerRole.ASSESSOR));
        }
        signatures.getChildren().add(signatureRow(d, "student", d.assessment().context().student().name(), SignerRole.STUDENT));
        locked.getChildren().clear();
        if (d.assessment().locked()) {
            Label l = Texts.label(m.get("wacker.report.locked", texts.day(d.assessment().lockedAt())), "wacker-locked");
            l.setGraphic(new FontIcon(Feather.LOCK));
            Label audit = Texts.label(o.audit() == null ? "" : m.get("wacker.audit." + o.audit().status().name(), o.audit().seq()),
                    o.audit() != null && o.audit().intact() ? Styles.SUCCESS : Styles.DANGER);
            locked.getChildren().addAll(l, audit);
            for (Addendum a : d.addenda()) {
                locked.getChildren().add(Texts.label(texts.day(a.at()) + "  " + a.author() + ": " + a.text(), Styles.TEXT_MUTED));
            }
            TextField add = new TextField();
            add.setPromptText(m.get("wacker.report.addendum"));
            add.setOnAction(e -> {
                if (!add.getText().isBlank()) {
                    model.addAddendum(add.getText());
                }
            });
            locked.getChildren().add(add);
        }
    }

    private HBox signatureRow(Dossier d, String id, String name, SignerRole role) {
        var m = texts.messages();
        Optional<Signature> s = d.signatures().stream().filter(x -> x.role() == role
                && (role == SignerRole.STUDENT || x.signerId().equals(id))).findFirst();
        Label who = Texts.label(name, Styles.TEXT_BOLD);
        who.setMinWidth(200);
        Label what = Texts.label(m.get(role == SignerRole.STUDENT ? "wacker.report.seenAndDiscussed" : "wacker.report.assessorSigns"),
                Styles.TEXT_MUTED);
        what.setMinWidth(260);
        HBox row = new HBox(12, who, what);
        row.setAlignment(Pos.CENTER_LEFT);
        if (s.isPresent()) {
            Label done = Texts.label(m.get("wacker.report.signed", s.get().name(), texts.day(s.get().at())), Styles.SUCCESS);
            done.setGraphic(new FontIcon(Feather.CHECK));
            row.getChildren().add(done);
        } else if (!d.assessment().locked()) {
            Button sign = new Button(m.get("wacker.report.sign"));
            sign.setGraphic(new FontIcon(Feather.EDIT_3));
            sign.setDisable(d.report().isEmpty());
            sign.setOnAction(e -> model.sign(id, role, name));
            row.getChildren().add(sign);
        }
        HBox.setHgrow(what, Priority.NEVER);
        return row;
    }
}
