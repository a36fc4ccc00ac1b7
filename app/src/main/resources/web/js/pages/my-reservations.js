// My tickets: holds waiting for payment, confirmed orders with their tickets, and the ones that ended.

import {graphql} from '../api.js';
import {requireSignIn, titled} from '../main.js';
import {element, tag} from '../dom.js';
import {money, when} from '../words.js';

const MINE = `{ myReservations { id status expiresAt seatIds amount { amount currency } tickets { ticketId }
                                event { id name startsAt venue { name city timeZone } } } }`;

const GROUPS = [
    ['On hold: pay before the time runs out', r => r.status === 'HELD' && Date.parse(r.expiresAt) > Date.now()],
    ['Tickets', r => r.status === 'CONFIRMED'],
    ['Ended', r => r.status !== 'CONFIRMED' && !(r.status === 'HELD' && Date.parse(r.expiresAt) > Date.now())],
];

const SAID = {HELD: 'on hold', CONFIRMED: 'confirmed', EXPIRED: 'hold ended', CANCELLED: 'cancelled',
    PAYMENT_FAILED: 'payment declined'};

export async function render(page) {
    if (!requireSignIn()) {
        return;
    }
    const mine = (await graphql(MINE)).myReservations;
    page.append(tag('h1', 'My tickets'));
    titled('My tickets');
    if (!mine.length) {
        page.append(element('<p class="message">Nothing yet. <a href="#/">Find an event</a>.</p>'));
        return;
    }
    for (const [title, belongs] of GROUPS) {
        const reservations = mine.filter(belongs);
        if (reservations.length) {
            const section = element('<section class="my-group"><h2></h2><ul class="reservation-list"></ul></section>');
            section.querySelector('h2').textContent = title;
            section.querySelector('ul').append(...reservations.map(item));
            page.append(section);
        }
    }
}

function item(reservation) {
    const entry = element(`<li class="reservation-item"><a></a><p class="details"></p></li>`);
    const link = entry.querySelector('a');
    link.href = `#/reservations/${encodeURIComponent(reservation.id)}`;
    link.textContent = reservation.event?.name || 'Reservation';
    const seats = `${reservation.seatIds.length} seat${reservation.seatIds.length === 1 ? '' : 's'}`;
    const details = [reservation.event ? when(reservation.event.startsAt, reservation.event.venue.timeZone) : null, seats, money(reservation.amount),
        reservation.status === 'HELD' && Date.parse(reservation.expiresAt) <= Date.now() ? 'hold ended'
            : SAID[reservation.status] || reservation.status.toLowerCase()];
    entry.querySelector('.details').textContent = details.filter(Boolean).join(' · ');
    return entry;
}
