package io.boxoffice.api.ticket;

import io.boxoffice.api.reservation.Ticket;

import java.util.List;

/**
 * A query for the codes of tickets, in their order, to show a fan: the command side, which checks them at the door,
 * holds the key that signs them.
 */
public record IssueTicketCodes(List<Ticket> tickets) {
}
