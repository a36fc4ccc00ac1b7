package io.boxoffice.api.catalog;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One seat of a row: its number as printed on the ticket and its position on the venue map, a finite number within a
 * million units of the origin (an infinite one cannot be drawn or served as JSON).
 */
public record SeatPosition(@NotNull @Pattern(regexp = Section.NAME_PART) String number,
                           @NotNull @DecimalMin(MIN_COORDINATE) @DecimalMax(MAX_COORDINATE) Double x,
                           @NotNull @DecimalMin(MIN_COORDINATE) @DecimalMax(MAX_COORDINATE) Double y) {

    static final String MIN_COORDINATE = "-1000000";
    static final String MAX_COORDINATE = "1000000";
}
