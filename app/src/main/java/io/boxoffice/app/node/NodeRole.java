package io.boxoffice.app.node;

/** A part of the application a node may run ({@code boxoffice.roles}); a node runs all four unless told otherwise. */
public enum NodeRole {
    /** HTTP: the API and the front end. A node without it answers only its health probes. */
    WEB,
    /** The aggregates and their command handlers, the Redis gate, the waiting room and the endpoints that send commands. */
    COMMAND,
    /** The read models' projections (catalog, fans' reservations), their replays and dead letters. */
    QUERY,
    /** The payment saga and the deadlines that end holds (db-scheduler's polling). */
    SAGA
}
