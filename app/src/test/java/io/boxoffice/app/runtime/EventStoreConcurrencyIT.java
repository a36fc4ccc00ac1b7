package io.boxoffice.app.runtime;

import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.ReleaseReason;
import io.boxoffice.app.support.BoxofficeIntegrationTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event store on PostgreSQL: a second append at the same sequence is a ConcurrencyException, streams are read whole
 * in batches, payloads bytea.
 */
@BoxofficeIntegrationTest
class EventStoreConcurrencyIT {

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondAppendAtTheSameSequenceIsAConcurrencyException() {
        String seat = "event-x/" + UUID.randomUUID();
        Instant until = Instant.parse("2030-01-01T00:00:00Z");
        eventStore.publish(new GenericDomainEventMessage<>("Seat", seat, 0,
                new SeatHeld("event-x", "A-1-1", "r1", "alice", until)));
        eventStore.publish(new GenericDomainEventMessage<>("Seat", seat, 1,
                new SeatReleased("event-x", "A-1-1", "r1", ReleaseReason.CANCELLED)));

        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>("Seat", seat, 1,
                new SeatHeld("event-x", "A-1-1", "r2", "bob", until))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(eventStore.readEvents(seat).asStream().count()).isEqualTo(2);
    }

    /** The engine stops at the first batch shorter than its size (100): a stream of any length is still read whole. */
    @Test
    void streamsShorterLongerAndAsLongAsABatchAreReadWhole() {
        for (int length : new int[]{1, 99, 100, 101, 250}) {
            String stream = "stream-" + length + "/" + UUID.randomUUID();
            for (int sequence = 0; sequence < length; sequence++) {
                eventStore.publish(new GenericDomainEventMessage<>("Test", stream, sequence, "event " + sequence));
            }
            assertThat(eventStore.readEvents(stream, 0).asStream().map(event -> event.getSequenceNumber()))
                    .as("a stream of %d events", length)
                    .containsExactlyElementsOf(LongStream.range(0, length).boxed().toList());
        }
    }

    @Test
    void payloadsAreJsonInByteaColumns() {
        assertThat(jdbc.queryForList("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry', 'saga_entry')
                  AND column_name IN ('payload', 'meta_data', 'token', 'serialized_saga')""", String.class))
                .hasSize(6).containsOnly("bytea");
    }
}
