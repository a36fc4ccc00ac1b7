package io.boxoffice.app.node;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches on a node that does not run a role. */
abstract class WithoutRole implements Condition {

    private final NodeRole role;

    WithoutRole(NodeRole role) {
        this.role = role;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !NodeRoleProperties.of(context.getEnvironment()).runs(role);
    }

    static class Saga extends WithoutRole {
        Saga() {
            super(NodeRole.SAGA);
        }
    }

    static class Web extends WithoutRole {
        Web() {
            super(NodeRole.WEB);
        }
    }
}
