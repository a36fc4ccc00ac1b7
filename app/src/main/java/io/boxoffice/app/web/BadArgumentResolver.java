package io.boxoffice.app.web;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.boxoffice.command.refusal.DatabaseFailures;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * A bad argument (a page too large, a date that is not one, an id PostgreSQL cannot even compare) is the client's
 * error, said in words, never an INTERNAL_ERROR.
 */
@Component
public class BadArgumentResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof IllegalArgumentException) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).build();
        }
        if (DatabaseFailures.causedByBadValue(ex)) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
                    .message("an argument is not a value that can be looked up (printable text, dates within range)")
                    .build();
        }
        return null;
    }
}
