package nl.sociallearning.workstation.heatmap;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Accordion;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.ui.Messages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The participation signals beside the picture: one folding list per signal, each with its count; the week of
 * "silent since week N" chosen with a spinner. A click on a person selects their row in the heatmap; "select
 * these rows" selects the whole list, which the feed can then take as a filter.
 */
final class SignalsPane extends VBox {

    private final HeatmapViewModel model;
    private final Messages messages;
    private final Accordion accordion = new Accordion();
    private final Label network = new Label();
    private final Consumer<String> reveal;
    private DateTimeFormatter date;

    SignalsPane(HeatmapViewModel model, Messages messages, Consumer<String> reveal) {
        this.model = model;
        this.messages = messages;
        this.reveal = reveal;
        getStyleClass().add("heatmap-signals");
        Label title = new Label(messages.get("heatmap.signals"));
        title.getStyleClass().add(Styles.TITLE_4);
        Spinner<Integer> week = new Spinner<>(1, 52, Math.max(1, model.silentWeekProperty().get()));
        week.setEditable(true);
        week.setPrefWidth(86);
        week.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null && b != model.silentWeekProperty().get()) {
                model.silentWeekProperty().set(b);
            }
        });
        model.silentWeekProperty().addListener((o, a, b) -> week.getValueFactory().setValue(b.intValue()));
        Label weekLabel = new Label(messages.get("heatmap.silentWeek"));
        HBox weekRow = new HBox(8, weekLabel, week);
        weekRow.setAlignment(Pos.CENTER_LEFT);
        network.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        network.setWrapText(true);
        VBox.setVgrow(accordion, Priority.ALWAYS);
        getChildren().addAll(title, weekRow, accordion, network);
        setSpacing(8);
        setPadding(new Insets(12, 12, 12, 12));
        setMinWidth(300);
        setPrefWidth(330);
        model.signalsProperty().addListener((o, a, b) -> show(b));
        model.detailsLoadingProperty().addListener((o, a, b) -> show(model.signalsProperty().get()));
        show(model.signalsProperty().get());
    }

    private void show(ParticipationSignals.Signals s) {
        ZoneId zone = model.pictureProperty().get() == null ? ZoneId.systemDefault()
                : model.pictureProperty().get().course().timeZone();
        date = DateTimeFormatter.ofPattern("d MMM", messages.locale()).withZone(zone);
        String expanded = accordion.getExpandedPane() == null ? "silent" : (String) accordion.getExpandedPane().getUserData();
        accordion.getPanes().setAll(
                pane("silent", messages.get("heatmap.signal.silentSince", s.week(), s.silentSince().size()), s.silentSince(),
                        e -> messages.get("heatmap.detail.lastPost", date.format(e.when()))),
                pane("never", messages.get("heatmap.signal.neverPosted", s.neverPosted().size()), s.neverPosted(),
                        e -> messages.get("heatmap.detail.reads", e.value())),
                pane("reads", messages.get("heatmap.signal.onlyReads", s.onlyReads().size()), s.onlyReads(),
                        e -> messages.get("heatmap.detail.reads", e.value())),
                pane("unanswered", messages.get("heatmap.signal.firstPostUnanswered", s.firstPostUnanswered().size()),
                        s.firstPostUnanswered(), e -> messages.get("heatmap.detail.posted", date.format(e.when()))),
                pane("replied", messages.get("heatmap.signal.mostRepliedTo", s.mostRepliedTo().size()), s.mostRepliedTo(),
                        e -> messages.get("heatmap.detail.replies", e.value())),
                pane("isolated", messages.get("heatmap.signal.isolated", s.isolated().size()), s.isolated(),
                        e -> messages.get("heatmap.detail.posts", e.value())),
                pane("connectors", messages.get("heatmap.signal.connectors", s.connectors().size()), s.connectors(),
                        e -> messages.get("heatmap.detail.groups", e.value())));
        accordion.getPanes().stream().filter(p -> expanded.equals(p.getUserData())).findFirst()
                .ifPresent(accordion::setExpandedPane);
        network.setText(model.detailsLoadingProperty().get() ? messages.get("heatmap.loadingDetails")
                : messages.get("heatmap.signal.people", s.people()));
    }

    private TitledPane pane(String id, String title, List<ParticipationSignals.Entry> entries,
                            Function<ParticipationSignals.Entry, String> detail) {
        ListView<ParticipationSignals.Entry> list = new ListView<>();
        list.getItems().setAll(entries);
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.DENSE, "signal-list");
        list.setCellFactory(l -> new EntryCell(detail));
        list.setPlaceholder(new Label(messages.get("heatmap.signal.nobody")));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                reveal.accept(b.participant().id());
            }
        });
        Button select = new Button(messages.get("heatmap.signal.select"));
        select.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        select.setDisable(entries.isEmpty());
        select.setOnAction(e -> model.selectedRows().setAll(entries.stream().map(x -> x.participant().id()).toList()));
        VBox box = new VBox(4, list, select);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(4, 0, 4, 0));
        TitledPane pane = new TitledPane(title, box);
        pane.setUserData(id);
        pane.getStyleClass().add(Styles.DENSE);
        return pane;
    }

    private static final class EntryCell extends ListCell<ParticipationSignals.Entry> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox box;
        private final Function<ParticipationSignals.Entry, String> text;

        EntryCell(Function<ParticipationSignals.Entry, String> text) {
            this.text = text;
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            name.setMinWidth(0);
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            detail.setMinWidth(Region.USE_PREF_SIZE);
            box = new HBox(6, name, spacer, detail);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ParticipationSignals.Entry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            String group = e.participant().group();
            name.setText(e.participant().displayName());
            setTooltip(group == null ? null : new javafx.scene.control.Tooltip(e.participant().displayName() + " · " + group));
            detail.setText(text.apply(e));
            setGraphic(box);
        }
    }
}
