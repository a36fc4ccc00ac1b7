// Organizers (ADMIN): their events (#/organizer/events, one of them at #/organizer/events/<id>), a new venue in the
// editor (#/organizer/venues/new), and a new event at a venue (#/organizer), its times on the venue's clocks.

import {call, graphql, hasRole} from '../api.js';
import {fragmentQuery, requireSignIn, titled} from '../main.js';
import {element, tag} from '../dom.js';
import {explain} from '../words.js';
import {instantIn} from '../organizer/zoned-time.js';
import {clearFieldErrors, showFieldErrors} from '../organizer/field-errors.js';

const VENUES = '{ venues { id name city timeZone seatCount sections { category } } }';
/** A venue just created reaches browsing within a second or two: how often, and how long, to look for it. */
const VENUE_POLL_MS = 500;
const VENUE_POLLS = 20;

export async function render(page, subPage, signal) {
    if (!requireSignIn()) {
        return null;
    }
    if (!hasRole('ADMIN')) {
        page.append(element('<div class="message"><h1>Organize</h1><p>Only organizers can create events. ' +
            'Sign in with an organizer account.</p></div>'));
        titled('Organize');
        return null;
    }
    page.append(element(`<nav class="organizer-nav" aria-label="Organizer">
        <a href="#/organizer">New event</a> <a href="#/organizer/events">My events</a>
        <a href="#/organizer/venues/new">New venue</a></nav>`));
    const [, eventId] = subPage.match(/^events\/([^/]+)/) || [];
    if (eventId) {
        return (await import('../organizer/my-events.js')).renderEvent(page, eventId);
    }
    if (subPage.startsWith('events')) {
        return (await import('../organizer/my-events.js')).renderList(page);
    }
    if (subPage.startsWith('venues/new')) {
        return (await import('../organizer/venue-editor.js')).render(page);
    }
    return newEvent(page, fragmentQuery().get('venue'), signal);
}

/** The venues, once browsing has the one the organizer just created (when they came from the venue editor). */
async function venues(wanted, signal) {
    for (let poll = 0; ; poll++) {
        const all = (await graphql(VENUES)).venues;
        if (!wanted || all.some(venue => venue.id === wanted) || poll >= VENUE_POLLS || signal?.aborted) {
            return all;
        }
        await new Promise(resolve => setTimeout(resolve, VENUE_POLL_MS));
    }
}

async function newEvent(page, wantedVenue, signal) {
    const all = await venues(wantedVenue, signal);
    page.append(element(`
        <form class="organizer narrow" novalidate>
            <h1>New event</h1>
            <label>Venue <select name="venueId" required></select></label>
            <label>Name <input name="name" required maxlength="200"></label>
            <p class="field-error" data-field="name"></p>
            <label><span class="zoned">Starts at</span> <input name="startsAt" type="datetime-local" required></label>
            <p class="field-error" data-field="startsAt"></p>
            <label><span class="zoned">Sales open at</span> <input name="salesStartAt" type="datetime-local">
                <small>Empty: on sale at once.</small></label>
            <p class="field-error" data-field="salesStartAt"></p>
            <fieldset class="prices"><legend>Prices</legend></fieldset>
            <p class="field-error" data-field="prices"></p>
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
    const form = page.querySelector('form.organizer');
    const select = form.querySelector('select[name=venueId]');
    select.append(...all.map(venue =>
        tag('option', `${venue.name}, ${venue.city} (${venue.seatCount.toLocaleString()} seats)`, {value: venue.id})));
    if (wantedVenue && all.some(venue => venue.id === wantedVenue)) {
        select.value = wantedVenue;
    }
    const venue = () => all.find(v => v.id === select.value);
    const showVenue = () => {
        const categories = [...new Set(venue() ? venue().sections.map(s => s.category) : [])].sort();
        form.querySelector('.prices').replaceChildren(tag('legend', 'Prices'), ...categories.map(category => {
            const label = element(`<label><span></span> <input type="number" min="0" step="0.01" required
                inputmode="decimal"></label>`);
            label.querySelector('span').textContent = category;
            label.querySelector('input').name = `price:${category}`;
            return label;
        }));
        // the organizer enters the times of the venue's clocks, wherever they are
        const zone = venue()?.timeZone || 'UTC';
        form.querySelectorAll('.zoned').forEach(span =>
            span.textContent = `${span.textContent.replace(/ \(.*\)$/, '')} (${zone})`);
    };
    select.addEventListener('change', showVenue);
    showVenue();

    const button = form.querySelector('button[type=submit]');
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const fields = new FormData(form);
        const zone = venue()?.timeZone || 'UTC';
        const instant = name => fields.get(name) ? instantIn(fields.get(name), zone) : undefined;
        clearFieldErrors(form);
        form.querySelector('.done').textContent = '';
        const errors = dateErrors(instant('startsAt'), instant('salesStartAt'));
        if (!fields.get('name').trim()) {
            errors.push({field: 'name', message: 'Give the event a name.'});
        }
        if (errors.length) {
            sayErrors(form, errors);
            return;
        }
        const prices = {};
        for (const [name, value] of fields) {
            if (name.startsWith('price:')) {
                prices[name.slice(6)] = {amount: Number(value).toFixed(2), currency: fields.get('currency')};
            }
        }
        const waitingRoom = fields.get('waitingRoom') === 'on';
        const number = name => waitingRoom && fields.get(name) ? Number(fields.get(name)) : undefined;
        button.disabled = true; // one click, one event
        try {
            const created = await call('/api/events', {method: 'POST', body: {venueId: fields.get('venueId'),
                name: fields.get('name'), startsAt: instant('startsAt'), salesStartAt: instant('salesStartAt'),
                prices, maxTicketsPerFan: Number(fields.get('maxTicketsPerFan')), waitingRoom,
                maxFansInFlow: number('maxFansInFlow'),
                admissionsPerSecond: number('admissionsPerSecond')}});
            form.reset();
            showVenue();
            form.querySelector('.done').replaceChildren('Event created. ',
                tag('a', 'See its seat map', {href: `#/events/${encodeURIComponent(created.eventId)}`}), ' · ',
                tag('a', 'Manage its sales', {href: `#/organizer/events/${encodeURIComponent(created.eventId)}`}));
        } catch (error) {
            const errors = error.problem?.errors || [];
            sayErrors(form, errors);
            if (!errors.length) {
                form.querySelector('.problem').textContent = explain(error);
            }
        } finally {
            button.disabled = false;
        }
    });
    return null;
}

/** Sales open before the event starts, which is in the future. */
function dateErrors(startsAt, salesStartAt) {
    const errors = [];
    if (!startsAt) {
        errors.push({field: 'startsAt', message: 'When does it start?'});
    } else if (Date.parse(startsAt) <= Date.now()) {
        errors.push({field: 'startsAt', message: 'The event must start in the future.'});
    }
    if (startsAt && salesStartAt && Date.parse(salesStartAt) >= Date.parse(startsAt)) {
        errors.push({field: 'salesStartAt', message: 'Sales must open before the event starts.'});
    }
    return errors;
}

/** Each message beside its field ("FLOOR: …" beside the prices); the others above the button. */
function sayErrors(form, errors) {
    const unplaced = showFieldErrors(form, errors, {wordsOf: (field, message) =>
        field.startsWith('prices.') ? `${field.split('.')[1]}: ${message}` : message});
    if (unplaced.length) {
        form.querySelector('.problem').textContent =
            `Please check: ${unplaced.map(({field, message}) => `${field}: ${message}`).join('; ')}.`;
    }
}
