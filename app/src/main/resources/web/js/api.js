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

// ---- the signed-in fan: an access token for minutes, renewed with the session's refresh token ----

function stored() {
    try {
        const value = JSON.parse(localStorage.getItem(SESSION_KEY));
        return value && value.refreshToken ? value : null;
    } catch {
        return null;
    }
}

function remember(issued) {
    const claims = JSON.parse(atob(issued.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    const signedIn = {token: issued.token, refreshToken: issued.refreshToken, username: claims.sub,
        roles: claims.roles || [], expiresAt: issued.expiresAt};
    localStorage.setItem(SESSION_KEY, JSON.stringify(signedIn));
    window.dispatchEvent(new Event('sessionchange'));
    return signedIn;
}

function forget() {
    localStorage.removeItem(SESSION_KEY);
    window.dispatchEvent(new Event('sessionchange'));
}

/** The signed-in fan ({token, refreshToken, username, roles, expiresAt}) or null. */
export function session() {
    return stored();
}

export async function signIn(username, password) {
    return remember(await call('/api/auth/token', {method: 'POST', body: {username, password}, anonymous: true}));
}

/** A new fan account, signed in at once. */
export async function signUp(username, password) {
    return remember(await call('/api/auth/accounts', {method: 'POST', body: {username, password}, anonymous: true}));
}

/** Ends the session on the server too, so that its tokens stop working everywhere. */
export async function signOut() {
    const current = stored();
    forget();
    if (current) {
        await fetch('/api/auth/sign-out', {method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({refreshToken: current.refreshToken})}).catch(() => {});
    }
}

export function hasRole(role) {
    return (session()?.roles || []).includes(role);
}

const expiresSoon = current => Date.parse(current.expiresAt) - Date.now() < 30_000;

/**
 * A new access token for the session. Tabs take turns (Web Locks), so that two tabs never spend the same refresh
 * token: the server would take that for a stolen one and end the session.
 */
async function renewed(stale) {
    const renew = async () => {
        const current = stored();
        if (!current || (current.token !== stale.token && !expiresSoon(current))) {
            return current; // signed out meanwhile, or another tab renewed it
        }
        try {
            return remember(await call('/api/auth/refresh',
                {method: 'POST', body: {refreshToken: current.refreshToken}, anonymous: true}));
        } catch (error) {
            if (error.status === 401) {
                forget(); // the session ended (signed out elsewhere, revoked): sign in again
                return null;
            }
            throw error;
        }
    };
    return navigator.locks ? navigator.locks.request('boxoffice.session', renew) : renew();
}

async function currentToken() {
    let current = stored();
    if (current && expiresSoon(current)) {
        current = await renewed(current);
    }
    return current?.token || null;
}

// ---- calls ----

/**
 * One JSON call. Resolves with the parsed body (null when empty); rejects with an ApiError carrying the problem,
 * or a problem of type "offline" when the server cannot be reached. {@code anonymous} calls go without the fan's
 * token: the same request for everyone, which shared caches (a CDN) may answer.
 */
export async function call(path, {method = 'GET', body, headers = {}, anonymous = false, retried = false} = {}) {
    const request = {method, headers: {Accept: 'application/json, application/problem+json', ...headers}};
    const token = anonymous ? null : await currentToken();
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
    if (response.status === 401 && token && !retried) {
        // refused although fresh (revoked, the server's key changed): renew once, or the fan signs in again
        const current = stored();
        if (current && await renewed(current)) {
            return call(path, {method, body, headers, anonymous, retried: true});
        }
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
