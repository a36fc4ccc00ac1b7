package io.boxoffice.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Assembles the command side, the query side and the sagas into one deployable node. Their periodic work (admission
 * passes, seat-update flushes, revocation polls) runs on Spring's task scheduler.
 */
@SpringBootApplication(scanBasePackages = "io.boxoffice")
@ConfigurationPropertiesScan("io.boxoffice")
@EnableScheduling
public class BoxofficeApplication {

    public static void main(String[] args) {
        SpringApplication.run(BoxofficeApplication.class, args);
    }
}
