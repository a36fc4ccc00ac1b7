package io.boxoffice.app.node;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The map of roles names classes that exist: a class renamed or moved would otherwise run on every node. */
class NodeRolePartsTest {

    @Test
    void everyPartNamesAComponentOrAPackageOfComponents() throws ClassNotFoundException {
        for (Map.Entry<String, NodeRole> part : NodeRoleParts.PARTS.entrySet()) {
            String name = part.getKey();
            if (name.endsWith(".")) {
                ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(true);
                scan.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
                assertThat(scan.findCandidateComponents(name.substring(0, name.length() - 1))).as(name).isNotEmpty();
            } else {
                assertThat(Class.forName(name).getDeclaredAnnotations()).as(name).isNotEmpty();
            }
        }
    }

    @Test
    void theMostSpecificPartDecides() {
        assertThat(NodeRoleParts.roleOf("io.boxoffice.command.seat.Seat")).contains(NodeRole.COMMAND);
        assertThat(NodeRoleParts.roleOf("io.boxoffice.saga.payment.CheckoutController")).contains(NodeRole.COMMAND);
        assertThat(NodeRoleParts.roleOf("io.boxoffice.saga.payment.PaymentSagaConfiguration"))
                .contains(NodeRole.SAGA);
        assertThat(NodeRoleParts.roleOf("io.boxoffice.saga.payment.PaymentSagaConfiguration$Inner"))
                .contains(NodeRole.SAGA);
        assertThat(NodeRoleParts.roleOf("io.boxoffice.saga.payment.PaymentSagaConfigurationOther")).isEmpty();
        assertThat(NodeRoleParts.roleOf("io.boxoffice.query.catalog.AvailabilityController"))
                .isEqualTo(Optional.empty());
    }
}
