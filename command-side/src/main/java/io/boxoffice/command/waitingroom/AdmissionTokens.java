package io.boxoffice.command.waitingroom;

import io.boxoffice.command.signing.SignedFacts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * What an admitted fan shows to reserve at a waiting-room event: {@code WR1.<base64url(eventId|userId|expiry)>.<mac>},
 * signed with {@code boxoffice.waiting-room.signing-secret} (the same on every node). Checked without Redis, so
 * admitted fans keep reserving while Redis is away; bound to one fan and one event, so it is worth nothing to anyone
 * else.
 */
@Component
public class AdmissionTokens {

    private final SignedFacts tokens;

    public AdmissionTokens(WaitingRoomProperties settings) {
        this.tokens = new SignedFacts(settings.signingSecret(), "WR1");
    }

    public String issue(String eventId, String userId, Instant expiresAt) {
        return tokens.sign(eventId, userId, Long.toString(expiresAt.toEpochMilli()));
    }

    /** Whether the token admits this fan to this event at {@code now}. */
    public boolean admits(String token, String eventId, String userId, Instant now) {
        return tokens.verify(token, 3).filter(facts -> facts.get(0).equals(eventId) && facts.get(1).equals(userId))
                .map(AdmissionTokens::expiry).filter(now::isBefore).isPresent();
    }

    private static Instant expiry(List<String> facts) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(facts.get(2)));
        } catch (NumberFormatException malformed) {
            return Instant.MIN;
        }
    }
}
