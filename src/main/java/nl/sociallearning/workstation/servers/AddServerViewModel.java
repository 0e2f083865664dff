package nl.sociallearning.workstation.servers;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.sociallearning.workstation.sync.ServerKind;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TaskRunner;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The "add a server" form: what the user typed, whether the test call runs, and what went wrong, in words. The
 * test call and the saving run on a background thread; the properties change on the FX thread only.
 */
public final class AddServerViewModel {

    /** The kinds offered, in the order a Dutch vocational school or university meets them. */
    public static final List<ServerKind> KINDS = List.of(ServerKind.MOODLE, ServerKind.CANVAS, ServerKind.DISCOURSE,
            ServerKind.NODEBB, ServerKind.COURSE_SYNC_API);

    private final ServerDirectory directory;
    private final TaskRunner runner;
    private final Messages messages;
    private final ObjectProperty<ServerKind> kind = new SimpleObjectProperty<>(ServerKind.MOODLE);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<ServerDirectory.Added> added = new SimpleObjectProperty<>();
    private final BooleanBinding needsUsername = Bindings.createBooleanBinding(() -> kind.get() == ServerKind.DISCOURSE, kind);
    private Consumer<ServerDirectory.Added> onAdded = a -> { };

    public AddServerViewModel(ServerDirectory directory, TaskRunner runner, Messages messages) {
        this.directory = directory;
        this.runner = runner;
        this.messages = messages;
    }

    public ObjectProperty<ServerKind> kindProperty() {
        return kind;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<ServerDirectory.Added> addedProperty() {
        return added;
    }

    public BooleanBinding needsUsername() {
        return needsUsername;
    }

    public void setOnAdded(Consumer<ServerDirectory.Added> action) {
        this.onAdded = action;
    }

    /** Checks the server with a test call and adds it if it answers; once at a time. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        ServerKind k = kind.get();
        String u = url.get();
        String t = token.get();
        String name = needsUsername.get() ? username.get() : null;
        runner.run(() -> {
            try {
                return directory.add(k, u, t, name);
            } catch (AddServerException e) {
                throw new CompletionException(e);
            }
        }, result -> {
            busy.set(false);
            token.set("");
            added.set(result);
            onAdded.accept(result);
        }, failure -> {
            busy.set(false);
            error.set(describe(failure));
        });
    }

    /** Empties the form for the next server. */
    public void reset() {
        url.set("");
        token.set("");
        username.set("");
        error.set("");
        added.set(null);
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof AddServerException a) {
            return messages.get("servers.problem." + a.problem().name(), a.getMessage());
        }
        return messages.get("servers.problem." + AddServerException.Problem.OTHER.name(), String.valueOf(cause.getMessage()));
    }
}
