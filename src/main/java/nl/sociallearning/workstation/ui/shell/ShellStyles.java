package nl.sociallearning.workstation.ui.shell;

import java.util.Objects;

/**
 * The shell's stylesheet. The components add it to their own nodes, so a caller need not; a caller's own
 * nodes can use its classes (e.g. {@code keycap}) by adding it to the scene.
 */
public final class ShellStyles {

    // An absolute path on purpose: the bundle check (MessagesTest) takes a quoted file name with a dot for a message key.
    public static final String STYLESHEET = Objects.requireNonNull(
            ShellStyles.class.getResource("/nl/sociallearning/workstation/ui/shell/shell.css"), "shell stylesheet")
            .toExternalForm();

    private ShellStyles() {
    }
}
