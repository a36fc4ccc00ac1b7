package io.boxoffice.api.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an amount of money must be, wherever one comes in (an organizer's prices, a gateway's webhook): an ISO 4217
 * currency in capitals that has minor units of its own (not a fund or a test code such as XXX), and an amount of
 * at most nine whole digits and no more decimals than the currency has (49.50 JPY is no price).
 */
public final class MoneyRules {

    private static final BigDecimal MAX = new BigDecimal("999999999");
    /** An amount as it travels: digits, optionally a point and decimals; no sign, exponent or blanks. */
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,8})(\\.[0-9]{1,4})?");

    private MoneyRules() {
    }

    /** What is wrong with a currency code, if anything. */
    public static Optional<String> currencyProblem(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.of("an ISO 4217 code in capitals, such as EUR");
        }
        try {
            if (Currency.getInstance(code).getDefaultFractionDigits() < 0) {
                return Optional.of(code + " is not a currency prices are paid in");
            }
        } catch (IllegalArgumentException unknown) {
            return Optional.of(code + " is not an ISO 4217 currency");
        }
        return Optional.empty();
    }

    /** What is wrong with an amount in a (valid) currency, if anything. */
    public static Optional<String> amountProblem(BigDecimal amount, String currency) {
        if (amount == null) {
            return Optional.of("is required");
        }
        if (amount.signum() < 0 || amount.compareTo(MAX) > 0) {
            return Optional.of("from 0 to " + MAX);
        }
        int decimals = Currency.getInstance(currency).getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > decimals) {
            return Optional.of(currency + " has " + (decimals == 0 ? "no minor units" : decimals + " decimals"));
        }
        return Optional.empty();
    }

    /** An amount written as a string ("49.00"), strictly: what is wrong with it, if anything. */
    public static Optional<String> writtenAmountProblem(String written, String currency) {
        if (written == null || !DECIMAL.matcher(written).matches()) {
            return Optional.of("a decimal number as a string, such as \"49.00\"");
        }
        return amountProblem(new BigDecimal(written), currency);
    }

    /** The money with as many decimals as its currency has: 10 EUR is 10.00 EUR. */
    public static Money normalized(Money money) {
        int decimals = Currency.getInstance(money.currency()).getDefaultFractionDigits();
        return new Money(money.amount().setScale(decimals), money.currency());
    }
}
