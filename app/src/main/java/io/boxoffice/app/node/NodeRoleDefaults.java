package io.boxoffice.app.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Settings that follow from the roles, as defaults an operator may still override: a node that runs no deadlines
 * does not report its stopped scheduler as a failure in its health.
 */
public class NodeRoleDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!NodeRoleProperties.of(environment).runs(NodeRole.SAGA)) {
            environment.getPropertySources().addLast(new MapPropertySource("boxofficeNodeRoles",
                    Map.of("management.health.db-scheduler.enabled", "false")));
        }
    }
}
