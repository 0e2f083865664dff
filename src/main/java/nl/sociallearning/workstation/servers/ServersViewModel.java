package nl.sociallearning.workstation.servers;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.sociallearning.workstation.domain.SavedServer;
import nl.sociallearning.workstation.store.ServerRepository;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TaskRunner;

import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The list of added servers and removing one: first what the removal would delete from this computer (read in the
 * background), shown for the user to confirm; then the removal itself, off the FX thread. A failure is shown in
 * words and leaves the server as it was. Properties change on the FX thread only.
 */
public final class ServersViewModel {

    /** A removal waiting for the user's yes: the server, and what it would delete here. */
    public record Confirmation(SavedServer server, ServerRepository.RemovalImpact impact) { }

    /** A removal that was done: the server, and what was deleted here. */
    public record Removed(SavedServer server, ServerRepository.RemovalImpact impact) { }

    private final ServerDirectory directory;
    private final TaskRunner runner;
    private final Messages messages;
    private final ObservableList<SavedServer> servers = FXCollections.observableArrayList();
    private final ObjectProperty<Confirmation> confirmation = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private Consumer<Removed> onRemoved = r -> { };

    public ServersViewModel(ServerDirectory directory, TaskRunner runner, Messages messages) {
        this.directory = directory;
        this.runner = runner;
        this.messages = messages;
    }

    /** Reads the added servers again (in the background). */
    public void load() {
        error.set("");
        confirmation.set(null);
        runner.run(directory::saved, servers::setAll, this::failed);
    }

    /** Works out what removing {@code server} would delete, and asks the user. */
    public void askToRemove(SavedServer server) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        runner.run(() -> directory.impactOfRemoving(server), impact -> {
            busy.set(false);
            confirmation.set(new Confirmation(server, impact));
        }, this::failed);
    }

    /** The user keeps the server. */
    public void keep() {
        if (!busy.get()) {
            confirmation.set(null);
        }
    }

    /** The user confirmed: the server is removed in the background. */
    public void remove() {
        Confirmation asked = confirmation.get();
        if (asked == null || busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        runner.run(() -> {
            directory.remove(asked.server());
            return new Removed(asked.server(), asked.impact());
        }, removed -> {
            busy.set(false);
            confirmation.set(null);
            servers.remove(asked.server());
            onRemoved.accept(removed);
        }, failure -> {
            busy.set(false);
            error.set(messages.get("servers.remove.failed", cause(failure).getMessage()));
        });
    }

    private void failed(Throwable failure) {
        busy.set(false);
        error.set(messages.get("servers.list.failed", cause(failure).getMessage()));
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    public void setOnRemoved(Consumer<Removed> action) {
        this.onRemoved = action;
    }

    public ObservableList<SavedServer> servers() {
        return servers;
    }

    public ObjectProperty<Confirmation> confirmationProperty() {
        return confirmation;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
