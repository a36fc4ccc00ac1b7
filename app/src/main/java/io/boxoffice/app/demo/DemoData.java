package io.boxoffice.app.demo;

import io.boxoffice.api.catalog.CreateEvent;
import io.boxoffice.api.catalog.CreateVenue;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.common.Money;
import io.boxoffice.app.account.Accounts;
import io.boxoffice.app.account.EmbeddedPasswords;
import io.boxoffice.app.account.Role;
import io.boxoffice.app.security.AuthProperties;
import io.boxoffice.command.shard.SeatShards;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * On the first start of the embedded default, a theatre and an arena with an event each on sale, so that a new
 * user has something to browse and buy, and demo accounts to do it with: fans {@code alice} and {@code bob} and an
 * {@code auditor}, with passwords made for this install (printed once, kept in the data folder). Ids are fixed, so
 * a restart finds them and adds nothing.
 */
@Component
public class DemoData implements ApplicationRunner {

    static final String THEATRE_ID = demoId("venue:theatre");
    static final String ARENA_ID = demoId("venue:arena");
    static final String HAMLET_ID = demoId("event:hamlet");
    static final String NORTHERN_LIGHTS_ID = demoId("event:northern-lights");
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final Map<String, Set<Role>> ACCOUNTS = Map.of("alice", Set.of(), "bob", Set.of(),
            "auditor", Set.of(Role.AUDITOR));

    private final ObjectProvider<EmbeddedPostgres> embedded;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final SeatShards shards;
    private final Clock clock;
    private final boolean enabled;
    private final Accounts accounts;
    private final EmbeddedPasswords passwords;
    private final PasswordEncoder encoder;
    private final AuthProperties auth;

    public DemoData(ObjectProvider<EmbeddedPostgres> embedded, CommandGateway commands, EventStore eventStore,
                    SeatShards shards, Clock clock, DemoDataProperties settings, Accounts accounts,
                    EmbeddedPasswords passwords, PasswordEncoder encoder, AuthProperties auth) {
        this.embedded = embedded;
        this.commands = commands;
        this.eventStore = eventStore;
        this.shards = shards;
        this.clock = clock;
        this.enabled = settings.enabled();
        this.accounts = accounts;
        this.passwords = passwords;
        this.encoder = encoder;
        this.auth = auth;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && embedded.getIfAvailable() != null) {
            createOnce();
        }
    }

    /** The demo venues and their events, unless they exist already. */
    void createOnce() {
        if (exists(THEATRE_ID)) {
            return;
        }
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        create(new CreateVenue(THEATRE_ID, "Théâtre des Célestins", "Lyon", DemoVenues.theatre(), "Europe/Paris",
                        DemoVenues.THEATRE_STAGE), HAMLET_ID,
                "Hamlet", today.plus(Duration.ofDays(30)).plus(Duration.ofHours(20)),
                Map.of("STALLS", eur("65.00"), "CIRCLE", eur("42.00")));
        create(new CreateVenue(ARENA_ID, "Northside Arena", "Manchester", DemoVenues.arena(), "Europe/London",
                        DemoVenues.ARENA_STAGE), NORTHERN_LIGHTS_ID,
                "Northern Lights Tour", today.plus(Duration.ofDays(60)).plus(Duration.ofHours(19)),
                Map.of("FLOOR", eur("89.00"), "LOWER", eur("69.00"), "UPPER", eur("45.00")));
        if (auth.issuer().enabled()) {
            new TreeMap<>(ACCOUNTS).forEach((username, roles) -> {
                String password = passwords.passwordOf(username).value();
                if (accounts.create(username, encoder.encode(password), roles)) {
                    log.info("Demo account '{}'{} with the password {} (kept in {})", username,
                            roles.isEmpty() ? "" : " " + roles, password, passwords.file());
                }
            });
        }
    }

    private void create(CreateVenue venue, String eventId, String eventName, Instant startsAt,
                        Map<String, Money> prices) {
        commands.sendAndWait(venue);
        commands.sendAndWait(new CreateEvent(eventId, venue.venueId(), eventName, startsAt, null, prices, null,
                EventCreated.DEFAULT_MAX_TICKETS_PER_FAN, null, shards.layoutForNewEvent(Map.of())));
        log.info("Demo data: {} ({} seats) with '{}' on sale, event id {}", venue.name(),
                venue.sections().stream().mapToInt(Section::seatCount).sum(), eventName, eventId);
    }

    private boolean exists(String aggregateId) {
        return eventStore.readEvents(aggregateId).hasNext();
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static String demoId(String name) {
        return UUID.nameUUIDFromBytes(("boxoffice-demo:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
