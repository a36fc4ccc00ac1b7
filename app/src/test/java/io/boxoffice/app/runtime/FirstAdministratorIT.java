package io.boxoffice.app.runtime;

import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against real servers, nobody gets a default administrator: without {@code boxoffice.auth.admin-password} (or
 * with a weak one) the application does not start.
 */
class FirstAdministratorIT {

    @Test
    void withoutTheAdministratorsPasswordANodeDoesNotStart() {
        assertThatThrownBy(() -> start("--boxoffice.auth.admin-password="))
                .hasStackTraceContaining("Set boxoffice.auth.admin-password");
        assertThatThrownBy(() -> start("--boxoffice.auth.admin-password=admin12345"))
                .hasStackTraceContaining("boxoffice.auth.admin-password: must not contain the username");
    }

    private static void start(String adminPassword) {
        String[] args = Stream.concat(TestServers.nodeProperties().stream()
                        .filter(property -> !property.startsWith("boxoffice.auth.admin-password="))
                        .map(property -> "--" + property),
                Stream.of("--server.port=0", adminPassword)).toArray(String[]::new);
        new SpringApplicationBuilder(BoxofficeApplication.class).run(args).close();
    }
}
