package nl.sociallearning.workstation.ui.shell;

/**
 * The message keys the shell's components ask their caller's text function for (e.g. {@code messages::get}).
 * The bundles belong to the caller; these keys must be in them, in English and Dutch.
 */
public final class ShellText {

    /** Search field of the palette: "Type a command…". */
    public static final String PALETTE_PROMPT = "shell.palette.prompt";
    /** Shown when nothing matches: "No matching commands". */
    public static final String PALETTE_EMPTY = "shell.palette.empty";
    /** Footer hint beside ↑↓: "to move". */
    public static final String PALETTE_MOVE = "shell.palette.move";
    /** Footer hint beside ↵: "to run". */
    public static final String PALETTE_RUN = "shell.palette.run";
    /** Said (screen readers, tooltip) of a command that cannot run now: "Not available now". */
    public static final String PALETTE_UNAVAILABLE = "shell.palette.unavailable";
    /** Title of the shortcut help: "Keyboard shortcuts". */
    public static final String HELP_TITLE = "shell.help.title";
    /** Hint beside Esc in palette and help: "to close". */
    public static final String CLOSE = "shell.close";

    private ShellText() {
    }
}
