package de.parkleit.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/DESIGN.md, checked on the compiled classes of every module (app sees them all). A
 * violation fails the build with the offending class, member and line.
 */
class ArchitectureTest {

    /** Modules whose code is pure except for their {@code service} package (prediction has none: it is all pure). */
    private static final List<String> PURE_MODULES = List.of("routing", "prediction", "guidance", "feeds");

    /** The adapters: each talks to Vert.x, MQTT and HTTP, and none reaches into another. */
    private static final List<String> SERVICES = List.of("de.parkleit.ingest..", "de.parkleit.dashboard..",
            "de.parkleit.routing.service..", "de.parkleit.guidance.service..",
            "de.parkleit.feeds.service..", "de.parkleit.simulator..");

    private static final String[] ADAPTER_PACKAGES = {"io.vertx..", "io.netty..", "org.eclipse.paho..",
            "de.parkleit.platform.mqtt..", "de.parkleit.platform.http..", "de.parkleit.platform.metrics.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.parkleit");
    }

    @Test
    void coreIsPure() {
        check(coreRule());
    }

    /** The rules are not vacuous: a core class that touches Vert.x (a test fixture) is caught. */
    @Test
    void aViolationFailsTheRule() {
        JavaClasses fixture = new ClassFileImporter().importClasses(de.parkleit.core.archfixture.UsesVertx.class);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> coreRule().check(fixture));
    }

    private static ArchRule coreRule() {
        return noClasses().that().resideInAPackage("de.parkleit.core..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_PACKAGES)
                .orShould().dependOnClassesThat().resideInAPackage("de.parkleit.platform..");
    }

    @Test
    void pureModulesUseNoAdaptersOutsideTheirServicePackage() {
        for (String module : PURE_MODULES) {
            String root = "de.parkleit." + module;
            check(noClasses().that().resideInAPackage(root + "..")
                    .and().resideOutsideOfPackage(root + ".service..")
                    .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_PACKAGES));
        }
    }

    @Test
    void servicesNeverImportEachOther() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(s -> !s.equals(service)).toArray(String[]::new);
            check(noClasses().that().resideInAPackage(service)
                    .should().dependOnClassesThat().resideInAnyPackage(others));
        }
    }

    @Test
    void routingPredictionGuidanceOnlyImportDownwards() {
        check(noClasses().that().resideInAPackage("de.parkleit.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("de.parkleit.prediction..", "de.parkleit.guidance.."));
        check(noClasses().that().resideInAPackage("de.parkleit.prediction..")
                .should().dependOnClassesThat().resideInAPackage("de.parkleit.guidance.."));
    }

    /** The simulator reads the Münster data through prediction's reader and cleaning rules; it knows no other module. */
    @Test
    void simulatorImportsOnlyCorePlatformAndPrediction() {
        check(noClasses().that().resideInAPackage("de.parkleit.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("de.parkleit.routing..", "de.parkleit.guidance..",
                        "de.parkleit.ingest..", "de.parkleit.dashboard..", "de.parkleit.feeds..",
                        "de.parkleit.signbridge..", "de.parkleit.cityinit.."));
    }

    @Test
    void onlyAppAssemblesTheServices() {
        check(noClasses().that().resideOutsideOfPackages("de.parkleit.app..", "de.parkleit.bench..")
                .should().dependOnClassesThat().resideInAPackage("de.parkleit.app.."));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
