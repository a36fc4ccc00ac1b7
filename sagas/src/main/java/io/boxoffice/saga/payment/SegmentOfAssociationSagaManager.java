package io.boxoffice.saga.payment;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;

import java.util.Set;

/**
 * A saga manager for sagas that know one association only, the one every handler names and every saga starts with
 * (a {@link PaymentSaga} knows its reservation and nothing else; {@code SegmentOfAssociationSagaManagerTest} checks
 * that it stays so).
 * <p>
 * Axon's own manager gives every event to every segment and looks its association up in each (one query per segment
 * per event), because a saga's segment follows its random identifier. Yet Axon starts a saga only in the segment its
 * association value falls in. So here the association decides for good: an event goes to the one segment its
 * association falls in, and every saga found with that association there is that segment's. One look-up per event,
 * and the other segments never open a transaction for it; splitting or merging segments keeps a saga and its events
 * together, since both follow the same value.
 */
final class SegmentOfAssociationSagaManager<T> extends AnnotatedSagaManager<T> {

    SegmentOfAssociationSagaManager(AnnotatedSagaManager.Builder<T> builder) {
        super(builder);
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        if (!super.canHandle(event, segment)) {
            return false;
        }
        Set<AssociationValue> associations = extractAssociationValues(event);
        if (associations.size() != 1) {
            throw new IllegalStateException(getSagaType().getSimpleName() + " must find its sagas by one association, "
                    + "not " + associations + " for " + event.getPayloadType().getSimpleName());
        }
        return segment.matches(associations.iterator().next());
    }

    /** Only the association's segment sees the event (above), so every saga found there is its own. */
    @Override
    protected boolean matchesSegment(Segment segment, String sagaId) {
        return true;
    }
}
