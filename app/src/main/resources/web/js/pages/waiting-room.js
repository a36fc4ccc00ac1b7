// An event's waiting room: the fan's place in line, updated without reloading, until they are let in.

import {call, serverNow, session} from '../api.js';
import {element} from '../dom.js';
import {explain, when} from '../words.js';

const POLL_MS = 2000;

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
            <p class="position-line"><span class="position"></span></p>
            <p class="hint">Keep this page open: it moves on by itself when it is your turn. Reloading or opening
                more tabs does not change your place.</p>
        </section>`);
    view.querySelector('h1').textContent = `${event.name}: waiting room`;
    view.querySelector('.event-when').textContent =
        `${when(event.startsAt)} · ${event.venue.name}, ${event.venue.city}`;
    page.replaceChildren(view);
    const state = view.querySelector('.waiting-state');
    const position = view.querySelector('.position');
    const path = `/api/events/${encodeURIComponent(event.id)}/waiting-room`;

    return new Promise(resolve => {
        let timer = null;
        const finish = result => {
            clearTimeout(timer);
            resolve(result);
        };
        signal.addEventListener('abort', () => finish(null));
        const show = status => {
            position.textContent = '';
            if (status.state === 'ADMITTED') {
                const admitted = {token: status.admissionToken, until: status.admittedUntil};
                localStorage.setItem(storageKey(event.id), JSON.stringify(admitted));
                finish(admitted);
                return true;
            }
            if (status.state === 'SOLD_OUT') {
                state.textContent = 'Sold out: every seat of this event has been sold.';
                view.querySelector('.hint').hidden = true;
                finish(null);
                return true;
            }
            if (status.state === 'WAITING_FOR_SALES') {
                state.textContent = `You are in the waiting room. When sales open (${when(status.salesOpenAt)}), ` +
                    'everyone here gets a random place in line: arriving earlier or refreshing gives no advantage.';
            } else {
                state.textContent = status.allSeatsHeld
                    ? 'All remaining seats are on hold by other fans right now. If their holds end, the line moves on.'
                    : 'You are in line. We let fans in as seats allow.';
                position.textContent = `Your place: ${status.position.toLocaleString()} of ` +
                    `${status.queueLength.toLocaleString()}` +
                    (status.estimatedWaitSeconds == null || status.allSeatsHeld ? ''
                        : ` · ${wait(status.estimatedWaitSeconds)}`);
            }
            return false;
        };
        const poll = async (join) => {
            let rejoin = join;
            try {
                const status = await call(path, {method: join ? 'POST' : 'GET'});
                // out of line (an admission unused until it ended): back in at the end, as at any arrival
                rejoin = status.state === 'NOT_IN_QUEUE';
                if (!rejoin && show(status)) {
                    return;
                }
            } catch (error) {
                state.textContent = explain(error);
            }
            if (!signal.aborted) {
                timer = setTimeout(() => poll(rejoin), rejoin ? 0 : POLL_MS);
            }
        };
        poll(true);
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
