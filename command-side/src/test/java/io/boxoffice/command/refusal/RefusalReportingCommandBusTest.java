package io.boxoffice.command.refusal;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.boxoffice.api.command.Refusal;
import io.boxoffice.command.reservation.TicketLimitReachedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.distributed.ReplyMessage;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalReportingCommandBusTest {

    private static final Serializer WIRE = JacksonSerializer.builder().objectMapper(JsonMapper.builder()
            .addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()).build();

    /** What the dispatcher receives when the handler fails with {@code failure}. */
    private static CommandResultMessage<?> resultOf(RuntimeException failure) {
        SimpleCommandBus handlers = SimpleCommandBus.builder().build();
        handlers.subscribe(String.class.getName(), command -> {
            throw failure;
        });
        FutureCallback<Object, Object> result = new FutureCallback<>();
        new RefusalReportingCommandBus(handlers).dispatch(GenericCommandMessage.asCommandMessage("a command"), result);
        return result.getResult();
    }

    /** The result as a distributed command bus hands it over: written, sent, read back. */
    private static CommandResultMessage<?> overTheWire(CommandResultMessage<?> result) {
        return new ReplyMessage("command-id", result, WIRE) {
        }.getCommandResultMessage(WIRE);
    }

    @Test
    void aRefusalTravelsAsTheDetailsOfACommandExecutionException() {
        CommandResultMessage<?> local = resultOf(new TicketLimitReachedException("event-1", 8, 8));
        CommandResultMessage<?> remote = overTheWire(local);

        Refusal expected = new Refusal(Refusal.Reason.TICKET_LIMIT_REACHED,
                "event event-1 allows 8 tickets per fan; you hold or own 8", List.of(),
                Map.of("maxTicketsPerFan", 8, "ticketsHeldOrOwned", 8));
        assertThat(local.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        assertThat(Refusal.of(local.exceptionResult())).contains(expected);
        assertThat(remote.exceptionResult()).isInstanceOf(CommandExecutionException.class)
                .hasCauseInstanceOf(RemoteHandlingException.class);
        assertThat(Refusal.of(remote.exceptionResult())).as("the same refusal on the other node").contains(expected);
    }

    @Test
    void aConflictingAppendIsAConflictAndAMissingAggregateNotFound() {
        assertThat(Refusal.refused(overTheWire(resultOf(new ConcurrencyException("seat taken meanwhile")))
                .exceptionResult(), Refusal.Reason.CONFLICT)).isTrue();
        assertThat(Refusal.refused(overTheWire(resultOf(new AggregateStreamCreationException("exists")))
                .exceptionResult(), Refusal.Reason.CONFLICT)).isTrue();
        assertThat(Refusal.refused(overTheWire(resultOf(new AggregateNotFoundException("r-1", "no r-1")))
                .exceptionResult(), Refusal.Reason.NOT_FOUND)).isTrue();
    }

    @Test
    void aFailureThatIsNoRefusalStaysAsItWas() {
        IllegalStateException bug = new IllegalStateException("a bug");

        CommandResultMessage<?> local = resultOf(bug);

        assertThat(local.exceptionResult()).isSameAs(bug);
        assertThat(Refusal.of(overTheWire(local).exceptionResult())).isEmpty();
    }
}
