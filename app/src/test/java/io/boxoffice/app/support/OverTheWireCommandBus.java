package io.boxoffice.app.support;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.NoOpCallback;
import org.axonframework.commandhandling.distributed.CommandBusConnector;
import org.axonframework.commandhandling.distributed.CommandMessageFilter;
import org.axonframework.commandhandling.distributed.CommandRouter;
import org.axonframework.commandhandling.distributed.DispatchMessage;
import org.axonframework.commandhandling.distributed.DistributedCommandBus;
import org.axonframework.commandhandling.distributed.Member;
import org.axonframework.commandhandling.distributed.ReplyMessage;
import org.axonframework.commandhandling.distributed.SimpleMember;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Axon's {@link DistributedCommandBus} in front of this node's handlers, with a connector that writes each command
 * and its result, exception included, with Axon's {@link DispatchMessage} and {@link ReplyMessage} and reads them
 * back: what a dispatcher then receives is what it would receive from a handler on another node (a
 * {@code CommandExecutionException} carrying the remote exception's description and its details, never the
 * exception itself).
 */
@TestConfiguration(proxyBeanMethods = false)
public class OverTheWireCommandBus {

    /** Results read back from the wire that were exceptional: proof that refusals took this path. */
    public static final AtomicInteger FAILURES_CARRIED = new AtomicInteger();

    @Bean
    @Primary
    CommandBus overTheWireCommandBus(@Qualifier("localSegment") CommandBus handlers,
                                     @Qualifier("messageSerializer") Serializer serializer) {
        Member otherNode = new SimpleMember<>("other-node", null, SimpleMember.REMOTE_MEMBER, member -> {
        });
        CommandRouter everythingThere = new CommandRouter() {
            @Override
            public Optional<Member> findDestination(CommandMessage<?> command) {
                return Optional.of(otherNode);
            }

            @Override
            public void updateMembership(int loadFactor, CommandMessageFilter commandFilter) {
            }
        };
        return DistributedCommandBus.builder()
                .commandRouter(everythingThere)
                .connector(new Wire(handlers, serializer))
                .build();
    }

    private static final class Wire implements CommandBusConnector {

        private final CommandBus handlers;
        private final Serializer serializer;

        Wire(CommandBus handlers, Serializer serializer) {
            this.handlers = handlers;
            this.serializer = serializer;
        }

        @Override
        public <C> void send(Member destination, CommandMessage<? extends C> command) {
            send(destination, command, NoOpCallback.INSTANCE);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <C, R> void send(Member destination, CommandMessage<C> command,
                                CommandCallback<? super C, R> callback) {
            CommandMessage<C> received = (CommandMessage<C>) new Sent(command, serializer).getCommandMessage(serializer);
            handlers.dispatch(received, (handled, result) -> {
                CommandResultMessage<R> replied = (CommandResultMessage<R>)
                        new Replied(command.getIdentifier(), result, serializer).getCommandResultMessage(serializer);
                if (replied.isExceptional()) {
                    FAILURES_CARRIED.incrementAndGet();
                }
                callback.onResult(command, replied);
            });
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
        public Optional<CommandBus> localSegment() {
            return Optional.of(handlers);
        }
    }

    private static final class Sent extends DispatchMessage {

        Sent(CommandMessage<?> command, Serializer serializer) {
            super(command, serializer, true);
        }
    }

    private static final class Replied extends ReplyMessage {

        Replied(String commandIdentifier, CommandResultMessage<?> result, Serializer serializer) {
            super(commandIdentifier, result, serializer);
        }
    }
}
