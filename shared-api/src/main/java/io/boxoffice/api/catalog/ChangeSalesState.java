package io.boxoffice.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The organizer opens sales now (from {@code SCHEDULED}), pauses them, resumes them (to {@code OPEN} from
 * {@code PAUSED}) or closes them for good.
 */
public record ChangeSalesState(@TargetAggregateIdentifier String eventId, SalesState salesState) {
}
