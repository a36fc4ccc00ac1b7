package io.boxoffice.app.runtime;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signing keys, before any bean needs one. The embedded default makes each key it is not given once, keeps it
 * in {@code <data-dir>/secrets} (owner-only) and uses it from then on, so that sessions' tokens, admission tokens,
 * ticket codes and webhook signatures still verify after a restart. Anywhere else (real PostgreSQL configured), a
 * missing key stops the start with the list of what to set: every node must share the same ones.
 */
public class EmbeddedSecrets implements EnvironmentPostProcessor {

    /** 384 random bits, above the 256 that HMAC-SHA256 needs. */
    private static final int SECRET_BYTES = 48;

    private final Log log;

    public EmbeddedSecrets(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedSecrets.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> missing = new ArrayList<>();
        for (String property : required(environment)) {
            String value = environment.getProperty(property);
            if (value == null || value.isEmpty()) {
                missing.add(property);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (environment.containsProperty("spring.datasource.url")) {
            throw new IllegalStateException("Set " + String.join(", ", missing.stream().map(property -> property
                    + " (" + property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "") + ")").toList())
                    + ": at least 32 bytes each, the same on every node (e.g. openssl rand -base64 48)");
        }
        // before the context binds its settings: bound here the same way, default and all
        Path dataDir = Binder.get(environment).bindOrCreate("boxoffice.embedded", EmbeddedProperties.class).dataDir();
        OwnerOnlyFile secrets = new OwnerOnlyFile(dataDir.resolve("secrets"), "Signing keys of the embedded default: keep them private");
        Map<String, Object> kept = new LinkedHashMap<>();
        boolean made = false;
        for (String property : missing) {
            OwnerOnlyFile.Kept secret = secrets.valueOf(property, SECRET_BYTES);
            kept.put(property, secret.value());
            made |= secret.isNew();
        }
        environment.getPropertySources().addLast(new MapPropertySource("embeddedSecrets", kept));
        log.info("Embedded default: signing keys " + (made ? "made and " : "") + "kept in " + secrets.path());
    }

    private static List<String> required(ConfigurableEnvironment environment) {
        List<String> secrets = new ArrayList<>(List.of("boxoffice.payment.webhook-secret",
                "boxoffice.tickets.signing-secret", "boxoffice.waiting-room.signing-secret"));
        if (environment.getProperty("boxoffice.auth.issuer.enabled", Boolean.class, true)) {
            secrets.add(0, "boxoffice.auth.issuer.secret");
        }
        return secrets;
    }
}
