package io.boxoffice.query.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code boxoffice.replay.*}
 *
 * @param catchUpTimeout how long a read model's replay may take to reach the head of the event store before it is
 *                       given up (the serving generation serves on)
 */
@ConfigurationProperties("boxoffice.replay")
public record ReplayProperties(@DefaultValue("PT30M") Duration catchUpTimeout) {
}
