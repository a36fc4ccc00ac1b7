package io.boxoffice.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code boxoffice.demo-data.*}
 *
 * @param enabled demo venues, events and accounts on the first start of the embedded default
 */
@ConfigurationProperties("boxoffice.demo-data")
public record DemoDataProperties(@DefaultValue("true") boolean enabled) {
}
