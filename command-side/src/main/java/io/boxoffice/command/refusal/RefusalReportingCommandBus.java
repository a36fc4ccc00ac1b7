package io.boxoffice.command.refusal;

import io.boxoffice.api.command.Refusal;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Optional;

/**
 * The command bus that handles commands in this JVM (the local segment, also under Axon Server), reporting every
 * refusal as a {@link CommandExecutionException} whose details are a {@link Refusal}. It sits around the bus rather
 * than the handlers because a conflicting append fails when the unit of work commits, after every handler
 * interceptor has returned.
 */
public class RefusalReportingCommandBus implements CommandBus {

    private final CommandBus handlers;

    public RefusalReportingCommandBus(CommandBus handlers) {
        this.handlers = handlers;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        handlers.dispatch(command);
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        handlers.<C, R>dispatch(command, (message, result) -> callback.onResult(message, reported(result)));
    }

    /** The result a dispatcher receives: a refusal as details, anything else as it was. */
    @SuppressWarnings("unchecked")
    static <R> CommandResultMessage<R> reported(CommandResultMessage<R> result) {
        if (!result.isExceptional() || result.exceptionResult() instanceof CommandExecutionException) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        return refusalOf(failure)
                .<CommandResultMessage<R>>map(refusal -> new GenericCommandResultMessage<>(
                        new CommandExecutionException(refusal.message(), failure, refusal), result.getMetaData()))
                .orElse(result);
    }

    static Optional<Refusal> refusalOf(Throwable failure) {
        if (failure instanceof CommandRefusedException refused) {
            return Optional.of(refused.refusal());
        }
        if (failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException) {
            return Optional.of(Refusal.of(Refusal.Reason.CONFLICT, failure.getMessage()));
        }
        if (failure instanceof AggregateNotFoundException) {
            return Optional.of(Refusal.of(Refusal.Reason.NOT_FOUND, failure.getMessage()));
        }
        return Optional.empty();
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return handlers.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return handlers.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return handlers.registerDispatchInterceptor(dispatchInterceptor);
    }
}
