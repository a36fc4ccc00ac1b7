// The single page: a router over the URL's fragment (#/events/..., #/reservations/...), the header, the notices.

import {hasRole, session, signOut} from './api.js';
import {explain} from './words.js';

const ROUTES = [
    [/^#?\/?$/, () => import('./pages/events.js')],
    [/^#\/events\/([^/?]+)/, () => import('./pages/event.js')],
    [/^#\/reservations\/([^/?]+)/, () => import('./pages/reservation.js')],
    [/^#\/me/, () => import('./pages/my-reservations.js')],
    [/^#\/(sign-in|sign-up)/, () => import('./pages/sign-in.js')],
    [/^#\/organizer\/?([^?]*)/, () => import('./pages/organizer.js')],
];

const page = document.getElementById('page');
let leaveCurrent = () => {};
let navigation = 0;
// the first page of a visit leaves focus where the browser puts it; after that, each page's heading takes it
let focusHeading = false;

/** The query part of the fragment: "#/sign-in?next=..." -> URLSearchParams. */
export function fragmentQuery() {
    const hash = location.hash;
    return new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
}

export function go(fragment) {
    location.hash = fragment;
}

/** Sends a fan who is not signed in to the sign-in page, and back here afterwards. */
export function requireSignIn() {
    if (session()) {
        return true;
    }
    go(`#/sign-in?next=${encodeURIComponent(location.hash || '#/')}`);
    return false;
}

/**
 * Names the page in the tab's title ("Events · Boxoffice") and, after a client-side navigation, moves focus to
 * its main heading: a screen reader then announces the new page instead of staying silent on the link that led
 * there, and Tab goes on from the top of the page.
 */
export function titled(...names) {
    document.title = [...names, 'Boxoffice'].join(' · ');
    const heading = page.querySelector('h1');
    if (heading) {
        heading.tabIndex = -1;
        if (focusHeading) {
            heading.focus();
        }
    }
}

/** A short message in the corner, read out by screen readers. */
export function toast(message) {
    const box = document.getElementById('toast');
    box.textContent = message;
    box.classList.add('shown');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => box.classList.remove('shown'), 6000);
}

async function route() {
    const current = ++navigation;
    focusHeading = current > 1;
    leaveCurrent();
    leaveCurrent = () => {};
    const [pattern, load] = ROUTES.find(([pattern]) => pattern.test(location.hash)) || ROUTES[0];
    const params = location.hash.match(pattern)?.slice(1).map(decodeURIComponent) || [];
    // a page that waits (a waiting room) learns through the signal that the fan went elsewhere meanwhile
    const leaving = new AbortController();
    leaveCurrent = () => leaving.abort();
    try {
        const module = await load();
        if (current !== navigation) {
            return;
        }
        page.replaceChildren();
        const cleanUp = await module.render(page, ...params, leaving.signal);
        if (current !== navigation) {
            cleanUp?.(); // the fan moved on while this page was still loading
            return;
        }
        leaveCurrent = () => {
            leaving.abort();
            cleanUp?.();
        };
    } catch (error) {
        if (leaving.signal.aborted) {
            return;
        }
        console.error(error);
        page.innerHTML = '<div class="message error"><h1>This page could not be shown</h1><p></p><p><a href="#/">Back to events</a></p></div>';
        page.querySelector('p').textContent = explain(error);
        titled('This page could not be shown');
    }
}

function showSession() {
    const current = session();
    document.getElementById('who').textContent = current ? current.username : '';
    document.getElementById('sign-in-link').hidden = !!current;
    document.getElementById('sign-out').hidden = !current;
    document.getElementById('nav-organizer').hidden = !hasRole('ADMIN');
}

document.getElementById('sign-out').addEventListener('click', async () => {
    await signOut();
    go('#/');
});
document.getElementById('skip').addEventListener('click', () => page.focus());
window.addEventListener('sessionchange', showSession);
window.addEventListener('storage', showSession);
window.addEventListener('hashchange', route);
/** Shows the current route again from scratch (after the page's state went stale). */
export function reload() {
    route();
}
showSession();
route();
