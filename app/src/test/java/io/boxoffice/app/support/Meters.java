package io.boxoffice.app.support;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationContext;

/** Reads the reservation counters a node exports to Prometheus. */
public final class Meters {

    private final MeterRegistry registry;

    public Meters(ApplicationContext context) {
        this.registry = context.getBean(MeterRegistry.class);
    }

    public double reservations(String outcome) {
        return registry.get("boxoffice.reservations").tag("outcome", outcome).counter().count();
    }

    /** Admission rounds this node has run, each a pass over every waiting room. */
    public double admissionRounds() {
        return registry.get("boxoffice.waiting.room.rounds").counter().count();
    }

    public double gateBypassed() {
        return registry.get("boxoffice.gate.bypassed").counter().count();
    }
}
