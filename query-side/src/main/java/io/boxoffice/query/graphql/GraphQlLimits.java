package io.boxoffice.query.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.boxoffice.query.catalog.CatalogGraphQlController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What one GraphQL query may ask for, checked before it runs (graphql-java's instrumentations): a depth, and a
 * complexity in which each field costs one, a list costs its length times its items, and a whole venue's seats
 * ({@code seats}, {@code seatMap}) costs {@value #SEAT_LIST}. So a query gets at most one event's seats, however
 * many aliases it writes, and the largest answer is one seat map; beyond that it gets an error, not megabytes.
 * (The document itself is bounded by the request body limit.)
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlLimits {

    /** The schema's deepest real query is 6 levels; the standard introspection query needs 13. */
    static final int MAX_DEPTH = 15;
    /** A page of 100 events with what the events list shows costs about 2,100. */
    static final int MAX_COMPLEXITY = 5_000;
    /** So that a query holds one venue's seats, and two exceed the limit. */
    static final int SEAT_LIST = 2_500;
    /** Lists without a size argument: what they are assumed to hold. */
    private static final int UNSIZED_LIST = 20;

    @Bean
    Instrumentation maxQueryDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH);
    }

    @Bean
    Instrumentation maxQueryComplexity() {
        return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY, new Costs());
    }

    static final class Costs implements FieldComplexityCalculator {

        @Override
        public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
            String type = environment.getParentType().getName();
            String field = environment.getField().getName();
            if (type.equals("Event") && (field.equals("seats") || field.equals("seatMap"))) {
                return SEAT_LIST + childComplexity;
            }
            if (type.equals("Query") && field.equals("events")) {
                // a page larger than the largest one is refused by the resolver itself, with its own message
                Object first = environment.getArguments().get("first");
                int size = first instanceof Integer n ? Math.max(1, Math.min(n, CatalogGraphQlController.MAX_PAGE))
                        : UNSIZED_LIST;
                return size * (1 + childComplexity);
            }
            if (type.equals("Query") && (field.equals("venues") || field.equals("myReservations"))) {
                return UNSIZED_LIST * (1 + childComplexity);
            }
            return 1 + childComplexity;
        }
    }
}
