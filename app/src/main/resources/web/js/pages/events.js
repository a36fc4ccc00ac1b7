// Events: on sale or coming, soonest first, searchable by text, city and dates.

import {graphql} from '../api.js';
import {money, moneyRange, when} from '../words.js';
import {element} from '../dom.js';
import {titled} from '../main.js';

const EVENTS = `query($text: String, $city: String, $from: String, $to: String, $after: String) {
  events(text: $text, city: $city, from: $from, to: $to, first: 12, after: $after) {
    edges { node { id name startsAt salesStartAt venue { name city timeZone }
                   priceRange { min { amount currency } max { amount currency } } counts { available } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export async function render(page) {
    page.append(element(`
        <h1>Events</h1>
        <form class="search" role="search">
            <label>Search <input name="text" type="search" placeholder="Event or venue"></label>
            <label>City <input name="city" autocomplete="address-level2"></label>
            <label>From <input name="from" type="date"></label>
            <label>To <input name="to" type="date"></label>
            <button type="submit">Search</button>
        </form>
        <p class="result-count" aria-live="polite"></p>
        <ul class="event-list"></ul>
        <button type="button" class="more" hidden>More events</button>`));
    titled('Events');
    const form = page.querySelector('form');
    const list = page.querySelector('.event-list');
    const more = page.querySelector('.more');
    const count = page.querySelector('.result-count');
    let cursor = null;

    async function load(append) {
        const fields = new FormData(form);
        const day = (name, endOfDay) => fields.get(name)
            ? new Date(`${fields.get(name)}T${endOfDay ? '23:59:59' : '00:00:00'}`).toISOString() : null;
        const data = await graphql(EVENTS, {text: fields.get('text') || null, city: fields.get('city') || null,
            from: day('from', false), to: day('to', true), after: append ? cursor : null});
        const events = data.events;
        if (!append) {
            list.replaceChildren();
        }
        list.append(...events.edges.map(edge => card(edge.node)));
        cursor = events.pageInfo.endCursor;
        more.hidden = !events.pageInfo.hasNextPage;
        count.textContent = list.children.length ? '' : 'No events match your search.';
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        load(false);
    });
    more.addEventListener('click', () => load(true));
    await load(false);
}

function card(event) {
    const range = event.priceRange;
    const prices = range.min.amount === range.max.amount ? money(range.min)
        : moneyRange(range.min, range.max);
    const left = event.counts.available;
    const item = element(`
        <li class="event-card">
            <a class="event-name"></a>
            <p class="event-when"></p>
            <p class="event-where"></p>
            <p class="event-facts"><span class="prices"></span> · <span class="left"></span></p>
        </li>`);
    const link = item.querySelector('a');
    link.href = `#/events/${encodeURIComponent(event.id)}`;
    link.textContent = event.name;
    item.querySelector('.event-when').textContent = when(event.startsAt, event.venue.timeZone);
    item.querySelector('.event-where').textContent = `${event.venue.name}, ${event.venue.city}`;
    item.querySelector('.prices').textContent = prices;
    item.querySelector('.left').textContent = left === 0 ? 'Sold out'
        : `${left.toLocaleString()} seat${left === 1 ? '' : 's'} left`;
    if (event.salesStartAt && Date.parse(event.salesStartAt) > Date.now()) {
        item.querySelector('.left').textContent = `On sale ${when(event.salesStartAt, event.venue.timeZone)}`;
    }
    return item;
}
