package io.boxoffice.app.runtime;

import io.boxoffice.api.ticket.TicketCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One signer of ticket codes for the whole node: the query side issues codes, the door's check-in verifies them. */
@Configuration(proxyBeanMethods = false)
public class TicketCodesConfiguration {

    @Bean
    TicketCodes ticketCodes(@Value("${boxoffice.tickets.signing-secret:}") String secret) {
        return new TicketCodes(secret);
    }
}
