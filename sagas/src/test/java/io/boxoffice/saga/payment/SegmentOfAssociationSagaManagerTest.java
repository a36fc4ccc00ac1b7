package io.boxoffice.saga.payment;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.payment.CheckoutStarted;
import io.boxoffice.api.payment.LatePaymentReceived;
import io.boxoffice.api.reservation.ReservationExpired;
import io.boxoffice.api.reservation.ReservationPlaced;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment saga's events reach one segment each, the one their reservation falls in, as the pooled processor
 * offers them to all of its segments: one association look-up per event, and a saga keeps getting its events after
 * its segments are split.
 */
class SegmentOfAssociationSagaManagerTest {

    private static final Money AMOUNT = new Money(new BigDecimal("49.00"), "EUR");

    private final CountingSagaStore store = new CountingSagaStore();
    private final PaymentSagaTest.RecordingGateway gateway = new PaymentSagaTest.RecordingGateway();
    private SegmentOfAssociationSagaManager<PaymentSaga> manager;

    @BeforeEach
    void setUp() {
        ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(PaymentSaga.class),
                new SimpleResourceParameterResolverFactory(List.of(new StubDeadlineManager(), gateway)));
        AnnotatedSagaRepository<PaymentSaga> repository = AnnotatedSagaRepository.<PaymentSaga>builder()
                .sagaType(PaymentSaga.class).sagaStore(store).parameterResolverFactory(resources).build();
        manager = new SegmentOfAssociationSagaManager<>(new AnnotatedSagaManager.Builder<PaymentSaga>()
                .sagaType(PaymentSaga.class).sagaRepository(repository).parameterResolverFactory(resources));
    }

    @Test
    void eachEventGoesToOneSegmentAndIsLookedUpOnce() {
        Segment[] segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3).toArray(Segment[]::new);
        for (int reservation = 0; reservation < 40; reservation++) {
            String reservationId = "r-" + reservation;
            assertThat(deliver(placed(reservationId), segments)).as(reservationId).isEqualTo(1);
        }
        assertThat(store.lookUps).isEqualTo(40);
        assertThat(store.size()).isEqualTo(40);
    }

    @Test
    void aSagaGetsItsEventsAfterItsSegmentsAreSplit() {
        Segment[] four = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3).toArray(Segment[]::new);
        List<String> reservations = new ArrayList<>();
        for (int reservation = 0; reservation < 20; reservation++) {
            reservations.add("r-" + reservation);
            deliver(placed("r-" + reservation), four);
        }
        Segment[] eight = Arrays.stream(four).flatMap(segment -> Arrays.stream(segment.split())).toArray(Segment[]::new);
        for (String reservationId : reservations) {
            assertThat(deliver(new CheckoutStarted(reservationId, "pay-" + reservationId, AMOUNT), eight)).isEqualTo(1);
            assertThat(deliver(new ReservationExpired(reservationId, "e-1", List.of("A-1-1")), eight)).isEqualTo(1);
        }
        assertThat(store.size()).as("every saga ended on its expiry").isZero();
        assertThat(gateway.voided).hasSize(20);
    }

    @Test
    void aPaymentForAnEndedReservationStartsOneSagaThatRefundsIt() {
        Segment[] segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3).toArray(Segment[]::new);
        deliver(placed("r-1"), segments);
        deliver(new ReservationExpired("r-1", "e-1", List.of("A-1-1")), segments);

        deliver(new LatePaymentReceived("r-1", "pay-1", "evt-9", AMOUNT), segments);

        assertThat(gateway.refunded).containsExactly("pay-1 49.00 EUR");
        assertThat(store.size()).isZero();
    }

    /** The manager finds sagas by one association; every handler of the saga must name the same one. */
    @Test
    void everyHandlerOfThePaymentSagaFindsItsSagaByTheReservation() {
        List<Method> handlers = Arrays.stream(PaymentSaga.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(SagaEventHandler.class)).toList();
        assertThat(handlers).hasSizeGreaterThan(5).allSatisfy(handler ->
                assertThat(handler.getAnnotation(SagaEventHandler.class).associationProperty())
                        .isEqualTo("reservationId"));
    }

    private static ReservationPlaced placed(String reservationId) {
        return new ReservationPlaced(reservationId, "e-1", "alice", List.of("A-1-1"), AMOUNT,
                Instant.now().plusSeconds(600));
    }

    /** Offers the event to every segment, as a pooled processor's work packages do; returns how many took it. */
    private int deliver(Object payload, Segment[] segments) {
        EventMessage<?> event = GenericEventMessage.asEventMessage(payload);
        int handledBy = 0;
        for (Segment segment : segments) {
            if (manager.canHandle(event, segment)) {
                handledBy++;
                DefaultUnitOfWork.startAndGet(event).execute(() -> {
                    try {
                        manager.handle(event, segment);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        return handledBy;
    }

    private static final class CountingSagaStore extends InMemorySagaStore {

        int lookUps;

        @Override
        public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
            lookUps++;
            return super.findSagas(sagaType, associationValue);
        }
    }
}
