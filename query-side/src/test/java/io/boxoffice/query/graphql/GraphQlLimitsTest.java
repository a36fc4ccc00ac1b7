package io.boxoffice.query.graphql;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of {@link GraphQlLimits} on the real schema ({@code graphql/schema.graphqls}), checked before anything
 * runs: one event's seats per query however it is written (aliases, seats and seatMap together, seats of a page of
 * events or of a fan's reservations), a full page of events as the events list shows it, and a depth that lets the
 * standard introspection query through but nothing deeper. Resolvers answer nothing here: these are the costs of
 * the queries, not of their answers.
 */
class GraphQlLimitsTest {

    private static final GraphQL GRAPHQL = graphQl();

    private static GraphQL graphQl() {
        String schema;
        try (InputStream in = Objects.requireNonNull(
                GraphQlLimitsTest.class.getResourceAsStream("/graphql/schema.graphqls"))) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(GraphQLScalarType.newScalar().name("SeatMap").coercing(new Coercing<Object, Object>() {
                }).build())
                // the two non-null roots; every other root answers null
                .type("Query", type -> type
                        .dataFetcher("events", env -> Map.of("edges", List.of(),
                                "pageInfo", Map.of("hasNextPage", false)))
                        .dataFetcher("venues", env -> List.of())
                        .dataFetcher("myReservations", env -> List.of()))
                .build();
        GraphQLSchema graphQlSchema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schema),
                wiring);
        GraphQlLimits limits = new GraphQlLimits();
        return GraphQL.newGraphQL(graphQlSchema)
                .instrumentation(new ChainedInstrumentation(limits.maxQueryDepth(), limits.maxQueryComplexity()))
                .build();
    }

    private static List<String> errors(String query) {
        ExecutionResult result = GRAPHQL.execute(query);
        return result.getErrors().stream().map(GraphQLError::getMessage).toList();
    }

    private static String aliased(int times, String field) {
        return IntStream.range(0, times).mapToObj(i -> "f" + i + ": " + field).collect(Collectors.joining(" "));
    }

    @Test
    void oneSeatMapIsAllowedButTwoAliasedOnesAreRefused() {
        assertThat(errors("{ event(id: \"e-1\") { seatMap } }")).isEmpty();
        assertThat(errors("{ event(id: \"e-1\") { " + aliased(2, "seatMap") + " } }"))
                .singleElement().asString().startsWith("maximum query complexity exceeded");
        assertThat(errors("{ " + aliased(2, "event(id: \"e-1\") { seatMap }") + " }"))
                .singleElement().asString().startsWith("maximum query complexity exceeded");
    }

    @Test
    void seatsAndTheSeatMapOfOneEventTogetherAreRefused() {
        assertThat(errors("{ event(id: \"e-1\") { seats { id status price { amount } } } }")).isEmpty();
        assertThat(errors("{ event(id: \"e-1\") { seats { id } seatMap } }"))
                .singleElement().asString().startsWith("maximum query complexity exceeded");
    }

    @Test
    void aFullPageOfEventsIsAllowedButTheSeatsOfMoreThanOneEventAreNot() {
        assertThat(errors("{ events(first: 100) { edges { cursor node { id name startsAt venue { name city } "
                + "priceRange { min { amount currency } } counts { available held sold } } } "
                + "pageInfo { hasNextPage endCursor } } }")).isEmpty();
        assertThat(errors("{ events(first: 1) { edges { node { seats { id } } } } }")).isEmpty();
        assertThat(errors("{ events(first: 2) { edges { node { seats { id } } } } }"))
                .singleElement().asString().startsWith("maximum query complexity exceeded");
        // without a size, a page of the default 20
        assertThat(errors("{ events { edges { node { seatMap } } } }"))
                .singleElement().asString().startsWith("maximum query complexity exceeded");
    }

    @Test
    void aPageSizeAboveTheLargestPageCostsTheLargestPage() {
        // left to the resolver to refuse with its own message, rather than costing a million pages
        assertThat(errors("{ events(first: 1000000) { edges { cursor node { id name } } } }")).isEmpty();
    }

    @Test
    void theSeatMapsOfAFansReservationsAreRefused() {
        assertThat(errors("{ myReservations { id event { name } } }")).isEmpty();
        assertThat(errors("{ myReservations { event { seatMap } } }"))
                .singleElement().asString().startsWith("maximum query complexity exceeded");
    }

    @Test
    void theIntrospectionQueryIsAllowedButDeeperQueriesAreRefused() {
        assertThat(errors(IntrospectionQuery.INTROSPECTION_QUERY)).isEmpty();
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(20) + "{ name }"
                + " }".repeat(20) + " } } } }";
        assertThat(errors(deep)).singleElement().asString().startsWith("maximum query depth exceeded");
    }
}
