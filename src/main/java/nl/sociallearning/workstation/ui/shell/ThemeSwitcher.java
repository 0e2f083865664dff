package nl.sociallearning.workstation.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;

import java.util.Objects;

/**
 * Light or dark: sets AtlantaFX Primer Light or Primer Dark as the application's user-agent stylesheet and puts
 * the style class {@value #DARK} on a root node, so the project's own CSS can adapt where AtlantaFX's looked-up
 * colours are not enough ({@code .dark .my-thing { … }}). Applies the theme when made.
 */
public final class ThemeSwitcher {

    public static final String DARK = "dark";

    private final Node root;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public ThemeSwitcher(Node root) {
        this(root, false);
    }

    public ThemeSwitcher(Node root, boolean startDark) {
        this.root = Objects.requireNonNull(root, "root");
        dark.set(startDark);
        dark.addListener((obs, was, now) -> apply(now));
        apply(startDark);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public boolean isDark() {
        return dark.get();
    }

    public void setDark(boolean value) {
        dark.set(value);
    }

    public void toggle() {
        dark.set(!dark.get());
    }

    private void apply(boolean isDark) {
        Application.setUserAgentStylesheet(isDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().remove(DARK);
        if (isDark) {
            root.getStyleClass().add(DARK);
        }
    }
}
