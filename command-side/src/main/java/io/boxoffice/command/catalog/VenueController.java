package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.CreateVenue;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.Stage;
import io.boxoffice.api.catalog.VenueCreated;
import io.boxoffice.api.common.PrintableText;
import io.boxoffice.api.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Organizers create venues with their seating layout (ADMIN, enforced by the security configuration). */
@RestController
public class VenueController {

    /** Large enough for any stadium; a bound on what one request can make the server hold in memory. */
    static final int MAX_SEATS_PER_VENUE = 200_000;

    private final CommandGateway commands;

    public VenueController(CommandGateway commands) {
        this.commands = commands;
    }

    /** {@code timeZone}: an IANA zone such as Europe/Paris (UTC when absent); {@code stage}: optional. */
    public record CreateVenueRequest(@PrintableText(max = 200) String name,
                                     @PrintableText(max = 100) String city,
                                     @NotEmpty List<@NotNull @Valid Section> sections,
                                     @Size(max = 64) String timeZone,
                                     @Valid Stage stage) {
    }

    public record VenueCreatedResponse(String venueId) {
    }

    @PostMapping("/api/venues")
    @ResponseStatus(HttpStatus.CREATED)
    public VenueCreatedResponse create(@Valid @RequestBody CreateVenueRequest request) {
        Map<String, String> errors = layoutErrors(request.sections());
        String timeZone = request.timeZone() == null ? VenueCreated.DEFAULT_TIME_ZONE : request.timeZone();
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            errors.put("timeZone", "an IANA time zone such as Europe/Paris or America/New_York");
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("The seating layout is not valid", errors).refused();
        }
        String venueId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateVenue(venueId, request.name().strip(), request.city().strip(),
                request.sections(), timeZone, request.stage()));
        return new VenueCreatedResponse(venueId);
    }

    /** What bean validation cannot see: duplicates across the layout and its overall size. */
    static Map<String, String> layoutErrors(List<Section> sections) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> sectionIds = new HashSet<>();
        int seats = 0;
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            if (!sectionIds.add(section.id())) {
                errors.put("sections[" + s + "].id", "duplicate section id " + section.id());
            }
            Set<String> rowLabels = new HashSet<>();
            for (int r = 0; r < section.rows().size(); r++) {
                var row = section.rows().get(r);
                if (!rowLabels.add(row.label())) {
                    errors.put("sections[" + s + "].rows[" + r + "].label", "duplicate row label " + row.label());
                }
                Set<String> numbers = new HashSet<>();
                for (int n = 0; n < row.seats().size(); n++) {
                    if (!numbers.add(row.seats().get(n).number())) {
                        errors.put("sections[" + s + "].rows[" + r + "].seats[" + n + "].number",
                                "duplicate seat number " + row.seats().get(n).number());
                    }
                }
                seats += row.seats().size();
            }
        }
        if (seats > MAX_SEATS_PER_VENUE) {
            errors.put("sections", "a venue has at most " + MAX_SEATS_PER_VENUE + " seats, this one " + seats);
        }
        return errors;
    }
}
