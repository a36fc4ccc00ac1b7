package io.boxoffice.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code boxoffice.public-url}: the spec's name, at the top.
 *
 * @param publicUrl where fans and gateways reach Boxoffice, every link it makes starts here; unset:
 *                  {@code http://localhost:<port>}
 */
@ConfigurationProperties("boxoffice")
public record PublicUrlProperties(String publicUrl) {
}
