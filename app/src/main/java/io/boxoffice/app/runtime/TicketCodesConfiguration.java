package io.boxoffice.app.runtime;

import io.boxoffice.api.ticket.TicketCodes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One signer of ticket codes for the whole node: the query side issues codes, the door's check-in verifies them. */
@Configuration(proxyBeanMethods = false)
public class TicketCodesConfiguration {

    @Bean
    TicketCodes ticketCodes(TicketProperties settings) {
        return new TicketCodes(settings.signingSecret());
    }
}
