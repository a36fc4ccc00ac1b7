package io.boxoffice.api.catalog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One seat of a row: its number as printed on the ticket and its position on the venue map. */
public record SeatPosition(@NotNull @Pattern(regexp = Section.NAME_PART) String number,
                           @NotNull Double x,
                           @NotNull Double y) {
}
