package io.boxoffice.command.seat;

import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.command.Refusal;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.seat.ReturnSeatsToSale;
import io.boxoffice.api.seat.WithholdSeats;
import io.boxoffice.command.catalog.EventSeating;
import io.boxoffice.command.catalog.SeatingCatalog;
import io.boxoffice.command.shard.SeatShards;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Organizers (ADMIN) hold seats back from sale (house seats) and return them to sale. */
@RestController
public class HouseSeatsController {

    /** Enough for a whole block of a stadium at once; one transaction stays short. */
    static final int MAX_SEATS = 1000;
    private static final String SEAT_ID = Section.NAME_PART + "-" + Section.NAME_PART + "-" + Section.NAME_PART;

    private final CommandGateway commands;
    private final SeatingCatalog catalog;
    private final SeatShards shards;

    public HouseSeatsController(CommandGateway commands, SeatingCatalog catalog, SeatShards shards) {
        this.commands = commands;
        this.catalog = catalog;
        this.shards = shards;
    }

    public record HouseSeatsRequest(@NotEmpty @Size(max = MAX_SEATS) List<@NotNull @Pattern(regexp = SEAT_ID) String>
                                            seatIds) {
    }

    public record HouseSeatsResponse(String eventId, List<String> seatIds) {
    }

    /** All or none: a seat a fan holds or owns refuses, and then no seat is withheld (409 with the seats). */
    @PostMapping("/api/events/{eventId}/house-seats/withhold")
    public HouseSeatsResponse withhold(@PathVariable String eventId, @Valid @RequestBody HouseSeatsRequest request) {
        List<String> seatIds = seatsOf(eventId, request);
        try {
            commands.sendAndWait(new WithholdSeats(eventId, seatIds));
        } catch (CommandExecutionException e) {
            List<String> taken = Refusal.of(e).filter(refusal -> refusal.is(Refusal.Reason.SEATS_TAKEN))
                    .orElseThrow(() -> e).takenSeats().stream().map(Refusal.TakenSeat::seatId).sorted().toList();
            throw Problem.of(HttpStatus.CONFLICT.value(), "seats-unavailable", "Seats unavailable",
                    "seat(s) " + String.join(", ", taken) + " are held or sold; none of the seats was withheld")
                    .with("unavailableSeatIds", taken).refused();
        }
        return new HouseSeatsResponse(eventId, seatIds);
    }

    /** Seats that were not withheld stay as they are. */
    @PostMapping("/api/events/{eventId}/house-seats/return-to-sale")
    public HouseSeatsResponse returnToSale(@PathVariable String eventId,
                                           @Valid @RequestBody HouseSeatsRequest request) {
        List<String> seatIds = seatsOf(eventId, request);
        commands.sendAndWait(new ReturnSeatsToSale(eventId, seatIds));
        return new HouseSeatsResponse(eventId, seatIds);
    }

    /** The request's seats, each once and each a seat of the event's venue. */
    private List<String> seatsOf(String eventId, HouseSeatsRequest request) {
        EventSeating event = catalog.seatingOrNotFound(eventId);
        List<String> seatIds = request.seatIds();
        if (new HashSet<>(seatIds).size() != seatIds.size()) {
            throw Problem.invalid("A seat can be named once", Map.of("seatIds", "must not repeat a seat")).refused();
        }
        List<String> unknown = event.unknownSeats(seatIds);
        if (!unknown.isEmpty()) {
            throw Problem.invalid("The venue of this event has no seat " + String.join(", ", unknown),
                    Map.of("seatIds", "unknown seat(s)")).with("unknownSeatIds", unknown).refused();
        }
        Map<String, List<String>> bucketsByShard = shards.bucketsByShard(eventId, seatIds);
        if (bucketsByShard.size() > 1) { // all or none is one transaction, on one database
            throw Problem.invalid("These seats lie on several databases; withhold or return them in one request per "
                            + "group of buckets", Map.of("seatIds", "seats of buckets on several seat shards"))
                    .with("bucketsByShard", bucketsByShard).refused();
        }
        return seatIds;
    }
}
