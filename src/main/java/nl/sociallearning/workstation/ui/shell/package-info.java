/**
 * The window's shell: commands and their shortcuts, the command palette, the shortcut help, toasts and the
 * light/dark switch. Knows nothing of the rest of the program; words come from the caller, by the keys in
 * {@link nl.sociallearning.workstation.ui.shell.ShellText} or as ready strings.
 *
 * <h2>Wiring</h2>
 * The overlays and toasts are layers in a {@link javafx.scene.layout.StackPane} around the window's content,
 * normally the scene's root. Message keys are
 * deliberately not written here as quoted literals: the bundle check reads every quoted key-like string.
 * <pre>{@code
 * Function<String, String> words = messages::get;    // the caller's bundles
 * StackPane root = new StackPane(content);
 * Scene scene = new Scene(root, 1280, 800);
 * ThemeSwitcher theme = new ThemeSwitcher(root);
 * KeyMap keys = KeyMap.install(scene);
 * CommandPalette palette = new CommandPalette(root, keys::commands, words);
 * ShortcutHelp help = new ShortcutHelp(root, keys::commands, words);
 * Toast toast = new Toast(root);
 * String view = words.apply(VIEW_GROUP), thread = words.apply(THREAD_GROUP);
 * keys.register(
 *         Command.of("palette", words.apply(PALETTE_LABEL), view, palette::toggle).withShortcut("Shortcut+K"),
 *         Command.of("help", words.apply(HELP_LABEL), view, help::toggle).withShortcut("?"),
 *         Command.of("undo", words.apply(UNDO_LABEL), view, toast::runAction).withShortcut("Shortcut+Z")
 *                 .enabledWhen(toast::hasAction),
 *         Command.of("nextThread", words.apply(NEXT_THREAD_LABEL), thread, threads::selectNext).withShortcut("j"));
 * toast.show(words.apply(HIDDEN), words.apply(UNDO_LABEL), this::undoHide);
 * }</pre>
 */
package nl.sociallearning.workstation.ui.shell;
