package nl.sociallearning.workstation.app;

import javafx.scene.Scene;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.TriageState;
import nl.sociallearning.workstation.feed.FeedQueue;
import nl.sociallearning.workstation.feed.FeedSnapshot;
import nl.sociallearning.workstation.feed.FeedViewModel;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.shell.Command;
import nl.sociallearning.workstation.ui.shell.CommandPalette;
import nl.sociallearning.workstation.ui.shell.KeyMap;
import nl.sociallearning.workstation.ui.shell.ShortcutHelp;
import nl.sociallearning.workstation.ui.shell.ThemeSwitcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every command of the main window, with its shortcut: the keyboard-first triage keys of the design (j/k, o, r,
 * e, h, x, #, l, p, a, ?), the command palette (Ctrl+K) which also offers what has no key (other snooze times,
 * every triage state, every queue), and the views. One list feeds the key map, the palette and the help.
 */
final class ShellCommands {

    private final ShellView shell;
    private final FeedViewModel feed;
    private final SyncEngine engine;
    private final Messages messages;
    private final ThemeSwitcher theme;
    private Runnable addServer = () -> { };
    private Runnable manageServers = () -> { };
    private final KeyMap keys;
    private final CommandPalette palette;
    private final ShortcutHelp help;

    private ShellCommands(Scene scene, ShellView shell, FeedViewModel feed, SyncEngine engine, Messages messages,
                          ThemeSwitcher theme) {
        this.shell = shell;
        this.feed = feed;
        this.engine = engine;
        this.messages = messages;
        this.theme = theme;
        this.keys = KeyMap.install(scene);
        this.palette = new CommandPalette(shell, this::all, messages::get);
        this.help = new ShortcutHelp(shell, () -> keys.commands(), messages::get);
    }

    static ShellCommands install(Scene scene, ShellView shell, FeedViewModel feed, SyncEngine engine, Messages messages,
                                 ThemeSwitcher theme) {
        return install(scene, shell, feed, engine, messages, theme, () -> { }, () -> { });
    }

    /** {@code addServer} opens the form for adding a course server, {@code manageServers} the list where one is removed (palette commands without a key). */
    static ShellCommands install(Scene scene, ShellView shell, FeedViewModel feed, SyncEngine engine, Messages messages,
                                 ThemeSwitcher theme, Runnable addServer, Runnable manageServers) {
        ShellCommands c = new ShellCommands(scene, shell, feed, engine, messages, theme);
        c.addServer = addServer;
        c.manageServers = manageServers;
        c.keys.registerAll(c.withKeys());
        shell.themeButton().setOnAction(e -> theme.toggle());
        shell.helpButton().setOnAction(e -> c.help.toggle());
        return c;
    }

    CommandPalette palette() {
        return palette;
    }

    ShortcutHelp help() {
        return help;
    }

    KeyMap keys() {
        return keys;
    }

    private boolean inFeed() {
        return shell.page() == ShellView.Page.FEED;
    }

    private boolean hasTarget() {
        return inFeed() && !feed.targets().isEmpty();
    }

    private Command cmd(String id, String group, Runnable action) {
        return Command.of(id, messages.get("cmd." + id), messages.get("cmd.group." + group), action);
    }

    /** The commands with a key: registered on the scene, listed in the help. */
    private List<Command> withKeys() {
        var thread = shell.feedView().threadPane();
        return List.of(
                cmd("next", "navigate", () -> feed.move(1)).withShortcut("j").enabledWhen(this::inFeed),
                cmd("previous", "navigate", () -> feed.move(-1)).withShortcut("k").enabledWhen(this::inFeed),
                cmd("open", "navigate", thread::focusPosts).withShortcut("o").enabledWhen(this::hasTarget),
                cmd("search", "navigate", () -> shell.feedView().focusSearch()).withShortcut("/").enabledWhen(this::inFeed),
                cmd("reply", "thread", () -> thread.startReply(thread.selectedPost())).withShortcut("r").enabledWhen(this::hasTarget),
                cmd("done", "thread", feed::markDone).withShortcut("e").enabledWhen(this::hasTarget),
                cmd("snooze", "thread", () -> feed.snooze(Duration.ofHours(24))).withShortcut("h").enabledWhen(this::hasTarget),
                cmd("mark", "thread", feed::toggleMark).withShortcut("x").enabledWhen(this::hasTarget),
                cmd("hide", "thread", () -> feed.postAction(ActionType.HIDE, thread.selectedPost())).withShortcut("#")
                        .enabledWhen(this::hasTarget),
                cmd("lock", "thread", feed::toggleLock).withShortcut("l").enabledWhen(this::hasTarget),
                cmd("pin", "thread", feed::togglePin).withShortcut("p").enabledWhen(this::hasTarget),
                cmd("assign", "thread", () -> feed.assign(null)).withShortcut("a").enabledWhen(this::hasTarget),
                cmd("undo", "thread", () -> shell.toast().runAction()).withShortcut("Shortcut+Z")
                        .enabledWhen(() -> shell.toast().hasAction()),
                cmd("help", "view", () -> help.toggle()).withShortcut("?"),
                cmd("palette", "view", () -> palette.toggle()).withShortcut("Shortcut+K"),
                cmd("theme", "view", theme::toggle).withShortcut("Shortcut+Shift+L"),
                cmd("syncNow", "view", () -> engine.statuses().keySet().forEach(engine::retryNow)).withShortcut("Shortcut+R"),
                cmd("view.FEED", "view", () -> shell.show(ShellView.Page.FEED)).withShortcut("Shortcut+1"),
                cmd("view.COURSES", "view", () -> shell.show(ShellView.Page.COURSES)).withShortcut("Shortcut+2"),
                cmd("view.HEATMAP", "view", () -> shell.show(ShellView.Page.HEATMAP)).withShortcut("Shortcut+3"),
                cmd("view.ASSESSMENTS", "view", () -> shell.show(ShellView.Page.ASSESSMENTS)).withShortcut("Shortcut+4"),
                cmd("view.REPORTS", "view", () -> shell.show(ShellView.Page.REPORTS)).withShortcut("Shortcut+5"));
    }

    /** Everything, for the palette: the keyed commands, then those without a key. */
    private List<Command> all() {
        List<Command> all = new ArrayList<>(keys.commands());
        all.add(cmd("snooze1h", "thread", () -> feed.snooze(Duration.ofHours(1))).enabledWhen(this::hasTarget));
        all.add(cmd("snooze3d", "thread", () -> feed.snooze(Duration.ofDays(3))).enabledWhen(this::hasTarget));
        for (TriageState s : List.of(TriageState.NEEDS_REPLY, TriageState.IN_PROGRESS, TriageState.WAITING,
                TriageState.ESCALATED, TriageState.DONE)) {
            all.add(Command.of("state." + s.name(), messages.get("cmd.setState", messages.get("state." + s.name())),
                    messages.get("cmd.group.thread"), () -> feed.setState(s)).enabledWhen(this::hasTarget));
        }
        // Assigning to another moderator: the moderators of the course shown (ids are per course).
        for (var moderator : feed.moderators()) {
            all.add(Command.of("assign." + moderator.id(), messages.get("cmd.assignTo", moderator.displayName()),
                    messages.get("cmd.group.thread"), () -> feed.assign(moderator.id())).enabledWhen(this::hasTarget));
        }
        all.add(cmd("sortActivity", "view", () -> feed.sortProperty().set(FeedSnapshot.Sort.LAST_ACTIVITY)));
        all.add(cmd("sortWaiting", "view", () -> feed.sortProperty().set(FeedSnapshot.Sort.WAITING)));
        all.add(cmd("addServer", "view", () -> addServer.run()));
        all.add(cmd("manageServers", "view", () -> manageServers.run()));
        all.add(cmd("saveSearch", "queues", feed::saveSearch).enabledWhen(() -> !feed.searchProperty().get().isBlank()));
        for (var q : feed.queues()) {
            FeedQueue queue = q.queue();
            all.add(Command.of("queue." + queue.kind() + "." + queue.value(),
                    messages.get("cmd.queue", shell.feedView().labelOf(queue), q.count()), messages.get("cmd.group.queues"),
                    () -> {
                        shell.show(ShellView.Page.FEED);
                        feed.queueProperty().set(queue);
                    }));
        }
        for (var c : shell.coursePicker().getItems()) {
            all.add(Command.of("course." + c.id(), messages.get("cmd.course", c.title()), messages.get("cmd.group.courses"),
                    () -> feed.courseScopeProperty().set(c.id())));
        }
        return all;
    }
}
