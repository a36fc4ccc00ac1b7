package io.boxoffice.api.catalog;

import io.boxoffice.api.common.Money;

import java.util.Map;

/** The event's name and prices from now on, both of them, whichever of the two changed. */
public record EventChanged(String eventId, String name, Map<String, Money> prices) {
}
