// Organizers (ADMIN): a new event at an existing venue, with a price for each of the venue's seat categories.

import {call, graphql, hasRole} from '../api.js';
import {requireSignIn, titled} from '../main.js';
import {element, tag} from '../dom.js';
import {explain} from '../words.js';

const VENUES = '{ venues { id name city seatCount sections { category } } }';

export async function render(page) {
    if (!requireSignIn()) {
        return;
    }
    if (!hasRole('ADMIN')) {
        page.append(element('<div class="message"><h1>Organize</h1><p>Only organizers can create events. ' +
            'Sign in with an organizer account.</p></div>'));
        titled('Organize');
        return;
    }
    const venues = (await graphql(VENUES)).venues;
    page.append(element(`
        <form class="organizer narrow">
            <h1>New event</h1>
            <label>Venue <select name="venueId" required></select></label>
            <label>Name <input name="name" required maxlength="200"></label>
            <label>Starts at <input name="startsAt" type="datetime-local" required></label>
            <label>Sales open at <input name="salesStartAt" type="datetime-local">
                <small>Empty: on sale at once.</small></label>
            <fieldset class="prices"><legend>Prices</legend></fieldset>
            <label>Currency <select name="currency"><option>EUR</option><option>USD</option><option>GBP</option>
                <option>CHF</option></select></label>
            <label>Tickets per fan <input name="maxTicketsPerFan" type="number" min="1" max="1000" value="8" required>
                <small>Over all of a fan's reservations for this event.</small></label>
            <fieldset class="waiting"><legend>Flash sale</legend>
                <label class="check"><input type="checkbox" name="waitingRoom"> Fans queue in a waiting room</label>
                <label>Fans picking seats at once <input name="maxFansInFlow" type="number" min="1" value="1000"></label>
                <label>Fans let in per second <input name="admissionsPerSecond" type="number" min="1">
                    <small>Empty: as fast as seats and the cap allow.</small></label>
            </fieldset>
            <p class="problem" role="alert"></p>
            <p class="done" role="status"></p>
            <button type="submit" class="primary">Create event</button>
        </form>`));
    titled('New event');
    const form = page.querySelector('form');
    const select = form.querySelector('select[name=venueId]');
    select.append(...venues.map(venue =>
        tag('option', `${venue.name}, ${venue.city} (${venue.seatCount.toLocaleString()} seats)`, {value: venue.id})));
    const showPrices = () => {
        const venue = venues.find(v => v.id === select.value);
        const categories = [...new Set(venue ? venue.sections.map(s => s.category) : [])].sort();
        form.querySelector('.prices').replaceChildren(tag('legend', 'Prices'), ...categories.map(category => {
            const label = element(`<label><span></span> <input type="number" min="0" step="0.01" required
                inputmode="decimal"></label>`);
            label.querySelector('span').textContent = category;
            label.querySelector('input').name = `price:${category}`;
            return label;
        }));
    };
    select.addEventListener('change', showPrices);
    showPrices();
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const fields = new FormData(form);
        const prices = {};
        for (const [name, value] of fields) {
            if (name.startsWith('price:')) {
                prices[name.slice(6)] = {amount: Number(value).toFixed(2), currency: fields.get('currency')};
            }
        }
        const instant = name => fields.get(name) ? new Date(fields.get(name)).toISOString() : undefined;
        const waitingRoom = fields.get('waitingRoom') === 'on';
        const number = name => waitingRoom && fields.get(name) ? Number(fields.get(name)) : undefined;
        form.querySelector('.problem').textContent = '';
        try {
            const created = await call('/api/events', {method: 'POST', body: {venueId: fields.get('venueId'),
                name: fields.get('name'), startsAt: instant('startsAt'), salesStartAt: instant('salesStartAt'),
                prices, maxTicketsPerFan: Number(fields.get('maxTicketsPerFan')), waitingRoom,
                maxFansInFlow: number('maxFansInFlow'),
                admissionsPerSecond: number('admissionsPerSecond')}});
            const done = form.querySelector('.done');
            done.replaceChildren('Event created. ',
                tag('a', 'See its seat map', {href: `#/events/${encodeURIComponent(created.eventId)}`}));
        } catch (error) {
            form.querySelector('.problem').textContent = explain(error);
        }
    });
}
