package nl.sociallearning.workstation.ui.shell;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A 1100×700 window wired the way the program is meant to wire the shell, with Dutch commands and some
 * placeholder content behind the overlays: what the tests drive and the screenshots show.
 */
final class ShellDemo {

    /** The Dutch texts a caller's bundle would give for {@link ShellText}'s keys. */
    static final Map<String, String> DUTCH = Map.of(
            ShellText.PALETTE_PROMPT, "Typ een opdracht…",
            ShellText.PALETTE_EMPTY, "Geen opdrachten gevonden",
            ShellText.PALETTE_MOVE, "kiezen",
            ShellText.PALETTE_RUN, "uitvoeren",
            ShellText.PALETTE_UNAVAILABLE, "Nu niet beschikbaar",
            ShellText.HELP_TITLE, "Sneltoetsen",
            ShellText.CLOSE, "sluiten");
    static final Function<String, String> WORDS = key -> DUTCH.getOrDefault(key, "!" + key + "!");

    final List<String> ran = new ArrayList<>();
    final StackPane root;
    final Scene scene;
    final KeyMap keys;
    final ThemeSwitcher theme;
    final CommandPalette palette;
    final ShortcutHelp help;
    final Toast toast;
    final ListView<String> threads = new ListView<>();
    final TextField reply = new TextField();
    final Button send = new Button("Versturen");

    ShellDemo(Stage stage, boolean dark) {
        root = new StackPane(content());
        scene = new Scene(root, 1100, 700);
        theme = new ThemeSwitcher(root, dark);
        keys = KeyMap.install(scene);
        palette = new CommandPalette(root, keys::commands, WORDS);
        help = new ShortcutHelp(root, keys::commands, WORDS);
        toast = new Toast(root);
        keys.registerAll(commands());
        stage.setScene(scene);
        stage.show();
        threads.requestFocus();
        threads.getSelectionModel().select(0);
    }

    private List<Command> commands() {
        String navigate = "Navigeren";
        String thread = "Draad";
        String view = "Weergave";
        return List.of(
                record("next", "Volgende draad", navigate, "j", () -> threads.getSelectionModel().selectNext())
                        .enabledWhen(() -> threads.getSelectionModel().getSelectedIndex() < threads.getItems().size() - 1),
                record("previous", "Vorige draad", navigate, "k", () -> threads.getSelectionModel().selectPrevious())
                        .enabledWhen(() -> threads.getSelectionModel().getSelectedIndex() > 0),
                record("open", "Openen", navigate, "o"),
                record("course", "Cursus wisselen…", navigate, null),
                record("reply", "Beantwoorden", thread, "r"),
                record("done", "Afgehandeld", thread, "e"),
                record("snooze", "Sluimeren", thread, "h"),
                record("select", "Selecteren", thread, "x"),
                record("hide", "Verbergen", thread, "#"),
                record("lock", "Vergrendelen", thread, "l"),
                record("pin", "Vastzetten", thread, "p"),
                record("assign", "Toewijzen", thread, "a"),
                Command.of("undo", "Ongedaan maken", thread, () -> {
                    ran.add("undo");
                    toast.runAction();
                }).withShortcut("Shortcut+Z").enabledWhen(toast::hasAction),
                Command.of("help", "Sneltoetsen tonen", view, help::toggle).withShortcut("?"),
                Command.of("palette", "Opdrachtenpalet", view, palette::toggle).withShortcut("Shortcut+K"),
                Command.of("theme", "Donker thema", view, () -> theme.toggle()).withShortcut("Shortcut+Shift+L"));
    }

    /** A command that notes that it ran, so tests can see it. */
    private Command record(String id, String label, String group, String keys) {
        return record(id, label, group, keys, () -> { });
    }

    private Command record(String id, String label, String group, String keys, Runnable effect) {
        Command command = Command.of(id, label, group, () -> {
            ran.add(id);
            effect.run();
        });
        return keys == null ? command : command.withShortcut(keys);
    }

    /** Something like the moderator's window: a header, threads on the left, a thread on the right. */
    private BorderPane content() {
        FontIcon logo = new FontIcon(Feather.MESSAGE_SQUARE);
        Label title = new Label("Moderatorwerkplek");
        title.getStyleClass().add(Styles.TITLE_3);
        Label course = new Label("Vakmanschap: goed werk voor mensen");
        course.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(12, logo, title, course);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 16, 10, 16));
        header.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: transparent transparent -color-border-default transparent;");

        threads.getItems().setAll("Mijn vakmanschapsvoornemen", "Welkom bij 1. Wat is vakmanschap?",
                "Voorstelronde: wie ben je en wat doe je?", "Welke rol speelt AI straks in ons werk?",
                "Ons vak over vijf jaar", "Mijn definitie van vakmanschap in één zin",
                "Vakmanschap: vaardigheid of houding?", "Welk gereedschap hoort bij jouw vak?",
                "Wanneer was jij voor het laatst trots op je werk?", "Het beeld van de 'vakman' in een kantoor");
        threads.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

        Label heading = new Label("Welke rol speelt AI straks in ons werk?");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label meta = new Label("Marit Demir · Teamleider · 6. Vooruitkijken");
        meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label body = new Label("In ons team gebruiken we sinds kort een hulpmiddel dat verslagen samenvat. "
                + "Het scheelt tijd, maar ik merk dat ik de gesprekken minder goed onthoud. "
                + "Hoe houden jullie het vakmanschap vast als de machine het schrijfwerk overneemt?");
        body.setWrapText(true);
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        reply.setPromptText("Schrijf een antwoord…");
        HBox.setHgrow(reply, Priority.ALWAYS);
        HBox answer = new HBox(8, reply, send);
        VBox thread = new VBox(10, heading, meta, body, grow, answer);
        thread.setPadding(new Insets(16));
        SplitPane split = new SplitPane(threads, thread);
        split.setDividerPositions(0.4);
        return new BorderPane(split, header, null, null, null);
    }
}
