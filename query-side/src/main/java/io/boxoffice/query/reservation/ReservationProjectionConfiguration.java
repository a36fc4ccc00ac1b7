package io.boxoffice.query.reservation;

import io.boxoffice.query.replay.ReadModel;
import io.boxoffice.query.replay.ReadModelProcessors;
import io.boxoffice.query.replay.ServingGenerations;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

@Configuration(proxyBeanMethods = false)
public class ReservationProjectionConfiguration {

    /** The fans' reservations with their tickets and refunds, replayable by Axon. */
    public static final ReadModel RESERVATIONS = new ReadModel("reservations",
            List.of("reservation_view", "ticket_view", "refund_view"));

    @Bean
    ReadModel reservationsAsReadModel() {
        return RESERVATIONS;
    }

    /** Off the command path: a fan who was just answered reads back through {@link ReservationViews} all the same. */
    @Bean
    ConfigurerModule reservationProcessors(JdbcTemplate jdbc, ServingGenerations serving) {
        return ReadModelProcessors.of(RESERVATIONS, generation -> new ReservationProjection(jdbc, generation,
                () -> serving.truncate(RESERVATIONS, generation)), serving);
    }
}
