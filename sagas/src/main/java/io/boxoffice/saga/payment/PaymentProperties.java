package io.boxoffice.saga.payment;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * {@code boxoffice.payment.*}: the payment gateway.
 *
 * @param gateway       the payment gateway adapter ({@code sandbox}: the one built into the app)
 * @param webhookSecret HMAC key of webhook signatures, shared with the gateway and every node
 * @param sandbox       the sandbox gateway's settings
 */
@Validated
@ConfigurationProperties("boxoffice.payment")
public record PaymentProperties(@NotBlank @DefaultValue("sandbox") String gateway, @NotBlank String webhookSecret,
                                @DefaultValue Sandbox sandbox) {

    /**
     * @param webhookUrl where the sandbox delivers its webhooks; unset: this node's own webhook endpoint
     */
    public record Sandbox(URI webhookUrl) {
    }
}
