package io.boxoffice.api.catalog;

import io.boxoffice.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Renames an event or changes its prices (either may be null: unchanged), only before its sales open. */
public record ChangeEvent(@TargetAggregateIdentifier String eventId, String name, Map<String, Money> prices) {
}
