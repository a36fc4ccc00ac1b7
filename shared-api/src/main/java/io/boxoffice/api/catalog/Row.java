package io.boxoffice.api.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

public record Row(@NotNull @Pattern(regexp = Section.NAME_PART) String label,
                  @NotEmpty List<@NotNull @Valid SeatPosition> seats) {
}
