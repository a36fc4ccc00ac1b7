package io.boxoffice.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One seat of a row: its number as printed on the ticket and its position on the venue map, a finite number within a
 * million units of the origin (an infinite one cannot be drawn or served as JSON); {@code access} marks a wheelchair
 * space or its companion seat (null for any other seat, and in layouts stored before venues had them).
 */
public record SeatPosition(@NotNull @Pattern(regexp = Section.NAME_PART) String number,
                           @NotNull @DecimalMin(MIN_COORDINATE) @DecimalMax(MAX_COORDINATE) Double x,
                           @NotNull @DecimalMin(MIN_COORDINATE) @DecimalMax(MAX_COORDINATE) Double y,
                           @JsonInclude(JsonInclude.Include.NON_NULL) SeatAccess access) {

    /** An ordinary seat. */
    public SeatPosition(String number, Double x, Double y) {
        this(number, x, y, null);
    }

    static final String MIN_COORDINATE = "-1000000";
    static final String MAX_COORDINATE = "1000000";
}
