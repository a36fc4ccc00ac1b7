package io.boxoffice.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.boxoffice.command.reservation.FanTickets;
import io.boxoffice.command.seat.Seat;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The boundaries of the spec's modules, checked on every build: the command side, the query side and the sagas know
 * only the shared API, never each other or the application that assembles them; the shared API holds only messages
 * and value types; and the domain (aggregates, sagas) knows nothing of HTTP, servlets or Redis.
 */
@AnalyzeClasses(packages = "io.boxoffice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "io.boxoffice.api..";
    private static final String COMMAND = "io.boxoffice.command..";
    private static final String QUERY = "io.boxoffice.query..";
    private static final String SAGA = "io.boxoffice.saga..";
    private static final String APP = "io.boxoffice.app..";

    @ArchTest
    static final ArchRule theCommandSideKnowsOnlyTheSharedApi = noClasses().that().resideInAPackage(COMMAND)
            .should().dependOnClassesThat().resideInAnyPackage(QUERY, SAGA, APP);

    @ArchTest
    static final ArchRule theQuerySideKnowsOnlyTheSharedApi = noClasses().that().resideInAPackage(QUERY)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND, SAGA, APP);

    @ArchTest
    static final ArchRule theSagasKnowOnlyTheSharedApi = noClasses().that().resideInAPackage(SAGA)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, APP);

    @ArchTest
    static final ArchRule theSharedApiKnowsNoModule = noClasses().that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, SAGA, APP);

    /**
     * Messages (commands, events, queries, refusals, problems) and value types, nothing that does I/O or needs a
     * framework beyond Axon's annotations: no HTTP, no SQL, no Redis, no keys.
     */
    @ArchTest
    static final ArchRule theSharedApiHoldsOnlyMessagesAndValueTypes = classes().that().resideInAPackage(API)
            .should().onlyDependOnClassesThat().resideInAnyPackage(API, "java.lang..", "java.util..", "java.time..",
                    "java.math..", "java.io..", "java.nio.charset..", "jakarta.validation..", "org.axonframework..",
                    "com.fasterxml.jackson.annotation..",
                    // MurmurHash3: the rule that puts a bucket of seats on its shard, which every node computes alike
                    "org.apache.commons.codec.digest..");

    /** The naive baseline is measured against, never part of the product (the app's tests have its jar). */
    @ArchTest
    static final ArchRule theProductKnowsNothingOfTheNaiveBaseline = noClasses().that()
            .resideInAnyPackage(API, COMMAND, QUERY, SAGA, APP)
            .should().dependOnClassesThat().resideInAPackage("io.boxoffice.loadtest..");

    @ArchTest
    static final ArchRule aggregatesKnowNoTransportOrGate = noClasses().that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "jakarta.servlet..", "org.redisson..");

    @ArchTest
    static final ArchRule sagasKnowNoTransportOrGate = noClasses().that().resideInAPackage(SAGA)
            .and().haveSimpleNameEndingWith("Saga")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "jakarta.servlet..", "org.redisson..");

    /**
     * A seat is held, sold or released only by the reservation's commands, in the unit of work that also records
     * the reservation, its deadline's saga and the fan's allowance: no command on the bus changes a seat.
     */
    @ArchTest
    static final ArchRule seatsHandleNoCommandOfTheirOwn = noMethods().that().areDeclaredIn(Seat.class)
            .or().areDeclaredIn(FanTickets.class).should().beAnnotatedWith(CommandHandler.class);

    @ArchTest
    static final ArchRule seatsAreChangedOnlyByTheReservationsCommands = noClasses().that()
            .resideOutsideOfPackages("io.boxoffice.command.reservation", "io.boxoffice.command.seat")
            .should().callMethodWhere(target(owner(assignableTo(Seat.class))).and(target(name("reserve"))
                    .or(target(name("confirm"))).or(target(name("release")))));
}
