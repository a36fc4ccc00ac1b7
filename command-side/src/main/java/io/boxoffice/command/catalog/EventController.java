package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.CreateEvent;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.WaitingRoomPolicy;
import io.boxoffice.api.common.Money;
import io.boxoffice.api.common.MoneyRules;
import io.boxoffice.api.common.PrintableText;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.command.waitingroom.WaitingRoomProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** How far ahead events are sold. */
    static final Period MAX_AHEAD = Period.ofYears(10);
    /** How long ago sales may have opened: an event created today was not on sale in another decade. */
    static final Duration SALES_OPENED_AT_MOST = Duration.ofDays(365);

    private final CommandGateway commands;
    private final SeatingCatalog catalog;
    private final Clock clock;
    private final int defaultMaxFansInFlow;

    public EventController(CommandGateway commands, SeatingCatalog catalog, Clock clock,
                           WaitingRoomProperties waitingRooms) {
        this.commands = commands;
        this.catalog = catalog;
        this.clock = clock;
        this.defaultMaxFansInFlow = waitingRooms.maxFansInFlow();
    }

    public record CreateEventRequest(@NotBlank @Size(max = 64) String venueId,
                                     @PrintableText(max = 200) String name,
                                     @NotNull Instant startsAt,
                                     Instant salesStartAt,
                                     @NotEmpty Map<String, @NotNull @Valid Money> prices,
                                     Boolean waitingRoom,
                                     @Positive @Max(100_000) Integer admissionsPerSecond,
                                     @Positive @Max(1_000_000) Integer maxFansInFlow,
                                     @Positive @Max(MAX_TICKETS_PER_FAN) Integer maxTicketsPerFan) {
    }

    public record EventCreatedResponse(String eventId) {
    }

    @PostMapping("/api/events")
    @ResponseStatus(HttpStatus.CREATED)
    public EventCreatedResponse create(@Valid @RequestBody CreateEventRequest request) {
        Map<String, String> dates = dateErrors(request.startsAt(), request.salesStartAt());
        if (!dates.isEmpty()) {
            throw Problem.invalid("The dates are not ones an event can have", dates).refused();
        }
        List<Section> sections = catalog.layout(request.venueId()).map(VenueLayout::sections).orElseThrow(() -> Problem.invalid(
                "The event names a venue that does not exist", Map.of("venueId", "unknown venue")).refused());
        Map<String, String> errors = priceErrors(sections, request.prices());
        if (!errors.isEmpty()) {
            throw Problem.invalid("The prices do not fit the venue", errors).refused();
        }
        Map<String, Money> prices = request.prices().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, price -> MoneyRules.normalized(price.getValue())));
        String eventId = UUID.randomUUID().toString();
        WaitingRoomPolicy waitingRoom = waitingRoom(request);
        int ticketsPerFan = request.maxTicketsPerFan() == null ? EventCreated.DEFAULT_MAX_TICKETS_PER_FAN
                : request.maxTicketsPerFan();
        commands.sendAndWait(new CreateEvent(eventId, request.venueId(), request.name().strip(), request.startsAt(),
                request.salesStartAt(), prices, waitingRoom, ticketsPerFan));
        return new EventCreatedResponse(eventId);
    }

    /** With {@code waitingRoom: true}, fans queue; the admission settings mean nothing without it. */
    private WaitingRoomPolicy waitingRoom(CreateEventRequest request) {
        if (!Boolean.TRUE.equals(request.waitingRoom())) {
            if (request.admissionsPerSecond() != null || request.maxFansInFlow() != null) {
                throw Problem.invalid("Admission settings need a waiting room", Map.of("waitingRoom",
                        "must be true when admissionsPerSecond or maxFansInFlow is given")).refused();
            }
            return null;
        }
        return new WaitingRoomPolicy(request.admissionsPerSecond(),
                request.maxFansInFlow() == null ? defaultMaxFansInFlow : request.maxFansInFlow());
    }

    /** An event starts in the future (at most ten years ahead); its sales open before it starts. */
    private Map<String, String> dateErrors(Instant startsAt, Instant salesStartAt) {
        Instant now = clock.instant();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!startsAt.isAfter(now)) {
            errors.put("startsAt", "in the future");
        } else if (startsAt.isAfter(now.atZone(ZoneOffset.UTC).plus(MAX_AHEAD).toInstant())) {
            errors.put("startsAt", "at most " + MAX_AHEAD.getYears() + " years ahead");
        }
        if (salesStartAt != null && !salesStartAt.isBefore(startsAt)) {
            errors.put("salesStartAt", "before startsAt");
        } else if (salesStartAt != null && salesStartAt.isBefore(now.minus(SALES_OPENED_AT_MOST))) {
            errors.put("salesStartAt", "not more than a year ago");
        }
        return errors;
    }

    /**
     * Every category of the venue has exactly one price in an ISO 4217 currency with its own minor units, and one
     * currency serves the whole event.
     */
    private static Map<String, String> priceErrors(List<Section> sections, Map<String, Money> prices) {
        Set<String> categories = sections.stream().map(Section::category)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> errors = new LinkedHashMap<>();
        categories.stream().filter(category -> !prices.containsKey(category))
                .forEach(category -> errors.put("prices." + category, "the venue has seats of this category"));
        prices.keySet().stream().filter(category -> !categories.contains(category))
                .forEach(category -> errors.put("prices." + category, "the venue has no seats of this category"));
        prices.forEach((category, price) -> MoneyRules.currencyProblem(price.currency()).ifPresentOrElse(
                problem -> errors.put("prices." + category + ".currency", problem),
                () -> MoneyRules.amountProblem(price.amount(), price.currency()).ifPresent(
                        problem -> errors.put("prices." + category + ".amount", problem))));
        if (prices.values().stream().map(Money::currency).distinct().count() > 1) {
            errors.put("prices", "all prices of an event are in one currency");
        }
        return errors;
    }
}
