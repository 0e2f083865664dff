package nl.sociallearning.workstation.servers;

import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.SavedServer;
import nl.sociallearning.workstation.domain.UserIdentity;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.ServerRepository;
import nl.sociallearning.workstation.store.StoreException;
import nl.sociallearning.workstation.sync.ConnectorFactory;
import nl.sociallearning.workstation.sync.CourseConnector;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.ServerCredentials;
import nl.sociallearning.workstation.sync.ServerKind;
import nl.sociallearning.workstation.sync.ServerSet;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The servers the user added: checked with a test call ({@code me()} and {@code courses()}) before anything is
 * saved, then kept (the server in the cache, its token in the {@link TokenVault}) and handed to the engine's
 * {@link ServerSet}, which syncs their courses like the primary server's. Blocking: call it off the FX thread.
 */
public final class ServerDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ServerDirectory.class);

    /** Makes a connector; {@link ConnectorFactory#create} in the program, a replayed server's in tests. */
    @FunctionalInterface
    public interface Connect {
        CourseConnector connect(ServerKind kind, ServerAddress address, ServerCredentials credentials);
    }

    /** A server that passed its test call and was saved, with the courses it offered. */
    public record Added(SavedServer server, UserIdentity me, List<Course> courses) {
    }

    private final Cache cache;
    private final TokenVault vault;
    private final ServerSet servers;
    private final SyncEngine engine;
    private final Connect connect;
    private final Clock clock;

    /** {@code engine} syncs what {@code servers} holds: it starts an added server's courses and stops a removed one's. */
    public ServerDirectory(Cache cache, TokenVault vault, ServerSet servers, SyncEngine engine, Connect connect,
                           Clock clock) {
        this.cache = cache;
        this.vault = vault;
        this.servers = servers;
        this.engine = engine;
        this.connect = connect;
        this.clock = clock;
    }

    /** Connects every saved server whose token can be found; returns how many. */
    public int attachSaved() {
        int attached = 0;
        for (SavedServer s : saved()) {
            Optional<String> token = vault.read(s.secretRef());
            if (token.isEmpty()) {
                LOG.warn("The token of {} ({}) is gone from {}; add the server again", s.name(), s.baseUrl(), s.secretRef());
                continue;
            }
            try {
                servers.add(s.coursePrefix(), connect.connect(ServerKind.valueOf(s.kind()), ServerAddress.of(s.baseUrl()),
                        new ServerCredentials(token.get(), s.username())));
                attached++;
            } catch (IllegalArgumentException e) {
                LOG.warn("Server {} ({}) cannot be connected: {}", s.name(), s.baseUrl(), e.getMessage());
            }
        }
        return attached;
    }

    public List<SavedServer> saved() {
        return cache.servers().all();
    }

    /** Checks the server with a test call and, if it answers as that kind of server with this token, adds it. */
    public Added add(ServerKind kind, String url, String token, String username) throws AddServerException {
        if (url == null || url.isBlank()) {
            throw new AddServerException(AddServerException.Problem.ADDRESS, "The address is empty.", null);
        }
        ServerAddress address;
        try {
            address = ServerAddress.of(url.trim());
        } catch (IllegalArgumentException e) {
            throw new AddServerException(AddServerException.Problem.ADDRESS, e.getMessage(), e);
        }
        String cleanToken = token == null ? "" : token.trim();
        String user = username == null || username.isBlank() ? null : username.trim();
        if (cleanToken.isEmpty()) {
            throw new AddServerException(AddServerException.Problem.MISSING, "The token is empty.", null);
        }
        if (kind == ServerKind.DISCOURSE && user == null) {
            throw new AddServerException(AddServerException.Problem.MISSING, "Discourse needs the username the API key acts for.", null);
        }
        String baseUrl = address.toString();
        boolean known = saved().stream().anyMatch(s -> s.kind().equals(kind.name()) && s.baseUrl().equals(baseUrl)
                && java.util.Objects.equals(s.username(), user));
        if (known) {
            throw new AddServerException(AddServerException.Problem.DUPLICATE, "This server has been added already.", null);
        }
        CourseConnector connector;
        try {
            connector = connect.connect(kind, address, new ServerCredentials(cleanToken, user));
        } catch (IllegalArgumentException e) {
            throw new AddServerException(AddServerException.Problem.OTHER, e.getMessage(), e);
        }
        try {
            UserIdentity me = connector.me();
            List<Course> courses = connector.courses();
            String account = kind.name().toLowerCase(Locale.ROOT) + " " + baseUrl + (user == null ? "" : " " + user);
            String ref = vault.store(account, cleanToken);
            SavedServer server;
            try {
                server = cache.servers().add(new SavedServer(0, kind.name(), baseUrl, user, connector.describe(), me.id(), ref,
                        clock.instant()));
            } catch (StoreException e) {
                vault.delete(ref);
                throw new AddServerException(AddServerException.Problem.OTHER, e.getMessage(), e);
            }
            cache.changes().saveIdentities(java.util.Map.of(server.coursePrefix(), me));
            servers.add(server.coursePrefix(), connector);
            engine.rediscover();
            LOG.info("Added {} server {} ({} courses)", kind, baseUrl, courses.size());
            return new Added(server, me, courses);
        } catch (SyncException e) {
            connector.close();
            throw new AddServerException(problemOf(e), e.getMessage(), e);
        } catch (TokenVault.VaultException e) {
            connector.close();
            throw new AddServerException(AddServerException.Problem.OTHER, e.getMessage(), e);
        } catch (AddServerException | RuntimeException e) {
            connector.close();
            throw e;
        }
    }

    /** What removing the server would delete from this computer, for the user to confirm knowing it. */
    public ServerRepository.RemovalImpact impactOfRemoving(SavedServer server) {
        return cache.servers().impactOfRemoving(server);
    }

    /**
     * Removes an added server from the program: its courses stop syncing (a transfer in progress is cancelled) and
     * no request goes to it any more, every cached row of its courses is deleted in one transaction, its token
     * leaves the vault, and open views drop its courses. Nothing is deleted on the server. When the cache cannot
     * be changed, everything stays as it was (the server syncs on) and the failure is thrown.
     */
    public void remove(SavedServer server) {
        String prefix = server.coursePrefix();
        // The cached courses, also those not syncing (their server out of reach since the start), and those syncing.
        java.util.Set<String> gone = new java.util.HashSet<>(cache.courses().all().stream().map(Course::id)
                .filter(id -> id.startsWith(prefix)).toList());
        gone.addAll(engine.forgetServer(prefix));
        CourseConnector connector = servers.withdraw(prefix);
        try {
            cache.servers().removeWithCourses(server);
        } catch (StoreException e) {
            LOG.warn("Removing server {} ({}) failed; it stays: {}", server.name(), server.baseUrl(), e.getMessage());
            servers.restore(prefix, connector);
            engine.restoreServer(prefix);
            throw e;
        }
        if (connector != null) {
            connector.close();
        }
        vault.delete(server.secretRef());
        engine.serverRemoved(prefix, gone);
        LOG.info("Removed {} server {} and its cached courses {}", server.kind(), server.baseUrl(), gone);
    }

    private static AddServerException.Problem problemOf(SyncException e) {
        return switch (e.kind()) {
            case UNAUTHORIZED, FORBIDDEN -> AddServerException.Problem.TOKEN;
            case OFFLINE, INTERRUPTED -> AddServerException.Problem.UNREACHABLE;
            case MALFORMED, NOT_FOUND -> AddServerException.Problem.WRONG_KIND;
            default -> AddServerException.Problem.OTHER;
        };
    }

    /** The program's way of connecting. */
    public static Connect connectorFactory() {
        return ConnectorFactory::create;
    }

    /** The program's vault: the system keyring, or an owner-only file in the data folder. */
    public static TokenVault defaultVault(java.nio.file.Path dataDirectory) {
        return new KeyringTokenVault(new FileTokenVault(dataDirectory));
    }
}
