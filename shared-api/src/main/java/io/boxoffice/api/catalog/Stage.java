package io.boxoffice.api.catalog;

import io.boxoffice.api.common.PrintableText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * Where the show happens, drawn on the seat map as a rectangle in the seats' coordinates, with its label
 * ("Stage", "Pitch", "Ring").
 */
public record Stage(@PrintableText(max = 40) String label,
                    @NotNull @DecimalMin(SeatPosition.MIN_COORDINATE) @DecimalMax(SeatPosition.MAX_COORDINATE) Double x,
                    @NotNull @DecimalMin(SeatPosition.MIN_COORDINATE) @DecimalMax(SeatPosition.MAX_COORDINATE) Double y,
                    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(SeatPosition.MAX_COORDINATE)
                    Double width,
                    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(SeatPosition.MAX_COORDINATE)
                    Double height) {
}
