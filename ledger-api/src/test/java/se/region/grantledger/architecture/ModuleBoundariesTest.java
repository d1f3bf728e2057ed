package se.region.grantledger.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of docs/adr/0005, checked on the compiled classes. */
@AnalyzeClasses(packages = "se.region.grantledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule theCoreKnowsNothingOfWebJpaOrJdbc = noClasses()
            .that().resideInAPackage("se.region.grantledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.data..", "org.springframework.jdbc..",
                    "jakarta.persistence..", "java.sql..", "jakarta.servlet..")
            .as("the core holds no web, JPA or JDBC code");

    @ArchTest
    static final ArchRule theCoreUsesSpringOnlyForTheAggregateStereotype = noClasses()
            .that().resideInAPackage("se.region.grantledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .as("the core does not depend on Spring (Axon's @Aggregate stereotype is Axon's own package)");

    @ArchTest
    static final ArchRule theCoreDependsOnNoOtherModule = noClasses()
            .that().resideInAPackage("se.region.grantledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "se.region.grantledger.projections..", "se.region.grantledger.web..",
                    "se.region.grantledger.infrastructure..")
            .as("the core depends on no other module");

    @ArchTest
    static final ArchRule projectionsReadOnlyMessagesAndValues = noClasses()
            .that().resideInAPackage("se.region.grantledger.projections..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "se.region.grantledger.core.project..", "se.region.grantledger.core.rules..",
                    "se.region.grantledger.web..", "se.region.grantledger.infrastructure..")
            .as("projections read events and values from the core, never aggregates or rules");

    @ArchTest
    static final ArchRule controllersSendCommandsAndNeverTouchAggregates = noClasses()
            .that().resideInAPackage("se.region.grantledger.web..")
            .should().accessClassesThat().resideInAPackage("se.region.grantledger.core.project..")
            .as("the web layer sends commands; it never calls an aggregate");
}
