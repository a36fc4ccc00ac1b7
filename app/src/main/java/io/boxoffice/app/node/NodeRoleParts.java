package io.boxoffice.app.node;

import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Which of the modules' classes belong to which role, the one place that says so: the component scan leaves out the
 * classes of the roles this node does not run, so their handlers, processors and endpoints never exist on it (the
 * modules themselves know nothing of roles). Everything not named here serves every node that has it on the
 * classpath: browsing's reads, accounts and security, the live seat updates, the sandbox gateway.
 */
public class NodeRoleParts implements TypeFilter, EnvironmentAware {

    /** The most specific entry wins: a class, or a package (ending in a dot). */
    static final Map<String, NodeRole> PARTS = Map.ofEntries(
            // aggregates, command handlers, the gate and the waiting room, and their endpoints
            Map.entry("io.boxoffice.command.", NodeRole.COMMAND),
            // endpoints that send commands to this node's command bus
            Map.entry("io.boxoffice.saga.payment.CheckoutController", NodeRole.COMMAND),
            Map.entry("io.boxoffice.saga.payment.PaymentWebhookController", NodeRole.COMMAND),
            Map.entry("io.boxoffice.app.demo.", NodeRole.COMMAND),
            // the read models' projections, their replays and their dead letters
            Map.entry("io.boxoffice.query.catalog.CatalogProjectionConfiguration", NodeRole.QUERY),
            Map.entry("io.boxoffice.query.reservation.ReservationProjectionConfiguration", NodeRole.QUERY),
            Map.entry("io.boxoffice.query.replay.ReadModelReplay", NodeRole.QUERY),
            Map.entry("io.boxoffice.query.replay.ReadModelAdminController", NodeRole.QUERY),
            Map.entry("io.boxoffice.app.axon.DeadLetters", NodeRole.QUERY),
            Map.entry("io.boxoffice.app.axon.ReadModelDeadLetters", NodeRole.QUERY),
            Map.entry("io.boxoffice.app.axon.DeadLetterController", NodeRole.QUERY),
            // the saga (its deadlines run where db-scheduler is started: NodeRoleConfiguration)
            Map.entry("io.boxoffice.saga.payment.PaymentSagaConfiguration", NodeRole.SAGA));

    private NodeRoleProperties roles;

    @Override
    public void setEnvironment(Environment environment) {
        roles = NodeRoleProperties.of(environment);
    }

    /** Excludes a class whose role this node does not run. */
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        return roleOf(reader.getClassMetadata().getClassName()).filter(role -> !roles.runs(role)).isPresent();
    }

    /** The role a class belongs to, if it belongs to one. */
    static Optional<NodeRole> roleOf(String className) {
        return PARTS.keySet().stream()
                .filter(part -> part.endsWith(".") ? className.startsWith(part) : belongsTo(className, part))
                .max(Comparator.comparingInt(String::length))
                .map(PARTS::get);
    }

    /** The class itself or one nested in it. */
    private static boolean belongsTo(String className, String part) {
        return className.equals(part) || className.startsWith(part + "$");
    }
}
