package io.boxoffice.app.web;

import io.boxoffice.saga.payment.PublicUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.net.URI;

/**
 * {@code boxoffice.public-url}: where fans and gateways reach this deployment (the load balancer's address in
 * production). Unset, links point at this node, {@code http://localhost:<port>}, which is right for the embedded
 * default on a laptop.
 */
@Configuration(proxyBeanMethods = false)
public class PublicUrlConfiguration {

    @Bean
    PublicUrl publicUrl(PublicUrlProperties settings, Environment environment) {
        String configured = settings.publicUrl();
        if (configured == null || configured.isBlank()) {
            return new PublicUrl(() -> "http://localhost:" + environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080")));
        }
        URI uri = URI.create(configured.strip());
        if (!uri.isAbsolute() || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException("boxoffice.public-url must be an http(s) address such as "
                    + "https://tickets.example.org, not " + configured);
        }
        String base = uri.toString().replaceAll("/+$", "");
        return new PublicUrl(() -> base);
    }
}
