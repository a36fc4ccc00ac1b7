// An event: its seat map with live availability, the fan's selection and total, and the button that holds them.

import {call, graphql, session, settings} from '../api.js';
import '../seatmap/seat-map.js';
import {LiveSeats} from '../seatmap/live-seats.js';
import {countdown} from '../countdown.js';
import {go, reload, requireSignIn, titled, toast} from '../main.js';
import {admission, forgetAdmission, storedAdmission} from './waiting-room.js';
import {element, tag} from '../dom.js';
import {explain, list, money, when} from '../words.js';

const EVENT = `query($id: ID!) {
  event(id: $id) { id name startsAt salesStartAt salesState maxTicketsPerFan venue { id name city timeZone
                     stage { label x y width height } }
                   prices { category price { amount currency } } waitingRoom { maxFansInFlow } }
}`;
const SALES_STOPPED = {
    PAUSED: 'Sales are paused for a moment. Please check back a little later.',
    CLOSED: 'Sales for this event have closed.',
};
const MY_RESERVATIONS = '{ myReservations { id status expiresAt seatIds event { id } } }';

export async function render(page, eventId, signal) {
    const event = await findEvent(eventId);
    if (!event) {
        page.append(element(`<div class="message"><h1>Event not found</h1><p>We could not find this event. It may
            have just been created: try again in a moment.</p><p><a href="#/">Back to events</a></p></div>`));
        titled('Event not found');
        return null;
    }
    let admitted = null;
    if (event.waitingRoom) {
        // queued fans see only their place in line: no seat map, no live stream, until they are let in
        if (!requireSignIn()) {
            return null;
        }
        admitted = storedAdmission(eventId) || await admission(page, event, signal);
        if (!admitted) {
            return null;
        }
        page.replaceChildren();
    }
    // the stream opens before the availability snapshot and keeps what it hears until the snapshot is drawn
    const live = new LiveSeats(eventId);
    try {
        return await show(page, event, admitted, live);
    } catch (error) {
        live.close();
        throw error;
    }
}

async function show(page, event, admitted, live) {
    const eventId = event.id;
    const availability = live.opened.then(() =>
        call(`/api/events/${encodeURIComponent(eventId)}/availability`));
    availability.catch(() => {}); // awaited below, once the page needs it
    const prices = Object.fromEntries(event.prices.map(p => [p.category, p.price]));
    page.append(element(`
        <div class="event-head">
            <h1></h1>
            <p class="event-when"></p>
            <p class="existing-hold message" hidden></p>
        </div>
        <div class="event-body">
            <div class="map-area">
                <ul class="legend" aria-label="Legend"></ul>
                <seat-map></seat-map>
                <p class="live-state" aria-live="polite"></p>
            </div>
            <aside class="panel" aria-labelledby="panel-title">
                <h2 id="panel-title">Your seats</h2>
                <p class="notice" role="alert"></p>
                <p class="empty">Pick seats on the map: click them, or tab to the map and use the arrow keys.</p>
                <ul class="chosen"></ul>
                <div class="hold-bar">
                    <p class="total" hidden><span class="count"></span> · <strong></strong></p>
                    <button type="button" class="primary hold" disabled>Hold seats</button>
                </div>
                <p class="hint"></p>
                <form class="best-available">
                    <h3>Or let us find seats together</h3>
                    <label>Seats <select name="quantity"></select></label>
                    <label>Where <select name="category"><option value="">Best anywhere</option></select></label>
                    <label>Price <select name="maxPrice"><option value="">Any price</option></select></label>
                    <label class="check"><input type="checkbox" name="accessible">
                        Wheelchair space with companion seat</label>
                    <button type="submit">Find the best seats</button>
                </form>
            </aside>
        </div>`));
    page.querySelector('h1').textContent = event.name;
    titled(event.name);
    page.querySelector('.event-when').textContent =
        `${when(event.startsAt, event.venue.timeZone)} · ${event.venue.name}, ${event.venue.city}`;
    const map = page.querySelector('seat-map');
    const notice = page.querySelector('.notice');
    const holdButton = page.querySelector('.hold');
    // scheduled sales open at their time, also while this page is open
    const salesOpen = event.salesState === 'OPEN'
        || (event.salesState === 'SCHEDULED' && Date.parse(event.salesStartAt) <= Date.now());
    // one reservation holds at most this many, and the event may allow each fan fewer in all
    const maxSeats = Math.min(settings.maxSeatsPerReservation, event.maxTicketsPerFan);
    page.querySelector('.hint').textContent = salesOpen
        ? `Up to ${maxSeats} seats${event.maxTicketsPerFan <= settings.maxSeatsPerReservation
            ? ' per fan' : ''}. We hold them for you for ` +
          `${Math.round(settings.holdSeconds / 60)} minutes while you pay.`
        : SALES_STOPPED[event.salesState] || `On sale from ${when(event.salesStartAt, event.venue.timeZone)}.`;
    if (admitted) {
        page.querySelector('.hint').append(' It is your turn: hold your seats within ',
            tag('span', '', {class: 'turn-left', role: 'timer'}), '.');
    }

    const venue = await call(`/api/venues/${encodeURIComponent(event.venue.id)}`);
    map.load(venue, prices, maxSeats, {stage: event.venue.stage});
    legend(page.querySelector('.legend'), map);
    const snapshot = await availability;
    map.setAvailability(snapshot.held, snapshot.sold, snapshot.house);
    live.attach({
        changes: changes => map.applyChanges(changes),
        snapshot: fresh => map.setAvailability(fresh.held, fresh.sold, fresh.house),
        state: words => page.querySelector('.live-state').textContent = words,
    });

    const remembered = `boxoffice.selection.${eventId}`;
    const backInLine = seatIds => {
        // the fan's turn ended: back to the waiting room, seats remembered
        sessionStorage.setItem(remembered, JSON.stringify(seatIds));
        forgetAdmission(eventId);
        toast('Your turn to pick seats has ended. You are back in the waiting room.');
        reload();
    };
    let attempt = null; // one Idempotency-Key per selection: a retried click holds once
    map.addEventListener('selectionchange', ({detail}) => {
        attempt = null;
        showSelection(page, detail.seats, salesOpen);
        if (detail.changed) {
            notice.textContent = '';
        }
    });
    map.addEventListener('seatslost', ({detail}) => {
        const names = detail.seats.map(seat => seat.name);
        notice.textContent = `${list(names)} ${names.length === 1 ? 'was' : 'were'} just taken by someone else ` +
            `and ${names.length === 1 ? 'is' : 'are'} no longer in your selection.`;
    });
    map.addEventListener('seatrefused', ({detail}) => {
        notice.textContent = detail.reason === 'limit'
            ? `You can hold up to ${maxSeats} seats in one reservation.`
            : `${detail.seat.name} is already taken. Please pick another seat.`;
    });
    holdButton.addEventListener('click', async () => {
        const seatIds = map.selectedSeats().map(seat => seat.id);
        if (!session()) {
            sessionStorage.setItem(remembered, JSON.stringify(seatIds));
        }
        if (!seatIds.length || !requireSignIn()) {
            return;
        }
        attempt = attempt || randomKey();
        holdButton.disabled = true;
        holdButton.textContent = 'Holding your seats…';
        try {
            const headers = {'Idempotency-Key': attempt};
            if (admitted) {
                headers['Admission-Token'] = admitted.token;
            }
            const reservation = await call(`/api/events/${encodeURIComponent(eventId)}/reservations`,
                {method: 'POST', body: {seatIds}, headers});
            sessionStorage.removeItem(remembered);
            go(`#/reservations/${encodeURIComponent(reservation.reservationId)}`);
        } catch (error) {
            if (error.type === 'admission-required') {
                backInLine(seatIds);
                return;
            }
            if (error.type === 'seats-unavailable') {
                // the map was behind: the server's answer is the truth for these seats
                map.applyChanges((error.problem.unavailableSeatIds || []).map(seatId => ({seatId, status: 'HELD'})));
            } else {
                notice.textContent = explain(error);
            }
            showSelection(page, map.selectedSeats(), salesOpen);
        }
    });

    bestAvailable(page.querySelector('.best-available'), {eventId, maxSeats, categories: map.categories, salesOpen,
        admitted, notice});

    restoreSelection(map, eventId);
    showExistingHold(page, eventId, map);
    showSelection(page, map.selectedSeats(), salesOpen);
    const turn = admitted && countdown(page.querySelector('.turn-left'), admitted.until,
        {end: () => backInLine(map.selectedSeats().map(seat => seat.id))});
    return () => {
        clearInterval(turn);
        live.close();
        if (admitted && !location.hash.startsWith('#/reservations/')) {
            // leaving without a hold: the next fan in line gets this place in the flow
            call(`/api/events/${encodeURIComponent(eventId)}/waiting-room`, {method: 'DELETE'}).catch(() => {});
        }
    };
}

/** The event, waiting a moment for one that was just created and is not in the browsing model yet. */
async function findEvent(eventId) {
    for (let attempt = 0; ; attempt++) {
        const event = (await graphql(EVENT, {id: eventId})).event;
        if (event || attempt === 5) {
            return event;
        }
        await new Promise(resolve => setTimeout(resolve, 400));
    }
}

/**
 * "N seats together": the server picks the best adjacent seats that fit and holds them like a pick on the map.
 * One Idempotency-Key per choice, so that a retried click holds once.
 */
function bestAvailable(form, {eventId, maxSeats, categories, salesOpen, admitted, notice}) {
    const quantity = form.elements.quantity;
    for (let n = 1; n <= maxSeats; n++) {
        quantity.append(tag('option', `${n}`, {value: `${n}`}));
    }
    quantity.value = `${Math.min(2, maxSeats)}`;
    for (const category of categories) {
        form.elements.category.append(tag('option', category.price
            ? `${category.name}, ${money(category.price)} each` : category.name, {value: category.name}));
    }
    // a price range as fans think of it: "up to" each price the event has, cheapest first
    const pricesAsked = new Map(categories.filter(category => category.price)
        .map(category => [`${category.price.amount} ${category.price.currency}`, category.price]));
    [...pricesAsked.entries()].sort(([, a], [, b]) => Number(a.amount) - Number(b.amount))
        .forEach(([key, price]) => form.elements.maxPrice.append(tag('option', `Up to ${money(price)}`,
            {value: key})));
    form.hidden = !salesOpen;
    let attempt = null;
    form.addEventListener('change', () => attempt = null);
    form.addEventListener('submit', async submitted => {
        submitted.preventDefault();
        if (!requireSignIn()) {
            return;
        }
        attempt = attempt || randomKey();
        const button = form.querySelector('button');
        button.disabled = true;
        notice.textContent = '';
        const wanted = {quantity: Number(quantity.value)};
        if (form.elements.category.value) {
            wanted.categories = [form.elements.category.value];
        }
        if (form.elements.maxPrice.value) {
            wanted.maxPrice = pricesAsked.get(form.elements.maxPrice.value);
        }
        if (form.elements.accessible.checked) {
            wanted.accessible = true;
        }
        const headers = {'Idempotency-Key': attempt};
        if (admitted) {
            headers['Admission-Token'] = admitted.token;
        }
        try {
            const reservation = await call(`/api/events/${encodeURIComponent(eventId)}/reservations`,
                {method: 'POST', body: {bestAvailable: wanted}, headers});
            go(`#/reservations/${encodeURIComponent(reservation.reservationId)}`);
        } catch (error) {
            attempt = null;
            notice.textContent = explain(error);
        } finally {
            button.disabled = false;
        }
    });
}

/** Each kind of seat with the shape the map draws it in. */
function legend(box, map) {
    box.replaceChildren(...map.legend().map(({label, symbol}) => {
        const item = tag('li', '');
        item.append(symbol, document.createTextNode(label));
        return item;
    }));
}

function showSelection(page, seats, salesOpen) {
    const chosen = page.querySelector('.chosen');
    const map = page.querySelector('seat-map');
    chosen.replaceChildren(...seats.map(seat => {
        const item = element(`<li><span class="seat-name"></span> <span class="price"></span>
            <button type="button" class="link remove">Remove</button></li>`);
        item.querySelector('.seat-name').textContent = seat.name;
        item.querySelector('.price').textContent = seat.price ? money(seat.price) : '';
        item.querySelector('.remove').setAttribute('aria-label', `Remove ${seat.name}`);
        item.querySelector('.remove').addEventListener('click', () => map.deselect(seat.id));
        return item;
    }));
    page.querySelector('.empty').hidden = seats.length > 0;
    const total = page.querySelector('.total');
    total.hidden = !seats.length;
    total.querySelector('.count').textContent = `${seats.length} seat${seats.length === 1 ? '' : 's'}`;
    // on a phone, the bar with the count, total and button stays at the screen's foot while seats are picked
    page.querySelector('.hold-bar').classList.toggle('has-seats', seats.length > 0);
    if (seats.length && seats.every(seat => seat.price)) {
        const cents = seats.reduce((sum, seat) => sum + Math.round(Number(seat.price.amount) * 100), 0);
        total.querySelector('strong').textContent = money({amount: (cents / 100).toFixed(2),
            currency: seats[0].price.currency});
    }
    const button = page.querySelector('.hold');
    button.disabled = !seats.length || !salesOpen;
    button.textContent = seats.length ? `Hold ${seats.length} seat${seats.length === 1 ? '' : 's'}` : 'Hold seats';
}

/** Seats picked before signing in come back after it. */
function restoreSelection(map, eventId) {
    const remembered = `boxoffice.selection.${eventId}`;
    const seatIds = JSON.parse(sessionStorage.getItem(remembered) || '[]');
    sessionStorage.removeItem(remembered);
    seatIds.filter(id => map.has(id) && map.statusOf(id) === 'AVAILABLE').forEach(id => map.select(id));
}

/** A fan who already holds seats here is shown the way back to that hold, and the map marks them as theirs. */
async function showExistingHold(page, eventId, map) {
    if (!session()) {
        return;
    }
    try {
        const holds = (await graphql(MY_RESERVATIONS)).myReservations.filter(reservation =>
            reservation.status === 'HELD' && reservation.event?.id === eventId
            && Date.parse(reservation.expiresAt) > Date.now());
        map.setMine(holds.flatMap(hold => hold.seatIds));
        if (holds.length) {
            const banner = page.querySelector('.existing-hold');
            const seats = holds.reduce((n, hold) => n + hold.seatIds.length, 0);
            banner.replaceChildren(`You have ${seats} seat${seats === 1 ? '' : 's'} on hold for this event. `,
                tag('a', 'Go to your hold', {href: `#/reservations/${encodeURIComponent(holds[0].id)}`}));
            banner.hidden = false;
        }
    } catch {
        // only a shortcut: the page works without it
    }
}

/** A random Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
function randomKey() {
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}
