package io.boxoffice.api.reservation;

import java.util.List;

public record ReservationPaymentFailed(String reservationId, String eventId, String paymentId, String gatewayEventId,
                                       List<String> seatIds) {
}
