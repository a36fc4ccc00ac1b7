package io.boxoffice.api.catalog;

import io.boxoffice.api.common.PrintableText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/** A section of a venue; every seat in it is sold at the price of its {@code category}. */
public record Section(@NotNull @Pattern(regexp = NAME_PART) String id,
                      @PrintableText(max = 100) String name,
                      @NotNull @Pattern(regexp = NAME_PART) String category,
                      @NotEmpty List<@NotNull @Valid Row> rows) {

    /** Section ids, row labels and seat numbers: no '-', so that seat ids cannot collide. */
    public static final String NAME_PART = "[A-Za-z0-9_.]{1,32}";

    /** Seat ids are unique within a venue: {@code <sectionId>-<rowLabel>-<number>}, e.g. {@code A-1-1}. */
    public static String seatId(String sectionId, String rowLabel, String seatNumber) {
        return sectionId + "-" + rowLabel + "-" + seatNumber;
    }

    public int seatCount() {
        return rows.stream().mapToInt(row -> row.seats().size()).sum();
    }
}
