package io.boxoffice.saga.payment;

import io.boxoffice.api.common.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of a gateway webhook, as the spec defines it. */
public record GatewayEvent(@NotBlank @Size(max = 255) String id,
                           @NotBlank String type,
                           @NotBlank @Size(max = 64) String paymentId,
                           @NotBlank @Size(max = 64) String reservationId,
                           @NotNull @Valid Money amount) {
}
