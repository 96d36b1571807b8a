package io.synchron;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The layout tells the architecture; these rules keep it telling the truth. Each message says how to fix a break. */
class ArchitectureTest {

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.synchron");
  }

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersPublicApi() {
    ApplicationModules.of(
            SynchronApplication.class,
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                "io.synchron.simulator..", "io.synchron.sandbox..", "io.synchron.contracts.."))
        .verify();
  }

  @Test
  void productionCodeNeverDependsOnTheSimulators() {
    noClasses()
        .that().resideInAPackage("io.synchron..")
        .and().resideOutsideOfPackages("io.synchron.simulator..", "io.synchron.sandbox..", "io.synchron.contracts..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.synchron.simulator..", "io.synchron.sandbox..", "io.synchron.contracts..")
        .because("simulators are independent peers used by the sandbox and the tests; talk to them over HTTP"
            + " through a connector, as to the real platform")
        .check(production);
  }

  @Test
  void theLedgerKnowsNoFrameworkNoWireFormatAndNoConnector() {
    noClasses()
        .that().resideInAPackage("io.synchron.order")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "tools.jackson..", "com.fasterxml..", "java.net.http..",
            "io.synchron.connector..", "io.synchron.jobs..", "io.synchron.intake..")
        .because("the ledger is the domain: keep persistence in order.internal and platform calls in connectors")
        .check(production);
  }

  @Test
  void connectorsDoNotReachIntoEachOther() {
    noClasses()
        .that().resideInAPackage("io.synchron.connector.mirakl..")
        .should().dependOnClassesThat().resideInAPackage("io.synchron.connector.shopify..")
        .because("each platform's wire format stays in its own connector; share through the connector SPI")
        .check(production);
    noClasses()
        .that().resideInAPackage("io.synchron.connector.shopify..")
        .should().dependOnClassesThat().resideInAPackage("io.synchron.connector.mirakl..")
        .because("each platform's wire format stays in its own connector; share through the connector SPI")
        .check(production);
  }

  @Test
  void connectorsDoNotDriveTheFlow() {
    noClasses()
        .that().resideInAPackage("io.synchron.connector..")
        .should().dependOnClassesThat().resideInAnyPackage("io.synchron.intake..", "io.synchron.jobs..",
            "io.synchron.inbox..", "io.synchron.api..")
        .because("connectors translate calls; deciding what to do is the intake flow's job")
        .check(production);
  }

  @Test
  void nothingDependsOnTheApi() {
    noClasses()
        .that().resideInAPackage("io.synchron..")
        .and().resideOutsideOfPackage("io.synchron.api..")
        .should().dependOnClassesThat().resideInAPackage("io.synchron.api..")
        .because("the REST API is an edge: put shared logic in the module it belongs to")
        .check(production);
  }
}
