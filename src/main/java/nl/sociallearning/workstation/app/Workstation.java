package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.assessment.DemoAssessments;
import nl.sociallearning.workstation.assessment.exchange.ExchangeException;
import nl.sociallearning.workstation.assessment.exchange.RecordsMailbox;
import nl.sociallearning.workstation.demo.DemoContent;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.demo.FaultPlan;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;

import java.io.IOException;
import java.util.List;

/**
 * The composition root: the cache, the course server (the embedded demo server unless another is given),
 * its connector and the sync engine. Everything else gets what it needs from here.
 */
public final class Workstation implements AutoCloseable {

    private final Cache cache;
    private final DemoCourseServer demoServer;
    private final CourseSyncApiConnector connector;
    private final SyncEngine engine;

    private Workstation(Cache cache, DemoCourseServer demoServer, CourseSyncApiConnector connector, SyncEngine engine) {
        this.cache = cache;
        this.demoServer = demoServer;
        this.connector = connector;
        this.engine = engine;
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
            CourseSyncApiConnector connector = new CourseSyncApiConnector(address, token);
            SyncEngine engine = new SyncEngine(connector, cache,
                    options.mode() == Options.Mode.SYNC ? SyncSettings.oneOff() : SyncSettings.defaults());
            return new Workstation(cache, demo, connector, engine);
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

    /** The course server as the meeting place of assessors' signed records files. */
    public RecordsMailbox assessmentMailbox() {
        return new RecordsMailbox() {
            @Override
            public void put(String assessmentId, String assessorId, byte[] file) {
                try {
                    connector.putAssessmentRecords(assessmentId, assessorId, file);
                } catch (SyncException e) {
                    throw new ExchangeException(ExchangeException.Problem.SERVER, e.getMessage());
                }
            }

            @Override
            public List<byte[]> files(String assessmentId) {
                try {
                    return connector.assessmentRecords(assessmentId);
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
