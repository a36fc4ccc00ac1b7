// Talking to the Boxoffice API: the signed-in fan's token, problem+json errors, and the server's clock.

const SESSION_KEY = 'boxoffice.session';

/** Settings the server put into the page (limits and how sign-in works). */
export const settings = JSON.parse(document.getElementById('boxoffice-settings').textContent);

/** A refused or failed call: the HTTP status and the RFC 9457 problem the API answered with. */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem.detail || problem.title || `HTTP ${status}`);
        this.status = status;
        this.problem = problem;
        // "/problems/seats-unavailable" -> "seats-unavailable"
        this.type = String(problem.type || '').split('/').pop() || `http-${status}`;
    }
}

// ---- the server's clock: hold countdowns must agree with the server, not with a fan's wrong clock ----

let clockOffsetMs = 0;

function learnClock(method, response) {
    // only answers made just now: one from the browser's cache carries the Date of when it was first fetched
    const fresh = method !== 'GET' || /no-store|no-cache/.test(response.headers.get('Cache-Control') || '');
    const date = Date.parse(response.headers.get('Date') || '');
    if (!fresh || Number.isNaN(date)) {
        return;
    }
    // the header has whole seconds: a difference under 1.5 s is its rounding, not a wrong clock
    const offset = date + 500 - Date.now();
    clockOffsetMs = Math.abs(offset) > 1500 ? offset : 0;
}

/** Milliseconds since the epoch on the server's clock. */
export function serverNow() {
    return Date.now() + clockOffsetMs;
}

// ---- the signed-in fan ----

/** The current session ({token, username, roles, expiresAt}) or null. */
export function session() {
    try {
        const stored = JSON.parse(localStorage.getItem(SESSION_KEY));
        return stored && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
    } catch {
        return null;
    }
}

export async function signIn(username) {
    const issued = await call('/api/auth/token', {method: 'POST', body: {username}});
    const claims = JSON.parse(atob(issued.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    const signedIn = {token: issued.token, username: claims.sub, roles: claims.roles || [], expiresAt: issued.expiresAt};
    localStorage.setItem(SESSION_KEY, JSON.stringify(signedIn));
    window.dispatchEvent(new Event('sessionchange'));
    return signedIn;
}

export function signOut() {
    localStorage.removeItem(SESSION_KEY);
    window.dispatchEvent(new Event('sessionchange'));
}

export function hasRole(role) {
    return (session()?.roles || []).includes(role);
}

// ---- calls ----

/**
 * One JSON call. Resolves with the parsed body (null when empty); rejects with an ApiError carrying the problem,
 * or a problem of type "offline" when the server cannot be reached. {@code anonymous} calls go without the fan's
 * token: the same request for everyone, which shared caches (a CDN) may answer.
 */
export async function call(path, {method = 'GET', body, headers = {}, anonymous = false} = {}) {
    const request = {method, headers: {Accept: 'application/json, application/problem+json', ...headers}};
    const token = anonymous ? null : session()?.token;
    if (token) {
        request.headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
        request.headers['Content-Type'] = 'application/json';
        request.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(path, request);
    } catch {
        throw new ApiError(0, {type: '/problems/offline', title: 'No connection'});
    }
    learnClock(method, response);
    const text = await response.text();
    let parsed = null;
    try {
        parsed = text ? JSON.parse(text) : null;
    } catch {
        parsed = {title: text.slice(0, 200)};
    }
    if (response.status === 401 && token) {
        signOut(); // the token expired or the server's key changed: ask the fan to sign in again
    }
    if (!response.ok) {
        throw new ApiError(response.status, parsed || {});
    }
    return parsed;
}

/** A GraphQL query's data; an ApiError when the server reports errors. */
export async function graphql(query, variables = {}) {
    const answer = await call('/graphql', {method: 'POST', body: {query, variables}});
    if (answer.errors?.length) {
        const first = answer.errors[0];
        throw new ApiError(200, {type: `/problems/${(first.extensions?.classification || 'graphql').toLowerCase()}`,
            title: first.message});
    }
    return answer.data;
}
