package io.boxoffice.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The properties that the configuration metadata of every jar on the class path declares (Spring Boot's and ours). */
public final class ConfigurationMetadata {

    private ConfigurationMetadata() {
    }

    /** Each property's entry: its {@code name}, {@code type} and {@code defaultValue}, where given. */
    public static List<JsonNode> properties() {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> properties = new ArrayList<>();
        try {
            for (URL metadata : Collections.list(ConfigurationMetadata.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = metadata.openStream()) {
                    json.readTree(in).path("properties").forEach(properties::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
