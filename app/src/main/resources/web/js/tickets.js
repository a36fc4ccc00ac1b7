// A ticket as the fan shows it at the door: a QR code of its signed code (drawn by the qr-creator WebJar).

import QrCreator from '/webjars/qr-creator/1.0.0/dist/qr-creator.es6.min.js';
import {element} from './dom.js';
import {when} from './words.js';

/** CSS pixels of a ticket's QR code: big enough for a door scanner at arm's length. */
const QR_SIZE = 200;

export function ticketCard(ticket, seatName, event) {
    const card = element(`
        <article class="ticket">
            <div class="qr"></div>
            <div class="ticket-text">
                <h2 class="ticket-seat"></h2>
                <p class="ticket-event"></p>
                <p class="ticket-code"><code></code></p>
            </div>
        </article>`);
    card.dataset.ticketId = ticket.ticketId;
    card.querySelector('.ticket-seat').textContent = seatName;
    card.querySelector('.ticket-event').textContent = event ? `${event.name} · ${when(event.startsAt, event.venue.timeZone)}` : '';
    card.querySelector('code').textContent = ticket.code;
    const qr = card.querySelector('.qr');
    // Error correction M survives a scratched phone screen; the four-module white border is the quiet zone
    // scanners need. Drawn at the screen's pixel density (at least 2x) so no module edge is a blur of grey.
    const pixels = Math.round(QR_SIZE * Math.max(2, Math.min(4, window.devicePixelRatio || 1)));
    QrCreator.render({text: ticket.code, radius: 0, ecLevel: 'M', quiet: 4, fill: '#000000', background: '#ffffff',
        size: pixels}, qr);
    const canvas = qr.querySelector('canvas');
    canvas.style.width = canvas.style.height = `${QR_SIZE}px`;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `QR code of the ticket for ${seatName}`);
    return card;
}
