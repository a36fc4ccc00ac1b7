package io.boxoffice.app;

import io.boxoffice.app.node.NodeRoleParts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Assembles the command side, the query side and the sagas into one deployable node, of the roles it is given
 * ({@code boxoffice.roles}, {@link NodeRoleParts}); anything else on the class path comes in only through its own
 * auto-configuration. The modules' periodic work (admission passes, seat-update flushes, revocation polls) runs on
 * Spring's task scheduler.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"io.boxoffice.app", "io.boxoffice.command", "io.boxoffice.query", "io.boxoffice.saga"},
        excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = NodeRoleParts.class)})
@ConfigurationPropertiesScan("io.boxoffice")
@EnableScheduling
public class BoxofficeApplication {

    public static void main(String[] args) {
        SpringApplication.run(BoxofficeApplication.class, args);
    }
}
