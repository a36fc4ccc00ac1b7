package io.boxoffice.query.replay;

import java.util.List;

/**
 * A read model that Axon can replay without its readers noticing: its {@code tables} exist once per
 * {@link Generation}, each generation written by its own pooled processor ({@code catalog-blue},
 * {@code catalog-green}), and readers query views of the same names that select from the serving generation.
 */
public record ReadModel(String name, List<String> tables) {

    public ReadModel {
        tables = List.copyOf(tables);
    }

    public String processorName(Generation generation) {
        return name + "-" + generation.name().toLowerCase();
    }

    public List<String> processorNames() {
        return List.of(processorName(Generation.BLUE), processorName(Generation.GREEN));
    }
}
