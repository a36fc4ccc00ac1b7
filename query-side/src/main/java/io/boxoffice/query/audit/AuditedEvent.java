package io.boxoffice.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;

/** One domain event as an auditor reads it: where it stands in its aggregate's history, when, what. */
public record AuditedEvent(String aggregateId, long sequenceNumber, Instant timestamp, String type, Object payload) {

    static AuditedEvent of(DomainEventMessage<?> message) {
        return new AuditedEvent(message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(),
                message.getPayloadType().getSimpleName(), message.getPayload());
    }
}
