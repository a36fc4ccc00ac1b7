package io.boxoffice.query.reservation;

import io.boxoffice.api.reservation.ReservationView;
import io.boxoffice.query.catalog.CatalogReadModel;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A fan's own reservations over GraphQL; staff (ADMIN, AUDITOR) may read any by id. */
@Controller
public class ReservationGraphQlController {

    private static final Set<String> STAFF = Set.of("ROLE_ADMIN", "ROLE_AUDITOR");
    /** Browsing is open to all, so a request without a token arrives as Spring Security's anonymous user. */
    private static final AuthenticationTrustResolver SIGNED_IN = new AuthenticationTrustResolverImpl();

    private final ReservationViews reservations;
    private final CatalogReadModel catalog;

    public ReservationGraphQlController(ReservationViews reservations, CatalogReadModel catalog) {
        this.reservations = reservations;
        this.catalog = catalog;
    }

    @QueryMapping
    public ReservationView reservation(@Argument String id, Authentication user) {
        boolean signedIn = user != null && !SIGNED_IN.isAnonymous(user);
        return reservations.visibleTo(id, signedIn ? user.getName() : null, signedIn && isStaff(user)).orElse(null);
    }

    @QueryMapping
    public List<ReservationView> myReservations(Authentication user) {
        if (user == null || SIGNED_IN.isAnonymous(user)) {
            throw new AccessDeniedException("sign in to see your reservations");
        }
        return reservations.forUser(user.getName());
    }

    @SchemaMapping(typeName = "Reservation")
    public String id(ReservationView reservation) {
        return reservation.reservationId();
    }

    @SchemaMapping(typeName = "Reservation")
    public String expiresAt(ReservationView reservation) {
        return reservation.expiresAt().toString();
    }

    @BatchMapping(typeName = "Reservation")
    public Map<ReservationView, CatalogReadModel.EventRow> event(List<ReservationView> views) {
        Map<String, CatalogReadModel.EventRow> events = catalog.events(
                views.stream().map(ReservationView::eventId).collect(Collectors.toSet()));
        Map<ReservationView, CatalogReadModel.EventRow> eventByReservation = new HashMap<>();
        views.forEach(view -> {
            if (events.containsKey(view.eventId())) {
                eventByReservation.put(view, events.get(view.eventId()));
            }
        });
        return eventByReservation;
    }

    private static boolean isStaff(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
    }
}
