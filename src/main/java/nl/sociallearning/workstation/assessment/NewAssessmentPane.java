package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.assessment.flow.NewAssessment;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Setting;
import nl.sociallearning.workstation.domain.assessment.Student;
import nl.sociallearning.workstation.domain.assessment.WorkProcess;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A new assessment: the student, the framework and the work processes in scope, the context and the assessors. */
final class NewAssessmentPane extends VBox {

    private final ComboBox<Framework> framework = new ComboBox<>();
    private final VBox scope = new VBox(6);
    private final TextField studentName = new TextField();
    private final TextField studentNumber = new TextField();
    private final ComboBox<Setting> setting = new ComboBox<>();
    private final TextField place = new TextField();
    private final TextField task = new TextField();
    private final ToggleGroup mode = new ToggleGroup();
    private final TextField assessor1 = new TextField();
    private final TextField assessor2 = new TextField();

    NewAssessmentPane(AssessmentsViewModel model, Texts texts, Runnable onClose) {
        var m = texts.messages();
        getStyleClass().add("wacker-pane");
        setSpacing(14);
        setPadding(new Insets(20));
        framework.setItems(model.frameworks());
        framework.setCellFactory(l -> new FrameworkCell());
        framework.setButtonCell(new FrameworkCell());
        framework.valueProperty().addListener((obs, old, now) -> fillScope(now));
        setting.getItems().setAll(Setting.values());
        setting.setValue(Setting.WORK_PLACEMENT);
        setting.setCellFactory(l -> new SettingCell(texts));
        setting.setButtonCell(new SettingCell(texts));
        ToggleButton formative = new ToggleButton(m.get("wacker.mode.FORMATIVE"));
        formative.setUserData(Mode.FORMATIVE);
        formative.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton summative = new ToggleButton(m.get("wacker.mode.SUMMATIVE"));
        summative.setUserData(Mode.SUMMATIVE);
        summative.getStyleClass().add(Styles.RIGHT_PILL);
        formative.setToggleGroup(mode);
        summative.setToggleGroup(mode);
        formative.setSelected(true);
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(10);
        int r = 0;
        g.addRow(r++, new Label(m.get("wacker.context.student")), new HBox(8, studentName, studentNumber));
        studentName.setPromptText(m.get("wacker.new.studentName"));
        studentNumber.setPromptText(m.get("wacker.new.studentNumber"));
        g.addRow(r++, new Label(m.get("wacker.context.framework")), framework);
        g.addRow(r++, new Label(m.get("wacker.context.scope")), scope);
        g.addRow(r++, new Label(m.get("wacker.context.setting")), setting);
        g.addRow(r++, new Label(m.get("wacker.context.place")), place);
        g.addRow(r++, new Label(m.get("wacker.context.task")), task);
        g.addRow(r++, new Label(m.get("wacker.context.mode")), new HBox(formative, summative));
        g.addRow(r, new Label(m.get("wacker.context.assessors")), new HBox(8, assessor1, assessor2));
        assessor1.setPromptText(m.get("wacker.new.assessor1"));
        assessor2.setPromptText(m.get("wacker.new.assessor2"));
        place.setPrefColumnCount(36);
        task.setPrefColumnCount(36);
        Button create = new Button(m.get("wacker.new.create"));
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.setOnAction(e -> {
            model.create(build());
            onClose.run();
        });
        Button cancel = new Button(m.get("wacker.new.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onClose.run());
        create.disableProperty().bind(studentName.textProperty().isEmpty().or(assessor1.textProperty().isEmpty())
                .or(framework.valueProperty().isNull()));
        getChildren().addAll(Texts.label(m.get("wacker.new.title"), Styles.TITLE_3), g, new HBox(10, create, cancel));
    }

    void reset() {
        if (framework.getValue() == null && !framework.getItems().isEmpty()) {
            framework.setValue(framework.getItems().get(0));
        }
        studentName.requestFocus();
    }

    private void fillScope(Framework f) {
        scope.getChildren().clear();
        if (f == null) {
            return;
        }
        for (WorkProcess w : f.workProcesses()) {
            CheckBox c = new CheckBox(w.code() + "  " + w.title());
            c.setUserData(w.code());
            scope.getChildren().add(c);
        }
    }

    private NewAssessment build() {
        List<String> codes = new ArrayList<>();
        scope.getChildren().forEach(n -> {
            if (((CheckBox) n).isSelected()) {
                codes.add((String) n.getUserData());
            }
        });
        List<Assessor> assessors = new ArrayList<>();
        assessors.add(new Assessor(idOf(assessor1.getText()), assessor1.getText().strip(), AssessorRole.ASSESSOR));
        if (!assessor2.getText().isBlank()) {
            assessors.add(new Assessor(idOf(assessor2.getText()), assessor2.getText().strip(), AssessorRole.ASSESSOR));
        }
        Mode m = mode.getSelectedToggle() == null ? Mode.FORMATIVE : (Mode) mode.getSelectedToggle().getUserData();
        return new NewAssessment(framework.getValue().code(), new AssessmentContext(
                new Student(studentNumber.getText().strip(), studentName.getText().strip()), codes, setting.getValue(),
                place.getText().strip(), task.getText().strip(), m, null), assessors);
    }

    /** An assessor's id from their name ("Ank de Vries" → "ank.de.vries"): the same on both laptops. */
    static String idOf(String name) {
        String plain = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
    }

    private static final class FrameworkCell extends ListCell<Framework> {
        @Override
        protected void updateItem(Framework f, boolean empty) {
            super.updateItem(f, empty);
            setText(empty || f == null ? null : f.title());
        }
    }

    private static final class SettingCell extends ListCell<Setting> {
        private final Texts texts;

        SettingCell(Texts texts) {
            this.texts = texts;
        }

        @Override
        protected void updateItem(Setting s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : texts.messages().get("wacker.setting." + s.name()));
        }
    }
}
