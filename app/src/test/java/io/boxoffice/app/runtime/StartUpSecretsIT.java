package io.boxoffice.app.runtime;

import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against real servers, nothing secret has a default: without {@code boxoffice.auth.admin-password} (or with a weak
 * one), or without any of the signing keys, the application does not start.
 */
class StartUpSecretsIT {

    @Test
    void withoutTheAdministratorsPasswordANodeDoesNotStart() {
        assertThatThrownBy(() -> start("--boxoffice.auth.admin-password="))
                .hasStackTraceContaining("Set boxoffice.auth.admin-password");
        assertThatThrownBy(() -> start("--boxoffice.auth.admin-password=admin12345"))
                .hasStackTraceContaining("boxoffice.auth.admin-password: must not contain the username");
    }

    @Test
    void withoutASigningKeyANodeDoesNotStart() {
        assertThatThrownBy(() -> start("--boxoffice.tickets.signing-secret="))
                .hasStackTraceContaining("Set boxoffice.tickets.signing-secret (BOXOFFICE_TICKETS_SIGNINGSECRET)");
        assertThatThrownBy(() -> start("--boxoffice.payment.webhook-secret="))
                .hasStackTraceContaining("Set boxoffice.payment.webhook-secret");
    }

    /** A node of the test deployment with one setting replaced. */
    private static void start(String replaced) {
        String name = replaced.substring(2, replaced.indexOf('='));
        String[] args = Stream.concat(TestServers.nodeProperties().stream()
                        .filter(property -> !property.startsWith(name + "="))
                        .map(property -> "--" + property),
                Stream.of("--server.port=0", replaced)).toArray(String[]::new);
        new SpringApplicationBuilder(BoxofficeApplication.class).run(args).close();
    }
}
