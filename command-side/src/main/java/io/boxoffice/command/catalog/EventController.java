package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.CreateEvent;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.VenueCreated;
import io.boxoffice.api.catalog.WaitingRoomPolicy;
import io.boxoffice.api.common.Money;
import io.boxoffice.api.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Organizers create events at a venue with a price per seat category (ADMIN). */
@RestController
public class EventController {

    /** More than any box or group booking needs; a bound so that one fan cannot buy a whole venue. */
    static final int MAX_TICKETS_PER_FAN = 1000;

    private final CommandGateway commands;
    private final SeatingCatalog catalog;
    private final int defaultMaxFansInFlow;

    public EventController(CommandGateway commands, SeatingCatalog catalog,
                           @Value("${boxoffice.waiting-room.max-fans-in-flow:1000}") int defaultMaxFansInFlow) {
        this.commands = commands;
        this.catalog = catalog;
        this.defaultMaxFansInFlow = defaultMaxFansInFlow;
    }

    public record CreateEventRequest(@NotBlank String venueId,
                                     @NotBlank @Size(max = 200) String name,
                                     @NotNull Instant startsAt,
                                     Instant salesStartAt,
                                     @NotEmpty Map<String, @NotNull @Valid Money> prices,
                                     Boolean waitingRoom,
                                     @Positive Integer admissionsPerSecond,
                                     @Positive Integer maxFansInFlow,
                                     @Positive @Max(MAX_TICKETS_PER_FAN) Integer maxTicketsPerFan) {
    }

    public record EventCreatedResponse(String eventId) {
    }

    @PostMapping("/api/events")
    @ResponseStatus(HttpStatus.CREATED)
    public EventCreatedResponse create(@Valid @RequestBody CreateEventRequest request) {
        VenueCreated venue = catalog.venue(request.venueId()).orElseThrow(() -> Problems.invalid(
                "The event names a venue that does not exist", Map.of("venueId", "unknown venue")));
        Map<String, String> errors = priceErrors(venue, request.prices());
        if (!errors.isEmpty()) {
            throw Problems.invalid("The prices do not fit the venue", errors);
        }
        Map<String, Money> prices = request.prices().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey,
                price -> new Money(price.getValue().amount().setScale(2, RoundingMode.UNNECESSARY),
                        price.getValue().currency())));
        String eventId = UUID.randomUUID().toString();
        WaitingRoomPolicy waitingRoom = waitingRoom(request);
        int ticketsPerFan = request.maxTicketsPerFan() == null ? EventCreated.DEFAULT_MAX_TICKETS_PER_FAN
                : request.maxTicketsPerFan();
        commands.sendAndWait(new CreateEvent(eventId, venue.venueId(), request.name().strip(), request.startsAt(),
                request.salesStartAt(), prices, waitingRoom, ticketsPerFan));
        return new EventCreatedResponse(eventId);
    }

    /** With {@code waitingRoom: true}, fans queue; the admission settings mean nothing without it. */
    private WaitingRoomPolicy waitingRoom(CreateEventRequest request) {
        if (!Boolean.TRUE.equals(request.waitingRoom())) {
            if (request.admissionsPerSecond() != null || request.maxFansInFlow() != null) {
                throw Problems.invalid("Admission settings need a waiting room", Map.of("waitingRoom",
                        "must be true when admissionsPerSecond or maxFansInFlow is given"));
            }
            return null;
        }
        return new WaitingRoomPolicy(request.admissionsPerSecond(),
                request.maxFansInFlow() == null ? defaultMaxFansInFlow : request.maxFansInFlow());
    }

    /** Every category of the venue has exactly one price, and one currency serves the whole event. */
    private static Map<String, String> priceErrors(VenueCreated venue, Map<String, Money> prices) {
        Set<String> categories = venue.sections().stream().map(Section::category)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> errors = new LinkedHashMap<>();
        categories.stream().filter(category -> !prices.containsKey(category))
                .forEach(category -> errors.put("prices." + category, "the venue has seats of this category"));
        prices.keySet().stream().filter(category -> !categories.contains(category))
                .forEach(category -> errors.put("prices." + category, "the venue has no seats of this category"));
        if (prices.values().stream().map(Money::currency).distinct().count() > 1) {
            errors.put("prices", "all prices of an event are in one currency");
        }
        return errors;
    }
}
