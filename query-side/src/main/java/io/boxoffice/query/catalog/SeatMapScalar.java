package io.boxoffice.query.catalog;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.util.Locale;

/**
 * The {@code SeatMap} scalar: columns that go out as they are, without GraphQL resolving 80,000 objects field by
 * field. Output only.
 */
@Configuration(proxyBeanMethods = false)
public class SeatMapScalar {

    @Bean
    RuntimeWiringConfigurer seatMapScalarWiring() {
        GraphQLScalarType seatMap = GraphQLScalarType.newScalar()
                .name("SeatMap")
                .description("A seat map in columns")
                .coercing(new Coercing<Object, Object>() {
                    @Override
                    public Object serialize(Object columns, GraphQLContext context, Locale locale) {
                        return columns;
                    }

                    @Override
                    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                        throw new CoercingParseValueException("SeatMap is output only");
                    }

                    @Override
                    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                               Locale locale) {
                        throw new CoercingParseLiteralException("SeatMap is output only");
                    }
                })
                .build();
        return wiring -> wiring.scalar(seatMap);
    }
}
