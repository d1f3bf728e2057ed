package se.region.grantledger.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.api.leak.AnEventThatNamesAnAggregatePackage;
import se.region.grantledger.core.appropriation.Appropriation;
import se.region.grantledger.core.appropriation.Reservations;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.project.Project;
import se.region.grantledger.core.rules.DomainException;
import se.region.grantledger.core.rules.RequestPolicy;
import se.region.grantledger.projections.leak.ProjectionThatReadsAnAggregate;
import se.region.grantledger.projections.project.ProjectStatusProjection;
import se.region.grantledger.web.leak.ControllerThatReadsAStreamByClass;
import se.region.grantledger.web.leak.ControllerThatReplaysAProjection;

import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries of docs/adr/0006, checked on the compiled classes. Each layer is given what it may use
 * (an allow-list), not what it may not: a class added tomorrow in a new package is refused until someone decides
 * that it belongs. Outside the ledger's own packages (Java, Spring, Axon, Jackson) the layers are free.
 */
@AnalyzeClasses(packages = "se.region.grantledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    private static final String OWN = "se.region.grantledger..";

    /** The refusals every layer may name: the rule and conflict catalogues, the exceptions and input checks. */
    private static final DescribedPredicate<JavaClass> REFUSALS = assignableTo(DomainException.class)
            .or(JavaClass.Predicates.belongToAnyOf(se.region.grantledger.core.rules.Rule.class,
                    se.region.grantledger.core.rules.Conflict.class, se.region.grantledger.core.rules.Require.class,
                    se.region.grantledger.core.rules.Text.class, se.region.grantledger.core.rules.ExpectedVersion.class))
            .as("refusals");

    /** The read side of the projections: queries and rows, not the event handlers that write the tables. */
    private static final DescribedPredicate<JavaClass> QUERIES = resideInAnyPackage("se.region.grantledger.projections..")
            .and(not(com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith(ProcessingGroup.class)))
            .as("the projections' queries and rows");

    @ArchTest
    static final ArchRule messagesCarryOnlyValues = messagesCarryOnlyValues();

    @ArchTest
    static final ArchRule valueObjectsStandAlone = classes()
            .that().resideInAPackage("se.region.grantledger.core.model..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(OWN)
                    .or(resideInAnyPackage("se.region.grantledger.core.model..")).or(REFUSALS))
            .as("value objects use only value objects and refusals");

    @ArchTest
    static final ArchRule projectionsReadMessagesAndValues = projectionsReadMessagesAndValues();

    @ArchTest
    static final ArchRule theWebSendsMessagesAndReadsQueries = theWebSendsMessagesAndReadsQueries();

    @ArchTest
    static final ArchRule aggregatesAreLoadedOnlyByTheCoreAndAxonsConfiguration = aggregatesStayInside();

    @ArchTest
    static final ArchRule theCoreKnowsNothingOfWebJpaOrJdbc = noClasses()
            .that().resideInAPackage("se.region.grantledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "java.sql..", "jakarta.servlet..")
            .as("the core holds no Spring, web, JPA or JDBC code (Axon's @Aggregate stereotype is Axon's own package)");

    @ArchTest
    static final ArchRule theCoreDependsOnNoOtherModule = classes()
            .that().resideInAPackage("se.region.grantledger.core..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(OWN)
                    .or(resideInAnyPackage("se.region.grantledger.core..")))
            .as("the core depends on no other module");

    private static ArchRule messagesCarryOnlyValues() {
        return classes().that().resideInAPackage("se.region.grantledger.core.api..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(OWN)
                        .or(resideInAnyPackage("se.region.grantledger.core.api..", "se.region.grantledger.core.model..")))
                .as("messages carry only messages and value objects");
    }

    private static ArchRule projectionsReadMessagesAndValues() {
        return classes().that().resideInAPackage("se.region.grantledger.projections..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(OWN).or(resideInAnyPackage(
                        "se.region.grantledger.core.api..", "se.region.grantledger.core.model..",
                        "se.region.grantledger.projections..")))
                .as("projections read messages and value objects, never aggregates, policies or the web");
    }

    private static ArchRule theWebSendsMessagesAndReadsQueries() {
        return classes().that().resideInAPackage("se.region.grantledger.web..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(OWN)
                        .or(resideInAnyPackage("se.region.grantledger.core.api..", "se.region.grantledger.core.model..",
                                "se.region.grantledger.web..", "se.region.grantledger.infrastructure.."))
                        .or(REFUSALS).or(QUERIES).or(JavaClass.Predicates.belongToAnyOf(RequestPolicy.class)))
                .as("the web sends messages, reads values, queries and the ledger's services, names refusals, and"
                        + " checks the one rule met at the door (RequestPolicy)");
    }

    private static ArchRule aggregatesStayInside() {
        return classes().that().areAnnotatedWith(Aggregate.class)
                .should().onlyHaveDependentClassesThat(resideInAnyPackage("se.region.grantledger.core..",
                        "se.region.grantledger.infrastructure.axon..", "se.region.grantledger.infrastructure"))
                .as("aggregates are used by the core and named only by Axon's configuration; readers name streams"
                        + " by StreamType");
    }

    // --- the rules catch what they are there for: each leak the redesign removed, put back on purpose ---------

    @Test
    void aProjectionThatReadsAnAggregateIsCaught() {
        JavaClasses leak = new ClassFileImporter().importClasses(ProjectionThatReadsAnAggregate.class, Project.class,
                Money.class);
        assertThat(projectionsReadMessagesAndValues().evaluate(leak).hasViolation()).isTrue();
        assertThat(aggregatesStayInside().evaluate(leak).hasViolation()).isTrue();
    }

    @Test
    void aControllerThatNamesAStreamByItsAggregateClassIsCaught() {
        JavaClasses leak = new ClassFileImporter().importClasses(ControllerThatReadsAStreamByClass.class,
                Appropriation.class);
        assertThat(theWebSendsMessagesAndReadsQueries().evaluate(leak).hasViolation()).isTrue();
        assertThat(aggregatesStayInside().evaluate(leak).hasViolation()).isTrue();
    }

    @Test
    void aControllerThatReplaysAProjectionItselfIsCaught() {
        JavaClasses leak = new ClassFileImporter().importClasses(ControllerThatReplaysAProjection.class,
                ProjectStatusProjection.class);
        assertThat(theWebSendsMessagesAndReadsQueries().evaluate(leak).hasViolation()).isTrue();
    }

    @Test
    void anEventThatNamesAnAggregatePackageIsCaught() {
        JavaClasses leak = new ClassFileImporter().importClasses(AnEventThatNamesAnAggregatePackage.class,
                Reservations.class);
        assertThat(messagesCarryOnlyValues().evaluate(leak).hasViolation()).isTrue();
    }

    @Test
    void theRealClassesPassEveryRule() {
        JavaClasses ledger = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.region.grantledger");
        Set.of(messagesCarryOnlyValues(), projectionsReadMessagesAndValues(), theWebSendsMessagesAndReadsQueries(),
                aggregatesStayInside()).forEach(rule -> assertThat(rule.evaluate(ledger).hasViolation())
                .as(rule.getDescription()).isFalse());
    }
}
