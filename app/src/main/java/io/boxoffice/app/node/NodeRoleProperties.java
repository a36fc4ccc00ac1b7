package io.boxoffice.app.node;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.Validated;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code boxoffice.roles}: what this node runs.
 *
 * @param roles any of {@code web}, {@code command}, {@code query}, {@code saga}
 */
@Validated
@ConfigurationProperties("boxoffice")
public record NodeRoleProperties(@NotEmpty @DefaultValue({"web", "command", "query", "saga"}) Set<NodeRole> roles) {

    public boolean runs(NodeRole role) {
        return roles.contains(role);
    }

    /**
     * The roles as the environment sets them, read before any bean exists: which classes become beans depends on
     * them ({@link NodeRoleParts}).
     */
    static NodeRoleProperties of(Environment environment) {
        Set<NodeRole> roles = Binder.get(environment).bind("boxoffice.roles", Bindable.setOf(NodeRole.class))
                .orElse(EnumSet.allOf(NodeRole.class));
        if (roles.isEmpty()) {
            throw new IllegalStateException("boxoffice.roles names no role: give any of web, command, query, saga");
        }
        return new NodeRoleProperties(roles);
    }
}
