package io.boxoffice.api.common;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/**
 * An amount in one ISO 4217 currency. The amount travels as a string ("49.00") so that no client rounds it
 * through a binary floating point number.
 */
public record Money(@NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2)
                    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                    @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    /** The same sum of money: 10, 10.0 and 10.00 EUR are one amount. */
    public boolean isSameAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }
}
