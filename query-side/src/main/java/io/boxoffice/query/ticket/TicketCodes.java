package io.boxoffice.query.ticket;

import io.boxoffice.api.reservation.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
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
    private static final Logger log = LoggerFactory.getLogger(TicketCodes.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public TicketCodes(@Value("${boxoffice.tickets.signing-secret:}") String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            log.warn("No boxoffice.tickets.signing-secret: ticket codes are signed with a key made for this run "
                    + "only and will not verify after a restart or on other nodes");
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
        } else if (bytes.length < 32) {
            throw new IllegalStateException("boxoffice.tickets.signing-secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public String sign(Ticket ticket) {
        String facts = String.join("|", ticket.ticketId(), ticket.eventId(), ticket.seatId(), ticket.holder());
        String payload = ENCODER.encodeToString(facts.getBytes(StandardCharsets.UTF_8));
        return VERSION + "." + payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The ticket a code stands for, if the code is intact and was signed with this key. */
    public Optional<Ticket> verify(String code) {
        String[] parts = code == null ? new String[0] : code.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            if (!MessageDigest.isEqual(mac(parts[1]), DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            String[] facts = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8).split("\\|", -1);
            return facts.length == 4 ? Optional.of(new Ticket(facts[0], facts[1], facts[2], facts[3]))
                    : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
