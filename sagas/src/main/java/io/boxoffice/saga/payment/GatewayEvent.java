package io.boxoffice.saga.payment;

import com.fasterxml.jackson.databind.JsonNode;
import io.boxoffice.api.common.Money;
import io.boxoffice.api.common.MoneyRules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a gateway webhook, as the spec defines it, read strictly: every field a string of bounded length,
 * the amount a decimal string in an ISO 4217 currency (10, 10.0 and 10.00 EUR are one amount; " 10.00" is none).
 */
public record GatewayEvent(String id, String type, String paymentId, String reservationId, Money amount) {

    /** The event, or what is wrong with each field. */
    public sealed interface Read {
        record Valid(GatewayEvent event) implements Read {
        }

        record Invalid(Map<String, String> problems) implements Read {
        }
    }

    public static Read read(JsonNode body) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            return new Read.Invalid(Map.of("body", "a JSON object"));
        }
        String id = text(body, "id", 255, problems);
        String type = text(body, "type", 64, problems);
        String paymentId = text(body, "paymentId", 64, problems);
        String reservationId = text(body, "reservationId", 64, problems);
        Money amount = money(body.path("amount"), problems);
        return problems.isEmpty() ? new Read.Valid(new GatewayEvent(id, type, paymentId, reservationId, amount))
                : new Read.Invalid(problems);
    }

    private static String text(JsonNode body, String field, int maxLength, Map<String, String> problems) {
        JsonNode value = body.path(field);
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > maxLength
                || !value.asText().strip().equals(value.asText())) {
            problems.put(field, "a string of 1 to " + maxLength + " characters, without surrounding blanks");
            return null;
        }
        return value.asText();
    }

    private static Money money(JsonNode amount, Map<String, String> problems) {
        if (!amount.isObject()) {
            problems.put("amount", "an object: {\"amount\":\"49.00\",\"currency\":\"EUR\"}");
            return null;
        }
        JsonNode currency = amount.path("currency");
        String code = currency.isTextual() ? currency.asText() : null;
        var currencyProblem = MoneyRules.currencyProblem(code);
        if (currencyProblem.isPresent()) {
            problems.put("amount.currency", currencyProblem.get());
            return null;
        }
        JsonNode written = amount.path("amount");
        var amountProblem = MoneyRules.writtenAmountProblem(written.isTextual() ? written.asText() : null, code);
        if (amountProblem.isPresent()) {
            problems.put("amount.amount", amountProblem.get());
            return null;
        }
        return MoneyRules.normalized(new Money(new BigDecimal(written.asText()), code));
    }
}
