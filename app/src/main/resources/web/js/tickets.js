// A ticket as the fan shows it at the door: a QR code of its signed code (drawn by the qr-creator WebJar).

import QrCreator from '/webjars/qr-creator/1.0.0/dist/qr-creator.es6.min.js';
import {element} from './dom.js';
import {when} from './words.js';

export function ticketCard(ticket, seatName, event) {
    const card = element(`
        <article class="ticket">
            <div class="qr"></div>
            <div class="ticket-text">
                <h3 class="ticket-seat"></h3>
                <p class="ticket-event"></p>
                <p class="ticket-code"><code></code></p>
            </div>
        </article>`);
    card.dataset.ticketId = ticket.ticketId;
    card.querySelector('.ticket-seat').textContent = seatName;
    card.querySelector('.ticket-event').textContent = event ? `${event.name} · ${when(event.startsAt)}` : '';
    card.querySelector('code').textContent = ticket.code;
    const qr = card.querySelector('.qr');
    // error correction M survives a scratched phone screen; white margins are the quiet zone scanners need
    QrCreator.render({text: ticket.code, radius: 0, ecLevel: 'M', fill: '#000000', background: '#ffffff', size: 200},
        qr);
    const canvas = qr.querySelector('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `QR code of the ticket for ${seatName}`);
    return card;
}
