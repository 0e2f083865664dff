package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.assessment.DemoAssessments;
import nl.sociallearning.workstation.assessment.exchange.ExchangeException;
import nl.sociallearning.workstation.assessment.exchange.RecordsMailbox;
import nl.sociallearning.workstation.demo.DemoContent;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.demo.FaultPlan;
import nl.sociallearning.workstation.servers.ServerDirectory;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.ServerSet;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The composition root: the cache, the course server (the embedded demo server unless another is given),
 * its connector, the servers the user added beside it, and the sync engine. Everything else gets what it needs from here.
 */
public final class Workstation implements AutoCloseable {

    private final Cache cache;
    private final DemoCourseServer demoServer;
    private final ServerSet connector;
    /** The course server of the Course Sync API: also the assessors' meeting place. */
    private final CourseSyncApiConnector primary;
    private final SyncEngine engine;
    private final ServerDirectory servers;

    private Workstation(Cache cache, DemoCourseServer demoServer, ServerSet connector, CourseSyncApiConnector primary,
                        SyncEngine engine, ServerDirectory servers) {
        this.cache = cache;
        this.demoServer = demoServer;
        this.connector = connector;
        this.primary = primary;
        this.engine = engine;
        this.servers = servers;
    }

    public static Workstation open(Options options) throws IOException {
        ServerAddress address = options.server() != null ? ServerAddress.of(options.server()) : null;
        Cache cache = Cache.open(options.dataDirOrDefault());
        DemoCourseServer demo = null;
        try {
            String token = options.token();
            if (address == null) {
                demo = startDemoServer(options);
                address = ServerAddress.of(demo.baseUri().toString());
                token = demo.token();
            }
            if (options.mode() == Options.Mode.WINDOW) {
                // Example assessments belong to the demo set-up only; a real server's cache gets just the framework.
                if (demo != null) {
                    DemoAssessments.seedIfEmpty(cache);
                } else {
                    DemoAssessments.installExampleFramework(cache);
                }
            }
            // The primary server keeps its course ids; servers the user added sync beside it (ServerSet).
            CourseSyncApiConnector primary = new CourseSyncApiConnector(address, token);
            ServerSet connector = new ServerSet(primary);
            SyncEngine engine = new SyncEngine(connector, cache,
                    options.mode() == Options.Mode.SYNC || options.mode() == Options.Mode.REPORT ? SyncSettings.oneOff() : SyncSettings.defaults());
            ServerDirectory servers = new ServerDirectory(cache, ServerDirectory.defaultVault(options.dataDirOrDefault()),
                    connector, engine, ServerDirectory.connectorFactory(), Clock.systemUTC());
            servers.attachSaved();
            return new Workstation(cache, demo, connector, primary, engine, servers);
        } catch (IOException | RuntimeException e) {
            if (demo != null) {
                demo.close();
            }
            cache.close();
            throw e;
        }
    }

    static DemoCourseServer startDemoServer(Options options) throws IOException {
        DemoCourseServer.Builder builder = DemoCourseServer.builder()
                .port(options.port())
                .live(options.live())
                .faults(FaultPlan.parse(options.faults()))
                .referenceCourses(options.onlyLarge() ? List.of() : DemoContent.REFERENCE_COURSES);
        if (options.token() != null && options.mode() == Options.Mode.DEMO_SERVER) {
            builder.token(options.token());
        }
        if (options.large()) {
            builder.withLargeCourse();
        }
        return builder.start();
    }

    public Cache cache() {
        return cache;
    }

    public SyncEngine engine() {
        return engine;
    }

    /** The servers the user added, and adding one. */
    public ServerDirectory servers() {
        return servers;
    }

    /** The course server as the meeting place of assessors' signed records files. */
    public RecordsMailbox assessmentMailbox() {
        return new RecordsMailbox() {
            @Override
            public void put(String assessmentId, String assessorId, byte[] file) {
                try {
                    primary.putAssessmentRecords(assessmentId, assessorId, file);
                } catch (SyncException e) {
                    throw new ExchangeException(ExchangeException.Problem.SERVER, e.getMessage());
                }
            }

            @Override
            public List<byte[]> files(String assessmentId) {
                try {
                    return primary.assessmentRecords(assessmentId);
                } catch (SyncException e) {
                    throw new ExchangeException(ExchangeException.Problem.SERVER, e.getMessage());
                }
            }
        };
    }

    @Override
    public void close() {
        engine.close();
        connector.close();
        if (demoServer != null) {
            demoServer.close();
        }
        cache.close();
    }
}
