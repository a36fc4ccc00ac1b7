// An event's waiting room: the fan's place in line, updated without reloading, until they are let in.

import {call, serverNow, session} from '../api.js';
import {countdown} from '../countdown.js';
import {element} from '../dom.js';
import {titled} from '../main.js';
import {explain, when} from '../words.js';

/**
 * When to look at the line again: every 2 s near the front, less often the further back (a third of the expected
 * wait, at most every 20 s), so that a crowd's checks stay within what the edge and the origin serve.
 */
function nextLook(mine, line) {
    if (mine?.state === 'NOT_IN_QUEUE') {
        return 0;
    }
    const ahead = mine?.place == null || line == null ? 0 : mine.place - line.nowServing;
    const seconds = ahead / Math.max(line?.admissionsPerSecond ?? 0, 1) / 3;
    return 1000 * Math.min(20, Math.max(2, seconds));
}

function storageKey(eventId) {
    return `boxoffice.admission.${session()?.username}.${eventId}`;
}

/** The fan's admission to this event that is still good for a while, if any (shared by the fan's tabs). */
export function storedAdmission(eventId) {
    try {
        const stored = JSON.parse(localStorage.getItem(storageKey(eventId)));
        return stored && Date.parse(stored.until) - serverNow() > 5000 ? stored : null;
    } catch {
        return null;
    }
}

export function forgetAdmission(eventId) {
    localStorage.removeItem(storageKey(eventId));
}

/**
 * Shows the waiting room until the fan is let in; resolves with their admission ({token, until}), or null when the
 * event sells out or the fan leaves the page.
 */
export function admission(page, event, signal) {
    const view = element(`
        <section class="waiting-room" aria-labelledby="waiting-title">
            <h1 id="waiting-title"></h1>
            <p class="event-when"></p>
            <div class="waiting-state message" role="status" aria-live="polite"></div>
            <p class="opening" hidden>Sales open in <span class="opening-left" role="timer"></span></p>
            <p class="position-line"><span class="position"></span></p>
            <p class="hint">Keep this page open: it moves on by itself when it is your turn. Reloading or opening
                more tabs does not change your place.</p>
        </section>`);
    view.querySelector('h1').textContent = `${event.name}: waiting room`;
    view.querySelector('.event-when').textContent =
        `${when(event.startsAt, event.venue.timeZone)} · ${event.venue.name}, ${event.venue.city}`;
    page.replaceChildren(view);
    titled('Waiting room', event.name);
    const state = view.querySelector('.waiting-state');
    const position = view.querySelector('.position');
    const opening = view.querySelector('.opening');
    // the same words on every look are not news: a screen reader hears the status only when it changes
    const say = words => {
        if (state.textContent !== words) {
            state.textContent = words;
        }
    };
    const path = `/api/events/${encodeURIComponent(event.id)}/waiting-room`;

    return new Promise(resolve => {
        let timer = null;
        let openingTimer = null;
        const finish = result => {
            clearTimeout(timer);
            clearInterval(openingTimer);
            resolve(result);
        };
        signal.addEventListener('abort', () => finish(null));
        const soldOut = () => {
            say('Sold out: every seat of this event has been sold.');
            opening.hidden = true;
            position.textContent = '';
            view.querySelector('.hint').hidden = true;
            finish(null);
        };
        /** "Sales open in 4:32", counting down to the opening; null hides it. */
        const showOpening = salesOpenAt => {
            if (salesOpenAt === null) {
                clearInterval(openingTimer);
                opening.hidden = true;
            } else if (openingTimer === null) {
                opening.hidden = false;
                openingTimer = countdown(opening.querySelector('.opening-left'), salesOpenAt, {
                    end: () => opening.hidden = true,
                });
            }
        };
        const show = (mine, line) => {
            if (line.state === 'WAITING_FOR_SALES' || mine.place == null) {
                const opensLater = line.salesOpenAt != null && Date.parse(line.salesOpenAt) > serverNow();
                showOpening(opensLater ? line.salesOpenAt : null);
                say(opensLater
                    ? `You are in the waiting room. When sales open (${when(line.salesOpenAt, event.venue.timeZone)}), ` +
                      'everyone here gets a random place in line: arriving earlier or refreshing gives no advantage.'
                    : 'Sales are opening: everyone in the waiting room gets a random place in line now.');
                position.textContent = line.queued > 1 ? `${line.queued.toLocaleString()} fans are waiting.` : '';
                return;
            }
            showOpening(null);
            say(line.allSeatsHeld
                ? 'All remaining seats are on hold by other fans right now. If their holds end, the line moves on.'
                : 'You are in line. We let fans in as seats allow.');
            const ahead = Math.max(0, mine.place - line.nowServing - 1);
            // next in line yet not let in: the fans picking seats fill the event's cap, or hold every seat left
            const standing = ahead === 0
                ? `You're next, waiting for a free ${line.allSeatsHeld ? 'seat' : 'place'}`
                : `${ahead.toLocaleString()} ${ahead === 1 ? 'fan' : 'fans'} ahead of you` +
                  (line.admissionsPerSecond > 0 && !line.allSeatsHeld
                      ? ` · ${wait(ahead / line.admissionsPerSecond)}` : '');
            position.textContent = `Your number: ${mine.place.toLocaleString()} · ${standing}`;
        };
        // The fan asks about themselves only to join, to learn their number after the draw and when it comes up;
        // in between they follow the line, which is the same for everyone and may come from a cache.
        let mine = null;
        let line = null;
        const step = async () => {
            if (mine === null || mine.state === 'NOT_IN_QUEUE') {
                // first time, or out of line (an admission unused until it ended): in at the end, as any arrival
                mine = await call(path, {method: 'POST'});
            }
            line = await call(`${path}/line`, {anonymous: true});
            if (mine.state !== 'ADMITTED' && line.state !== 'WAITING_FOR_SALES'
                && (mine.place == null || line.nowServing >= mine.place)) {
                mine = await call(path);
            }
            if (mine.state === 'ADMITTED') {
                const admitted = {token: mine.admissionToken, until: mine.admittedUntil};
                localStorage.setItem(storageKey(event.id), JSON.stringify(admitted));
                finish(admitted);
                return true;
            }
            if (mine.state === 'SOLD_OUT' || line.state === 'SOLD_OUT') {
                soldOut();
                return true;
            }
            show(mine, line);
            return false;
        };
        const poll = async () => {
            try {
                if (await step()) {
                    return;
                }
            } catch (error) {
                say(explain(error));
            }
            if (!signal.aborted) {
                timer = setTimeout(poll, nextLook(mine, line));
            }
        };
        poll();
    });
}

/** The estimate in words, from the pace at which fans were let in lately. */
function wait(seconds) {
    if (seconds < 60) {
        return 'less than a minute to go';
    }
    const minutes = Math.round(seconds / 60);
    return minutes < 90 ? `about ${minutes} minute${minutes === 1 ? '' : 's'} to go`
        : `about ${Math.round(minutes / 60)} hours to go`;
}
