package nl.sociallearning.workstation.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    static final String ROOT = "nl.sociallearning.workstation";
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void theCoreKnowsNothingOfJavaFx() {
        noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".store..", ROOT + ".sync..", ROOT + ".demo..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp..")
                .because("disk, network and rules must run without a window (CLI, tests, background threads)")
                .check(classes);
    }

    @Test
    void theDomainUsesNothingOfOurs() {
        noClasses().that().resideInAPackage(ROOT + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".sync..", ROOT + ".demo..",
                        ROOT + ".ui..", ROOT + ".app..", ROOT + ".courses..", "java.sql..", "okhttp3..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void theStoreUsesOnlyTheDomain() {
        noClasses().that().resideInAPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".sync..", ROOT + ".demo..", ROOT + ".ui..",
                        ROOT + ".app..", ROOT + ".courses..", "okhttp3..")
                .check(classes);
    }

    @Test
    void syncDoesNotKnowTheDemoOrTheViews() {
        noClasses().that().resideInAPackage(ROOT + ".sync..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".demo..", ROOT + ".ui..", ROOT + ".app..",
                        ROOT + ".courses..")
                .check(classes);
    }

    @Test
    void theDemoServerUsesOnlyTheDomain() {
        noClasses().that().resideInAPackage(ROOT + ".demo..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".sync..", ROOT + ".ui..",
                        ROOT + ".app..", ROOT + ".courses..")
                .because("the demo server stands for a remote course server: it shares only the vocabulary")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootWires() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".app..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".app..")
                .check(classes);
    }

    /** The connector packages: the Course Sync API's, the shared platform pieces and one per platform. */
    static final String[] CONNECTORS = {ROOT + ".sync.api..", ROOT + ".sync.platform..", ROOT + ".sync.nodebb..",
            ROOT + ".sync.discourse..", ROOT + ".sync.moodle..", ROOT + ".sync.canvas.."};

    @Test
    void httpIsTheConnectorsBusiness() {
        String[] allowed = java.util.Arrays.copyOf(CONNECTORS, CONNECTORS.length + 1);
        allowed[CONNECTORS.length] = ROOT + ".app..";
        noClasses().that().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAPackage("okhttp3..")
                .check(classes);
    }

    @Test
    void connectorsKnowNeitherTheCacheNorTheEngine() {
        noClasses().that().resideInAnyPackage(CONNECTORS)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".feed..", ROOT + ".heatmap..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Engine")
                .because("a connector turns a server's answers into changes; the engine stores them (CacheIndex is its view of the cache)")
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchNodes() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "atlantafx..", "org.controlsfx..")
                .because("view models are tested without a window; only views build nodes")
                .check(classes);
    }

    /** The features: each a page of the rail (or a dialog), connected only by the shell in {@code app}. */
    static final String[] FEATURES = {ROOT + ".feed..", ROOT + ".courses..", ROOT + ".heatmap..",
            ROOT + ".assessment..", ROOT + ".reports..", ROOT + ".servers.."};

    @Test
    void featuresDoNotImportEachOther() {
        for (String feature : FEATURES) {
            String[] others = java.util.Arrays.stream(FEATURES).filter(f -> !f.equals(feature)).toArray(String[]::new);
            var rule = noClasses().that().resideInAPackage(feature).should().dependOnClassesThat().resideInAnyPackage(others);
            if (feature.equals(ROOT + ".reports..")) {
                // Reports restate the feed's moderator indicators and the heatmap's signals: their computations only.
                rule = noClasses().that().resideInAPackage(feature).should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("views or other features' view models",
                                (com.tngtech.archunit.core.domain.JavaClass c) -> java.util.Arrays.stream(others)
                                        .anyMatch(o -> c.getPackageName().startsWith(o.replace("..", "")))
                                        && (c.getSimpleName().endsWith("View") || c.getSimpleName().endsWith("ViewModel")
                                        || !(c.getPackageName().startsWith(ROOT + ".feed")
                                        || c.getPackageName().startsWith(ROOT + ".heatmap")))));
            }
            rule.because("features meet in the shell (app), so each can change alone").check(classes);
        }
    }

    @Test
    void pdfDocumentsAreAPlainLibrary() {
        noClasses().that().resideInAPackage(ROOT + ".pdf..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".sync..", ROOT + ".ui..",
                        ROOT + ".app..", "javafx..")
                .check(classes);
    }

    @Test
    void writingFilesSafelyIsOnePieceEveryoneUses() {
        noClasses().that().resideInAPackage(ROOT + ".files..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".domain..", ROOT + ".store..", ROOT + ".sync..",
                        ROOT + ".ui..", ROOT + ".app..", "javafx..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage(ROOT + ".files..")
                .should().callMethod(java.nio.file.Files.class, "move", java.nio.file.Path.class, java.nio.file.Path.class,
                        java.nio.file.CopyOption[].class)
                .because("a file is written whole or not at all through files.AtomicFile; the exceptions create "
                        + "owner-only files first (see docs/architecture.md)")
                .allowEmptyShould(true)
                .check(classes.that(com.tngtech.archunit.base.DescribedPredicate.describe("not an owner-only secret writer",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> !java.util.Set.of("SigningKey").contains(c.getSimpleName()))));
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
