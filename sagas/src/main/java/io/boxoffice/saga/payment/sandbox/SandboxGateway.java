package io.boxoffice.saga.payment.sandbox;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.payment.PaymentEventType;
import io.boxoffice.saga.payment.PaymentGateway;
import io.boxoffice.saga.payment.PublicUrl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment gateway built into the app, standing in for a real one: it keeps its payments in its own table,
 * shows a payment page, and reports outcomes only through signed webhooks sent over HTTP, retried until the app
 * acknowledges them.
 */
@Component
@ConditionalOnProperty(name = "boxoffice.payment.gateway", havingValue = "sandbox", matchIfMissing = true)
public class SandboxGateway implements PaymentGateway {

    enum Status { OPEN, SUCCEEDED, FAILED, VOIDED, REFUNDED }

    /** {@code payBy} is null for payments opened before they had one. */
    record SandboxPayment(String paymentId, String reservationId, Money amount, Status status, Instant payBy) {

        boolean payable(Instant now) {
            return status == Status.OPEN && (payBy == null || now.isBefore(payBy));
        }
    }

    private final JdbcTemplate jdbc;
    private final SandboxWebhookSender webhooks;
    private final PublicUrl publicUrl;
    private final TransactionTemplate transactions;

    private final Clock clock;

    public SandboxGateway(JdbcTemplate jdbc, SandboxWebhookSender webhooks, PublicUrl publicUrl,
                          TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.webhooks = webhooks;
        this.publicUrl = publicUrl;
        this.transactions = transactions;
    }

    @Override
    public GatewayPayment createPayment(String reservationId, Money amount, Instant payBy) {
        jdbc.update("""
                INSERT INTO sandbox_payment (payment_id, reservation_id, amount, currency, status, pay_by)
                VALUES (?, ?, ?, ?, 'OPEN', ?) ON CONFLICT DO NOTHING""",
                "pay_" + UUID.randomUUID().toString().replace("-", ""), reservationId, amount.amount(),
                amount.currency(), Timestamp.from(payBy));
        String paymentId = jdbc.queryForObject(
                "SELECT payment_id FROM sandbox_payment WHERE reservation_id = ? AND status = 'OPEN'",
                String.class, reservationId);
        return new GatewayPayment(paymentId, checkoutUrl(paymentId));
    }

    @Override
    public void voidPayment(String paymentId) {
        move(paymentId, Status.OPEN, Status.VOIDED);
    }

    @Override
    public void refund(String paymentId, Money amount) {
        if (move(paymentId, Status.SUCCEEDED, Status.REFUNDED)) {
            find(paymentId).ifPresent(payment -> webhooks.deliver(PaymentEventType.REFUND_SUCCEEDED, payment));
        }
    }

    /** The fan paid on the sandbox page. Returns false if the payment was not open, or its time to pay is over. */
    boolean succeed(String paymentId) {
        return settle(paymentId, Status.SUCCEEDED, PaymentEventType.PAYMENT_SUCCEEDED);
    }

    /** The fan declined on the sandbox page. Returns false if the payment was not open. */
    boolean fail(String paymentId) {
        return settle(paymentId, Status.FAILED, PaymentEventType.PAYMENT_FAILED);
    }

    Optional<SandboxPayment> find(String paymentId) {
        return jdbc.query("SELECT payment_id, reservation_id, amount, currency, status, pay_by FROM sandbox_payment "
                        + "WHERE payment_id = ?",
                (row, n) -> new SandboxPayment(row.getString("payment_id"), row.getString("reservation_id"),
                        new Money(row.getBigDecimal("amount"), row.getString("currency")),
                        Status.valueOf(row.getString("status")), instant(row.getTimestamp("pay_by"))), paymentId)
                .stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * The outcome and the webhook that reports it, in one transaction (db-scheduler's task row joins it): an
     * outcome recorded while its webhook could not be scheduled (the database saturated in between) was a payment
     * taken that nobody would ever hear of, found five times by the topology's drills.
     */
    private boolean settle(String paymentId, Status outcome, PaymentEventType event) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!find(paymentId).map(payment -> payment.payable(clock.instant())).orElse(false)
                    || !move(paymentId, Status.OPEN, outcome)) {
                return false;
            }
            find(paymentId).ifPresent(payment -> webhooks.deliver(event, payment));
            return true;
        }));
    }

    private boolean move(String paymentId, Status from, Status to) {
        return jdbc.update("UPDATE sandbox_payment SET status = ? WHERE payment_id = ? AND status = ?",
                to.name(), paymentId, from.name()) == 1;
    }

    private String checkoutUrl(String paymentId) {
        return publicUrl.link("/sandbox/checkout/" + paymentId);
    }
}
