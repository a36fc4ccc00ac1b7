package io.boxoffice.query.replay;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names blue/green replay relies on: each generation's tables and processor, and the other generation, which a
 * replay fills and then swaps in. Axon's processor properties ({@code axon.eventhandling.processors.catalog-blue})
 * and the migrations' tables ({@code seat_state_blue}) are written with these names.
 */
class ReadModelTest {

    private static final ReadModel CATALOG = new ReadModel("catalog", List.of("venue_view", "seat_state"));

    @Test
    void theOtherGenerationOfEachIsTheOneAReplayFills() {
        assertThat(Generation.BLUE.other()).isEqualTo(Generation.GREEN);
        assertThat(Generation.GREEN.other()).isEqualTo(Generation.BLUE);
        for (Generation generation : Generation.values()) {
            assertThat(generation.other().other()).isEqualTo(generation);
        }
    }

    @Test
    void aGenerationsTablesEndInItsLowerCaseName() {
        assertThat(Generation.BLUE.tableSuffix()).isEqualTo("_blue");
        assertThat(Generation.GREEN.tableSuffix()).isEqualTo("_green");
    }

    @Test
    void eachGenerationOfAReadModelHasItsOwnProcessor() {
        assertThat(CATALOG.processorName(Generation.BLUE)).isEqualTo("catalog-blue");
        assertThat(CATALOG.processorName(Generation.GREEN)).isEqualTo("catalog-green");
        assertThat(CATALOG.processorNames()).containsExactly("catalog-blue", "catalog-green");
    }

    @Test
    void aReadModelsTablesDoNotChangeWithTheListItWasMadeFrom() {
        List<String> tables = new ArrayList<>(List.of("reservation_view"));
        ReadModel model = new ReadModel("reservations", tables);

        tables.add("ticket_view");

        assertThat(model.tables()).containsExactly("reservation_view");
    }
}
