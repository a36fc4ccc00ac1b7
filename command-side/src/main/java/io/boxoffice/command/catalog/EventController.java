package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.ChangeEvent;
import io.boxoffice.api.catalog.ChangeSalesState;
import io.boxoffice.api.catalog.CreateEvent;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.ReleaseAccessibleSeats;
import io.boxoffice.api.catalog.SalesState;
import io.boxoffice.api.catalog.SeatLayout;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.WaitingRoomPolicy;
import io.boxoffice.api.common.Money;
import io.boxoffice.api.common.MoneyRules;
import io.boxoffice.api.common.PrintableText;
import io.boxoffice.api.common.TextRules;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.command.shard.SeatShards;
import io.boxoffice.command.waitingroom.WaitingRoomProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Organizers (ADMIN) create events at a venue with a price per seat category, change them until sales open, and
 * open, pause, resume and close their sales.
 */
@RestController
public class EventController {

    /** More than any box or group booking needs; a bound so that one fan cannot buy a whole venue. */
    static final int MAX_TICKETS_PER_FAN = 1000;
    static final int MAX_NAME = 200;
    /** Groups of sections; a venue of many sections needs fewer buckets than sections, never thousands. */
    static final int MAX_BUCKETS = 1000;
    /** How far ahead events are sold. */
    static final Period MAX_AHEAD = Period.ofYears(10);
    /** How long ago sales may have opened: an event created today was not on sale in another decade. */
    static final Duration SALES_OPENED_AT_MOST = Duration.ofDays(365);

    private final CommandGateway commands;
    private final SeatingCatalog catalog;
    private final SeatShards shards;
    private final Clock clock;
    private final int defaultMaxFansInFlow;

    public EventController(CommandGateway commands, SeatingCatalog catalog, SeatShards shards, Clock clock,
                           WaitingRoomProperties waitingRooms) {
        this.commands = commands;
        this.catalog = catalog;
        this.shards = shards;
        this.clock = clock;
        this.defaultMaxFansInFlow = waitingRooms.maxFansInFlow();
    }

    public record CreateEventRequest(@NotBlank @Size(max = 64) String venueId,
                                     @PrintableText(max = MAX_NAME) String name,
                                     @NotNull Instant startsAt,
                                     Instant salesStartAt,
                                     @NotEmpty Map<String, @NotNull @Valid Money> prices,
                                     Boolean waitingRoom,
                                     @Positive @Max(100_000) Integer admissionsPerSecond,
                                     @Positive @Max(1_000_000) Integer maxFansInFlow,
                                     @Positive @Max(MAX_TICKETS_PER_FAN) Integer maxTicketsPerFan,
                                     @Size(max = MAX_BUCKETS) Map<@NotNull @Pattern(regexp = Section.NAME_PART) String,
                                             @NotEmpty List<@NotNull @Pattern(regexp = Section.NAME_PART) String>>
                                             buckets) {
    }

    public record EventCreatedResponse(String eventId) {
    }

    /** A new name or new prices (the other may be absent: unchanged). */
    public record ChangeEventRequest(String name, Map<String, @NotNull @Valid Money> prices) {
    }

    /** The sales state wanted: OPEN (now, or again after a pause), PAUSED or CLOSED. */
    public record SalesStateRequest(@NotNull SalesState salesState) {
    }

    public record SalesStateResponse(String eventId, SalesState salesState) {
    }

    @PostMapping("/api/events")
    @ResponseStatus(HttpStatus.CREATED)
    public EventCreatedResponse create(@Valid @RequestBody CreateEventRequest request, Principal organizer) {
        Map<String, String> dates = dateErrors(request.startsAt(), request.salesStartAt());
        if (!dates.isEmpty()) {
            throw Problem.invalid("The dates are not ones an event can have", dates).refused();
        }
        List<Section> sections = catalog.layout(request.venueId()).map(VenueLayout::sections).orElseThrow(() -> Problem.invalid(
                "The event names a venue that does not exist", Map.of("venueId", "unknown venue")).refused());
        Map<String, Money> prices = pricesFitting(sections, request.prices());
        SeatLayout layout = shards.layoutForNewEvent(bucketsFitting(sections, request.buckets()));
        String eventId = UUID.randomUUID().toString();
        WaitingRoomPolicy waitingRoom = waitingRoom(request);
        int ticketsPerFan = request.maxTicketsPerFan() == null ? EventCreated.DEFAULT_MAX_TICKETS_PER_FAN
                : request.maxTicketsPerFan();
        commands.sendAndWait(new CreateEvent(eventId, request.venueId(), request.name().strip(), request.startsAt(),
                request.salesStartAt(), prices, waitingRoom, ticketsPerFan, organizer.getName(), layout));
        return new EventCreatedResponse(eventId);
    }

    /** Renames the event or changes its prices; refused once its sales have opened (409). */
    @PatchMapping("/api/events/{eventId}")
    public ResponseEntity<Void> change(@PathVariable String eventId, @Valid @RequestBody ChangeEventRequest request) {
        if (request.name() == null && request.prices() == null) {
            throw Problem.invalid("Nothing to change", Map.of("name", "a new name, new prices or both")).refused();
        }
        if (request.name() != null) {
            TextRules.problem(request.name(), MAX_NAME).ifPresent(problem -> {
                throw Problem.invalid("The name is not one an event can have", Map.of("name", problem)).refused();
            });
        }
        EventSeating event = catalog.seatingOrNotFound(eventId);
        Map<String, Money> prices = request.prices() == null ? null
                : pricesFitting(catalog.layout(event.venueId()).orElseThrow().sections(), request.prices());
        commands.sendAndWait(new ChangeEvent(eventId, request.name() == null ? null : request.name().strip(), prices));
        return ResponseEntity.noContent().build();
    }

    /** Opens sales now, pauses, resumes or closes them; asking for the state they are in changes nothing. */
    @PutMapping("/api/events/{eventId}/sales-state")
    public SalesStateResponse changeSalesState(@PathVariable String eventId,
                                               @Valid @RequestBody SalesStateRequest request) {
        if (request.salesState() == SalesState.SCHEDULED) {
            throw Problem.invalid("Sales cannot be scheduled again", Map.of("salesState",
                    "OPEN, PAUSED or CLOSED")).refused();
        }
        catalog.seatingOrNotFound(eventId);
        commands.sendAndWait(new ChangeSalesState(eventId, request.salesState()));
        return new SalesStateResponse(eventId, request.salesState());
    }

    /** Wheelchair spaces and companion seats go on general sale (once; again changes nothing). */
    @PostMapping("/api/events/{eventId}/accessible-seats/release")
    public ResponseEntity<Void> releaseAccessibleSeats(@PathVariable String eventId) {
        catalog.seatingOrNotFound(eventId);
        commands.sendAndWait(new ReleaseAccessibleSeats(eventId));
        return ResponseEntity.noContent().build();
    }

    /**
     * The organizer's buckets (name to sections) if each names sections of the venue, a section is in one at most,
     * and no bucket takes the name of a section left on its own; otherwise a 400 naming each misfit. None: every
     * section is a bucket of its own.
     */
    static Map<String, List<String>> bucketsFitting(List<Section> sections, Map<String, List<String>> buckets) {
        if (buckets == null) {
            return Map.of();
        }
        Set<String> venueSections = sections.stream().map(Section::id).collect(Collectors.toSet());
        Map<String, String> bucketOfSection = new HashMap<>();
        Map<String, String> errors = new TreeMap<>();
        buckets.forEach((bucket, grouped) -> grouped.forEach(section -> {
            if (!venueSections.contains(section)) {
                errors.put("buckets." + bucket, "the venue has no section " + section);
            } else if (bucketOfSection.putIfAbsent(section, bucket) != null) {
                errors.put("buckets." + bucket, "section " + section + " is in bucket " + bucketOfSection.get(section)
                        + " already");
            }
        }));
        buckets.keySet().stream().filter(venueSections::contains)
                .filter(bucket -> !bucket.equals(bucketOfSection.get(bucket)))
                .forEach(bucket -> errors.put("buckets." + bucket, "a section of the venue has this name; it would "
                        + "share its bucket"));
        if (!errors.isEmpty()) {
            throw Problem.invalid("The buckets are not groups of the venue's sections", errors).refused();
        }
        return buckets;
    }

    /** The prices, normalized, if they fit the venue's categories; otherwise a 400 naming each misfit. */
    private static Map<String, Money> pricesFitting(List<Section> sections, Map<String, Money> prices) {
        Map<String, String> errors = priceErrors(sections, prices);
        if (!errors.isEmpty()) {
            throw Problem.invalid("The prices do not fit the venue", errors).refused();
        }
        return prices.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, price -> MoneyRules.normalized(price.getValue())));
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
