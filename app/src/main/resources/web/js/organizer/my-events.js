// An organizer's events, and one of them: its sales per section as fans buy (asked again every 2 seconds), the
// controls of its sales, its name and prices until they open, house seats picked on its map, accessible seats.

import {call} from '../api.js';
import {element, tag} from '../dom.js';
import {explain, money, when} from '../words.js';
import {titled} from '../main.js';

const POLL_MS = 2000;
/** How long an organizer's decision shows over an older state that browsing still reports. */
const DECISION_SHOWN_MS = 10000;
const LOOKS_FOR_NEW_EVENT = 20;
const STATE_WORDS = {SCHEDULED: 'Sales not open yet', OPEN: 'On sale', PAUSED: 'Sales paused', CLOSED: 'Sales closed'};

export async function renderList(page) {
    const events = await call('/api/organizer/events');
    page.append(element(`<section class="my-events"><h1>My events</h1>
        <p class="empty">You have no events yet. <a href="#/organizer">Create one</a>.</p>
        <table><thead><tr><th>Event</th><th>When</th><th>Where</th><th>Sales</th></tr></thead><tbody></tbody>
        </table></section>`));
    titled('My events');
    page.querySelector('.empty').hidden = events.length > 0;
    page.querySelector('table').hidden = !events.length;
    page.querySelector('tbody').append(...events.map(event => {
        const row = tag('tr');
        const name = tag('td');
        name.append(tag('a', event.name, {href: `#/organizer/events/${encodeURIComponent(event.eventId)}`}));
        row.append(name, tag('td', when(event.startsAt, event.timeZone)), tag('td', event.venueName),
            tag('td', STATE_WORDS[event.salesState]));
        return row;
    }));
    return null;
}

/** The organizer's event, once browsing has it: one created a moment ago reaches it within a second or two. */
async function organizerEvent(eventId) {
    for (let poll = 0; ; poll++) {
        const event = (await call('/api/organizer/events')).find(e => e.eventId === eventId);
        if (event || poll >= LOOKS_FOR_NEW_EVENT) {
            return event;
        }
        await new Promise(resolve => setTimeout(resolve, POLL_MS / 4));
    }
}

export async function renderEvent(page, eventId) {
    const event = await organizerEvent(eventId);
    if (!event) {
        page.append(element('<div class="message"><p>We could not find this event among yours. It may have just ' +
            'been created: try again in a moment.</p></div>'));
        return null;
    }
    page.append(element(`
        <section class="manage-event">
            <h1></h1>
            <p class="event-when"></p>
            <p class="sales-state" role="status"></p>
            <div class="sales-controls">
                <button type="button" data-sales="OPEN" class="open">Open sales now</button>
                <button type="button" data-sales="PAUSED" class="pause">Pause sales</button>
                <button type="button" data-sales="OPEN" class="resume">Resume sales</button>
                <button type="button" data-sales="CLOSED" class="close">Close sales for good</button>
                <button type="button" class="release-accessible">Release accessible seats to everyone</button>
            </div>
            <p class="problem" role="alert"></p>
            <h2>Sales by section</h2>
            <table class="sales"><thead><tr><th>Section</th><th>Category</th><th>Price</th><th>Sold</th>
                <th>Held</th><th>Available</th><th>House</th><th>Revenue</th></tr></thead><tbody></tbody>
                <tfoot></tfoot></table>
            <p class="sales-updated"></p>
            <form class="change-event" hidden>
                <h2>Change the event</h2>
                <p>Until sales open.</p>
                <label>Name <input name="name" required maxlength="200"></label>
                <fieldset class="prices"><legend>Prices</legend></fieldset>
                <p class="change-problem problem" role="alert"></p>
                <button type="submit">Save changes</button>
            </form>
            <h2>House seats</h2>
            <p>Pick seats on the map, or type their ids, then keep them from fans or put them back on sale.</p>
            <seat-map class="house-map"></seat-map>
            <form class="house-seats">
                <label>Seat ids <input name="seatIds" placeholder="A-1-1, A-1-2"></label>
                <button type="button" class="withhold">Withhold</button>
                <button type="button" class="return-to-sale">Return to sale</button>
                <p class="house-problem problem" role="alert"></p>
                <p class="house-done done" role="status"></p>
            </form>
        </section>`));
    await import('../seatmap/seat-map.js');
    const section = page.querySelector('.manage-event');
    section.querySelector('h1').textContent = event.name;
    titled(event.name, 'My events');
    section.querySelector('.event-when').textContent =
        `${when(event.startsAt, event.timeZone)} · ${event.venueName}`;
    const problem = section.querySelector('.problem');

    const venue = await call(`/api/venues/${encodeURIComponent(event.venueId)}`);
    const map = section.querySelector('seat-map');
    map.load(venue, event.prices, 1000, {selectsTakenSeats: true});

    let state = event.salesState;
    // what the organizer just decided shows until browsing (up to 2 s behind) says the same, or for 10 s at most
    let decided = null;
    const showState = () => {
        section.querySelector('.sales-state').textContent = STATE_WORDS[state];
        section.querySelector('.open').hidden = state !== 'SCHEDULED';
        section.querySelector('.pause').hidden = state !== 'OPEN';
        section.querySelector('.resume').hidden = state !== 'PAUSED';
        section.querySelector('.close').hidden = state === 'CLOSED';
        section.querySelector('.change-event').hidden = state !== 'SCHEDULED';
    };
    section.querySelectorAll('[data-sales]').forEach(button => button.addEventListener('click', () =>
        act(button, problem, async () => {
            state = (await call(`/api/events/${encodeURIComponent(eventId)}/sales-state`,
                {method: 'PUT', body: {salesState: button.dataset.sales}})).salesState;
            decided = {state, until: Date.now() + DECISION_SHOWN_MS};
            showState();
        })));
    const release = section.querySelector('.release-accessible');
    release.hidden = event.accessibleSeatsReleased;
    release.addEventListener('click', () => act(release, problem, async () => {
        await call(`/api/events/${encodeURIComponent(eventId)}/accessible-seats/release`, {method: 'POST'});
        release.hidden = true;
    }));
    changeEventForm(section.querySelector('.change-event'), event, () => {
        section.querySelector('h1').textContent = event.name;
    });
    houseSeatsForm(section.querySelector('.house-seats'), map, eventId);

    const refresh = async () => {
        try {
            const [sales, availability] = await Promise.all([
                call(`/api/organizer/events/${encodeURIComponent(eventId)}/sales`),
                call(`/api/events/${encodeURIComponent(eventId)}/availability`)]);
            if (!decided || decided.state === sales.salesState || Date.now() > decided.until) {
                decided = null;
                state = sales.salesState;
            }
            showState();
            showSales(section.querySelector('table.sales'), sales);
            map.setAvailability(availability.held, availability.sold, availability.house);
            section.querySelector('.sales-updated').textContent =
                `Updated at ${new Date().toLocaleTimeString()}; fans' purchases show within seconds.`;
        } catch (error) {
            section.querySelector('.sales-updated').textContent = explain(error);
        }
    };
    showState();
    await refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
}

/** Runs an organizer's action with its button disabled meanwhile; a refusal in words. */
async function act(button, problem, action) {
    button.disabled = true;
    problem.textContent = '';
    try {
        await action();
    } catch (error) {
        problem.textContent = explain(error);
    } finally {
        button.disabled = false;
    }
}

function showSales(table, sales) {
    const cells = (row, values) => {
        const tr = tag('tr');
        tr.append(...values.map(value => tag('td', String(value))));
        tr.dataset.section = row;
        return tr;
    };
    table.querySelector('tbody').replaceChildren(...sales.sections.map(s => cells(s.sectionId,
        [s.name, s.category, money(s.price), s.sold, s.held, s.available, s.house, money(s.revenue)])));
    const t = sales.total;
    table.querySelector('tfoot').replaceChildren(cells('total',
        ['Total', '', '', t.sold, t.held, t.available, t.house, money(t.revenue)]));
}

function changeEventForm(form, event, changed) {
    form.querySelector('[name=name]').value = event.name;
    form.querySelector('.prices').append(...Object.entries(event.prices).sort().map(([category, price]) => {
        const label = element(`<label><span></span> <input type="number" min="0" step="0.01" required></label>`);
        label.querySelector('span').textContent = `${category} (${price.currency})`;
        label.querySelector('input').name = `price:${category}`;
        label.querySelector('input').value = price.amount;
        return label;
    }));
    form.addEventListener('submit', submit => {
        submit.preventDefault();
        const fields = new FormData(form);
        const prices = Object.fromEntries(Object.entries(event.prices).map(([category, price]) => [category,
            {amount: Number(fields.get(`price:${category}`)).toFixed(2), currency: price.currency}]));
        act(form.querySelector('button'), form.querySelector('.change-problem'), async () => {
            await call(`/api/events/${encodeURIComponent(event.eventId)}`,
                {method: 'PATCH', body: {name: fields.get('name').trim(), prices}});
            event.name = fields.get('name').trim();
            event.prices = prices;
            changed();
        });
    });
}

function houseSeatsForm(form, map, eventId) {
    const input = form.querySelector('[name=seatIds]');
    map.addEventListener('selectionchange', ({detail}) => {
        input.value = detail.seats.map(seat => seat.id).join(', ');
    });
    for (const [selector, change, done] of [['.withhold', 'withhold', 'kept from fans'],
        ['.return-to-sale', 'return-to-sale', 'back on sale']]) {
        const button = form.querySelector(selector);
        button.addEventListener('click', () => act(button, form.querySelector('.house-problem'), async () => {
            const seatIds = input.value.split(/[\s,]+/).filter(Boolean);
            form.querySelector('.house-done').textContent = '';
            await call(`/api/events/${encodeURIComponent(eventId)}/house-seats/${change}`,
                {method: 'POST', body: {seatIds}});
            map.selectedSeats().forEach(seat => map.deselect(seat.id));
            input.value = '';
            form.querySelector('.house-done').textContent = `${seatIds.length} seat(s) ${done}.`;
        }));
    }
}
