package io.boxoffice.command.config;

import io.boxoffice.command.reservation.FanTickets;
import io.boxoffice.command.reservation.Reservation;
import io.boxoffice.command.seat.Seat;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;

/**
 * Seats, reservations and fans' allowances live a handful of events each, so they never get snapshots; their
 * repositories read only the events and skip the snapshot look-up, one query less per aggregate on the reservation
 * path.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class RepositoriesWithoutSnapshots {

    @Bean
    Repository<Seat> seatRepository(EventStore eventStore, Configuration axon) {
        return withoutSnapshots(Seat.class, eventStore, axon);
    }

    @Bean
    Repository<Reservation> reservationRepository(EventStore eventStore, Configuration axon) {
        return withoutSnapshots(Reservation.class, eventStore, axon);
    }

    @Bean
    Repository<FanTickets> fanTicketsRepository(EventStore eventStore, Configuration axon) {
        return withoutSnapshots(FanTickets.class, eventStore, axon);
    }

    private static <T> Repository<T> withoutSnapshots(Class<T> type, EventStore eventStore, Configuration axon) {
        EventSourcingRepository.Builder<T> builder = EventSourcingRepository.builder(type)
                .eventStore(eventStore)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(type));
        return new WithoutSnapshots<>(builder, eventStore);
    }

    private static final class WithoutSnapshots<T> extends EventSourcingRepository<T> {

        private final EventStore eventStore;

        WithoutSnapshots(EventSourcingRepository.Builder<T> builder, EventStore eventStore) {
            super(builder);
            this.eventStore = eventStore;
        }

        @Override
        protected DomainEventStream readEvents(String aggregateIdentifier) {
            return eventStore.readEvents(aggregateIdentifier, 0);
        }
    }
}
