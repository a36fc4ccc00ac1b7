package io.boxoffice.app.node;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What a node without some role does instead, beyond leaving out that role's classes ({@link NodeRoleParts}): a node
 * without {@code saga} schedules deadlines (rows in PostgreSQL) but never runs them, one without {@code web} answers
 * 404 to everything but its health probes.
 */
@Configuration(proxyBeanMethods = false)
class NodeRoleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NodeRoleConfiguration.class);
    private static final String HEALTH = "/actuator/health";

    /** In place of db-scheduler's own starter: the scheduler stays stopped, its tasks run on the saga nodes. */
    @Bean
    @Conditional(WithoutRole.Saga.class)
    DbSchedulerStarter deadlinesRunElsewhere() {
        return () -> log.info("Deadlines are run by the nodes with the saga role, not this one (boxoffice.roles)");
    }

    @Bean
    @Conditional(WithoutRole.Web.class)
    FilterRegistrationBean<Filter> healthProbesOnly() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            String path = ((HttpServletRequest) request).getRequestURI();
            if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
                chain.doFilter(request, response);
            } else {
                ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND,
                        "This node serves only its health probes (boxoffice.roles has no web)");
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
