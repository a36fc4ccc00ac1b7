package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.Stage;

import java.util.List;

/** A venue's sections, rows and seats, and its stage (null where the layout draws none). */
public record VenueLayout(List<Section> sections, Stage stage) {
}
