package nl.sociallearning.workstation.servers;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.domain.SavedServer;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.shell.ModalLayer;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The added servers, as a layer over the window, and removing one. "Remove…" (or Delete on the list) first shows
 * what would be deleted from this computer, with the actions that would be lost unsent, and that nothing is deleted
 * on the server; "Keep the server" has the focus, so Enter never removes by accident. Binds to its view model only.
 */
public final class ServersView extends VBox {

    private final ServersViewModel model;
    private final Messages messages;
    private final ModalLayer layer;
    private final ListView<SavedServer> list = new ListView<>();
    private final Button remove = new Button();
    private final VBox listPage = new VBox(12);
    private final VBox confirmPage = new VBox(12);
    private final Label question = new Label();
    private final Label what = new Label();
    private final Label unsent = new Label();
    private final Button keep = new Button();
    private final Button confirm = new Button();

    public ServersView(StackPane host, ServersViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("servers");
        setSpacing(12);
        setPadding(new Insets(20));
        setMaxWidth(600);
        setPrefWidth(600);
        setMaxHeight(Region.USE_PREF_SIZE);
        setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8; -fx-border-color: -color-border-default;"
                + " -fx-border-radius: 8; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 24, 0, 0, 6);");
        buildListPage();
        buildConfirmPage();

        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        HBox progress = new HBox(8, spinner, new Label(messages.get("servers.remove.busy")));
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(model.busyProperty().and(model.confirmationProperty().isNotNull()));
        progress.managedProperty().bind(progress.visibleProperty());

        getChildren().addAll(listPage, confirmPage, progress, error);
        model.confirmationProperty().addListener((obs, old, now) -> showPage(now));
        showPage(null);
        layer = new ModalLayer(host, this);
    }

    private void buildListPage() {
        Label title = new Label(messages.get("servers.list.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(messages.get("servers.list.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        list.setItems(model.servers());
        list.setCellFactory(l -> new ServerCell());
        list.setPlaceholder(new Label(messages.get("servers.list.empty")));
        list.setPrefHeight(220);
        // The first server is chosen as the list arrives, so that Remove… and Delete work at once.
        model.servers().addListener((javafx.collections.ListChangeListener<SavedServer>) c -> {
            if (list.getSelectionModel().isEmpty() && !model.servers().isEmpty()) {
                list.getSelectionModel().select(0);
            }
        });
        list.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && selected() != null) {
                model.askToRemove(selected());
                e.consume();
            }
        });
        remove.setText(messages.get("servers.remove"));
        remove.setGraphic(new FontIcon(Feather.TRASH_2));
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty()));
        remove.setOnAction(e -> model.askToRemove(selected()));
        Button close = new Button(messages.get("servers.close"));
        close.setOnAction(e -> hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, remove, gap, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        listPage.getChildren().addAll(title, intro, list, buttons);
    }

    private void buildConfirmPage() {
        question.getStyleClass().add(Styles.TITLE_3);
        question.setWrapText(true);
        what.setWrapText(true);
        unsent.setWrapText(true);
        unsent.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        unsent.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
        Label serverKeeps = new Label(messages.get("servers.remove.serverKeeps"));
        serverKeeps.setWrapText(true);
        serverKeeps.getStyleClass().add(Styles.TEXT_MUTED);
        keep.setText(messages.get("servers.remove.keep"));
        keep.setCancelButton(true);
        keep.disableProperty().bind(model.busyProperty());
        keep.setOnAction(e -> model.keep());
        confirm.setText(messages.get("servers.remove.confirm"));
        confirm.setGraphic(new FontIcon(Feather.TRASH_2));
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.disableProperty().bind(model.busyProperty());
        confirm.setOnAction(e -> model.remove());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, keep, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        confirmPage.getChildren().addAll(question, what, unsent, serverKeeps, buttons);
    }

    private void showPage(ServersViewModel.Confirmation asked) {
        boolean confirming = asked != null;
        listPage.setVisible(!confirming);
        listPage.setManaged(!confirming);
        confirmPage.setVisible(confirming);
        confirmPage.setManaged(confirming);
        if (confirming) {
            question.setText(messages.get("servers.remove.title", asked.server().name()));
            what.setText(messages.get("servers.remove.what", asked.impact().courses(), asked.impact().posts()));
            long lost = asked.impact().unsentActions();
            unsent.setText(lost == 0 ? "" : messages.get("servers.remove.unsent", lost));
            unsent.setVisible(lost > 0);
            unsent.setManaged(lost > 0);
            keep.requestFocus();
        } else {
            list.requestFocus();
        }
    }

    private SavedServer selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    public void show() {
        model.load();
        layer.show(list);
    }

    public void hide() {
        layer.hide();
    }

    public boolean isShowing() {
        return layer.isShowing();
    }

    ListView<SavedServer> list() {
        return list;
    }

    Button removeButton() {
        return remove;
    }

    Button keepButton() {
        return keep;
    }

    Button confirmButton() {
        return confirm;
    }

    Label whatLabel() {
        return what;
    }

    Label unsentLabel() {
        return unsent;
    }

    /**
     * The site's own name: a server is saved under the name its connector gives it, "Site (Kind, address)" or
     * "Kind address", and the kind and address already stand on the line beneath.
     */
    static String siteName(SavedServer s) {
        String name = s.name();
        int open = name.lastIndexOf(" (");
        if (open > 0 && name.endsWith(s.baseUrl() + ")")) {
            return name.substring(0, open);
        }
        // A site without a name of its own ("Canvas https://…"): its host says most.
        String host = java.net.URI.create(s.baseUrl()).getHost();
        return name.endsWith(" " + s.baseUrl()) && host != null ? host : name;
    }

    /** A server: its name, and its kind and address beneath. */
    private final class ServerCell extends ListCell<SavedServer> {
        private final Label name = new Label();
        private final Label where = new Label();
        private final VBox box = new VBox(2, name, where);

        ServerCell() {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SavedServer s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            name.setText(siteName(s));
            where.setText(messages.get("servers.kind." + s.kind()) + " · " + s.baseUrl()
                    + (s.username() == null ? "" : " · " + s.username()));
            setGraphic(box);
        }
    }
}
