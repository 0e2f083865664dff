package nl.sociallearning.workstation.servers;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.sync.ServerKind;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.shell.ModalLayer;

/**
 * The form for adding a course server, shown as a layer over the window: kind, address, token (and Discourse's
 * username), with where to find the token for the chosen kind. "Check and add" runs the test call; until it
 * answers the form waits, and what went wrong shows under it. Binds to its view model only.
 */
public final class AddServerView extends VBox {

    private final AddServerViewModel model;
    private final ModalLayer layer;
    private final ComboBox<ServerKind> kind = new ComboBox<>();
    private final TextField url = new TextField();
    private final PasswordField token = new PasswordField();
    private final TextField username = new TextField();
    private final Button add = new Button();

    public AddServerView(StackPane host, AddServerViewModel model, Messages messages) {
        this.model = model;
        getStyleClass().add("add-server");
        setSpacing(12);
        setPadding(new Insets(20));
        setMaxWidth(560);
        setPrefWidth(560);
        setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8; -fx-border-color: -color-border-default;"
                + " -fx-border-radius: 8; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 24, 0, 0, 6);");

        Label title = new Label(messages.get("servers.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(messages.get("servers.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        kind.getItems().setAll(AddServerViewModel.KINDS);
        kind.setCellFactory(list -> new KindCell(messages));
        kind.setButtonCell(new KindCell(messages));
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        url.setPromptText(messages.get("servers.url.prompt"));
        url.textProperty().bindBidirectional(model.urlProperty());
        token.textProperty().bindBidirectional(model.tokenProperty());
        username.textProperty().bindBidirectional(model.usernameProperty());

        Label hint = new Label();
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("servers.hint." + model.kindProperty().get().name()), model.kindProperty()));

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        Label usernameLabel = new Label(messages.get("servers.username"));
        form.addRow(0, new Label(messages.get("servers.kind")), kind);
        form.addRow(1, new Label(messages.get("servers.url")), url);
        form.addRow(2, new Label(messages.get("servers.token")), token);
        form.addRow(3, usernameLabel, username);
        form.add(hint, 1, 4);
        for (javafx.scene.Node n : new javafx.scene.Node[]{usernameLabel, username}) {
            n.visibleProperty().bind(model.needsUsername());
            n.managedProperty().bind(model.needsUsername());
        }
        GridPane.setHgrow(url, Priority.ALWAYS);
        form.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(110),
                new javafx.scene.layout.ColumnConstraints(10, 380, Double.MAX_VALUE, Priority.ALWAYS, javafx.geometry.HPos.LEFT, true));

        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label checking = new Label(messages.get("servers.checking"));
        HBox progress = new HBox(8, spinner, checking);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(model.busyProperty());

        Button cancel = new Button(messages.get("servers.cancel"));
        cancel.setOnAction(e -> hide());
        add.setText(messages.get("servers.add"));
        add.setDefaultButton(true);
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(model.busyProperty());
        add.setOnAction(e -> model.submit());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, gap, cancel, add);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        form.disableProperty().bind(model.busyProperty());

        getChildren().addAll(title, intro, form, error, buttons);
        layer = new ModalLayer(host, this);
    }

    public void show() {
        model.reset();
        layer.show(url);
    }

    public void hide() {
        layer.hide();
    }

    public boolean isShowing() {
        return layer.isShowing();
    }

    Button addButton() {
        return add;
    }

    private static final class KindCell extends ListCell<ServerKind> {
        private final Messages messages;

        KindCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(ServerKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : messages.get("servers.kind." + item.name()));
        }
    }
}
