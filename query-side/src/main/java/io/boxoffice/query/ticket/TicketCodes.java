package io.boxoffice.query.ticket;

import io.boxoffice.api.reservation.Ticket;
import io.boxoffice.api.security.HmacKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The code a ticket's QR code carries: the ticket's facts and an HMAC-SHA256 over them with a key from
 * configuration ({@code boxoffice.tickets.signing-secret}). A scanner at the door checks it without asking the
 * database; a forged or altered code fails the check.
 * <p>
 * Format: {@code BO1.<base64url(ticketId|eventId|seatId|holder)>.<base64url(hmac)>}.
 */
@Component
public class TicketCodes {

    private static final String VERSION = "BO1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final HmacKey key;

    public TicketCodes(@Value("${boxoffice.tickets.signing-secret:}") String secret) {
        this.key = HmacKey.fromSecret(secret, "boxoffice.tickets.signing-secret", HmacKey.MIN_SECRET_BYTES);
    }

    public String sign(Ticket ticket) {
        String facts = String.join("|", ticket.ticketId(), ticket.eventId(), ticket.seatId(), ticket.holder());
        String payload = ENCODER.encodeToString(facts.getBytes(StandardCharsets.UTF_8));
        return VERSION + "." + payload + "." + ENCODER.encodeToString(key.sign(ascii(payload)));
    }

    /** The ticket a code stands for, if the code is intact and was signed with this key. */
    public Optional<Ticket> verify(String code) {
        String[] parts = code == null ? new String[0] : code.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            if (!key.verify(DECODER.decode(parts[2]), ascii(parts[1]))) {
                return Optional.empty();
            }
            String[] facts = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8).split("\\|", -1);
            return facts.length == 4 ? Optional.of(new Ticket(facts[0], facts[1], facts[2], facts[3]))
                    : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
