package io.boxoffice.app.axon;

import io.boxoffice.app.shard.SeatShardTransactionManager;
import io.boxoffice.command.refusal.RefusalReportingCommandBus;
import io.boxoffice.command.shard.SeatShards;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * The bus that runs this node's command handlers: Axon's own, as its auto-configuration builds it, reporting refusals
 * the way a remote handler's arrive, each command in a transaction on the seat shard that decides it. Under the
 * {@code axonserver} profile it is the local segment behind Axon Server's bus, so callers see the same refusals
 * either way.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    @Bean(destroyMethod = "")
    @Qualifier("localSegment")
    public CommandBus commandBus(SeatShards shards, Configuration axon, DuplicateCommandHandlerResolver duplicates) {
        SimpleCommandBus handlers = SimpleCommandBus.builder()
                .transactionManager(new SeatShardTransactionManager(shards))
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        handlers.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return new RefusalReportingCommandBus(handlers);
    }

    @Bean
    ConflictRetries conflictRetries(MeterRegistry meters) {
        return new ConflictRetries(meters);
    }

    /** Axon's gateway, as its auto-configuration builds it, with the one retry policy of commands. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ConflictRetries retries) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries).build();
    }
}
