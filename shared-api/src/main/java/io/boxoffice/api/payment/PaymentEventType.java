package io.boxoffice.api.payment;

import java.util.Arrays;
import java.util.Optional;

/** What a payment gateway reports in a webhook, by its wire name. */
public enum PaymentEventType {
    PAYMENT_SUCCEEDED("payment.succeeded"),
    PAYMENT_FAILED("payment.failed"),
    REFUND_SUCCEEDED("refund.succeeded");

    private final String wireName;

    PaymentEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PaymentEventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}
