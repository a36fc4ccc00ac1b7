package io.boxoffice.app.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.boxoffice.app.support.ConfigurationMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of settings against the configuration processor's metadata of every module's
 * {@code @ConfigurationProperties} records: each {@code boxoffice.*} setting is in the table, each row names settings
 * that exist, and the defaults it shows are the records' own.
 */
class ConfigurationReferenceTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** Every boxoffice.* setting the records declare, with its default (null: none). */
    private static final Map<String, String> declared = new TreeMap<>();
    /** Every setting the README's table names, with the default it shows (null: none in code). */
    private static final Map<String, String> documented = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        for (JsonNode property : ConfigurationMetadata.properties()) {
            String name = property.path("name").asText();
            if (name.startsWith("boxoffice.")) {
                JsonNode value = property.get("defaultValue");
                declared.put(name, value == null ? null : value.asText());
            }
        }
        for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].strip().startsWith("`boxoffice.")) {
                continue;
            }
            List<String> names = new ArrayList<>();
            String previous = null;
            for (String name : codes(cells[1])) {
                // "`boxoffice.auth.issuer.access-token-ttl` / `.refresh-token-ttl`": a sibling of the one before
                previous = name.startsWith(".") ? parentOf(previous) + name : name;
                names.add(previous.replaceAll("\\.<[a-z]+>(\\..*)?$", "")); // a map's entries: the map
            }
            List<String> defaults = codes(cells[2]);
            for (int i = 0; i < names.size(); i++) {
                documented.put(names.get(i), defaults.size() == names.size() ? defaults.get(i) : null);
            }
        }
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    private static String parentOf(String name) {
        return name.substring(0, name.lastIndexOf('.'));
    }

    @Test
    void theMetadataKnowsTheSettingsOfEveryArea() {
        assertThat(declared).containsKeys("boxoffice.hold-duration", "boxoffice.gate.retry-after",
                "boxoffice.payment.webhook-secret", "boxoffice.waiting-room.admission-window",
                "boxoffice.seat-updates.interval", "boxoffice.auth.issuer.access-token-ttl",
                "boxoffice.embedded.data-dir", "boxoffice.replay.catch-up-timeout");
        assertThat(declared).containsEntry("boxoffice.hold-duration", "PT10M");
    }

    @Test
    void everySettingIsInTheReadme() {
        assertThat(documented.keySet()).containsAll(declared.keySet());
    }

    @Test
    void theReadmeNamesOnlySettingsThatExist() {
        assertThat(declared.keySet()).containsAll(documented.keySet());
    }

    @Test
    void theReadmeShowsTheRecordsDefaults() {
        documented.forEach((name, shown) -> {
            String actual = declared.get(name);
            if (actual != null && shown != null) {
                assertThat(shown).as("the README's default of " + name).isEqualTo(actual);
            }
        });
    }
}
