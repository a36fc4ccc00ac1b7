package io.boxoffice.app.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's tables belong to Axon: only its storage configuration ({@code app/axon}) names them, everyone else goes
 * through Axon's API (the event store, the token store, the dead-letter queue). Read from the sources, since SQL
 * lives in strings.
 */
class AxonTablesTest {

    private static final Pattern AXON_TABLE = Pattern.compile(
            "\\b(domain_event_entry|snapshot_event_entry|token_entry|saga_entry|association_value_entry"
                    + "|dead_letter_entry|scheduled_tasks)\\b");
    private static final Path STORAGE_CONFIGURATION = Path.of("src/main/java/io/boxoffice/app/axon");

    @Test
    void onlyTheAxonStorageConfigurationNamesAxonsTables() throws IOException {
        Path project = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(project)) {
            sources = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(AxonTablesTest::javaFiles).toList();
        }
        assertThat(sources).as("the modules' sources").hasSizeGreaterThan(100);
        Path storage = project.resolve("app").resolve(STORAGE_CONFIGURATION);

        assertThat(sources).filteredOn(source -> !source.startsWith(storage))
                .filteredOn(source -> AXON_TABLE.matcher(read(source)).find())
                .isEmpty();
        assertThat(sources).filteredOn(source -> source.startsWith(storage))
                .as("the check finds what it looks for").anyMatch(source -> AXON_TABLE.matcher(read(source)).find());
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
