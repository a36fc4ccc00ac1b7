package io.boxoffice.command.waitingroom;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code boxoffice.waiting-room.*}: the virtual waiting room of events that have one.
 *
 * @param signingSecret     HMAC key (at least 32 bytes) of admission tokens, the same on every node
 * @param maxFansInFlow     an event's cap on admitted fans at once, when it sets none
 * @param admissionWindow   how long an admission lasts once picked up
 * @param pickUpWithin      how long an admitted fan has to pick up their admission
 * @param admissionInterval how often each node runs an admission pass
 * @param countsLag         how long just-held seats are taken off browsing's counts
 */
@Validated
@ConfigurationProperties("boxoffice.waiting-room")
public record WaitingRoomProperties(@NotBlank @Size(min = 32) String signingSecret,
                                    @Min(1) @Max(1_000_000) @DefaultValue("1000") int maxFansInFlow,
                                    @NotNull @DefaultValue("PT10M") Duration admissionWindow,
                                    @NotNull @DefaultValue("PT1M") Duration pickUpWithin,
                                    @NotNull @DefaultValue("PT0.2S") Duration admissionInterval,
                                    @NotNull @DefaultValue("PT3S") Duration countsLag) {
}
