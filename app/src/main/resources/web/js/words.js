// What fans read: money, dates, seat names, and every refusal of the API in plain words.

export function money(price) {
    return `${price.amount} ${price.currency}`;
}

export function when(iso) {
    return new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(iso));
}

/** "Section 101, row 3, seat 12" (the section's own name, which may already say "Section"). */
export function seatName(section, row, number) {
    return `${section}, row ${row}, seat ${number}`;
}

/** Seat id -> "Section A, row 3, seat 12" for every seat of a venue's layout. */
export function seatNames(venue) {
    const names = new Map();
    for (const section of venue.sections) {
        for (const row of section.rows) {
            for (const seat of row.seats) {
                names.set(`${section.id}-${row.label}-${seat.number}`, seatName(section.name, row.label, seat.number));
            }
        }
    }
    return names;
}

export function list(names) {
    return names.length <= 1 ? names.join('')
        : `${names.slice(0, -1).join('; ')} and ${names[names.length - 1]}`;
}

const SAID = {
    'seats-unavailable': 'Sorry, someone else just took some of these seats. They are no longer in your selection.',
    'no-seats-together': 'Sorry, there are no seats together left for that many people there. ' +
        'Try fewer seats or another area.',
    'sales-not-open': 'Sales for this event have not opened yet.',
    'sales-paused': 'The organizer has paused sales for a moment, so nothing was held. Please try again a little later.',
    'sales-closed': 'Sales for this event have closed, so nothing was held.',
    'sales-open': 'Sales have opened, so the event can no longer be changed.',
    'sales-scheduled': 'Sales have not opened yet, so they cannot be paused.',
    'reservation-not-payable': 'Your hold has ended, so it can no longer be paid. The seats went back on sale.',
    'reservation-not-cancellable': 'This reservation can no longer be cancelled.',
    'reservation-not-found': 'We could not find this reservation. Is it yours?',
    'event-not-found': 'We could not find this event.',
    'venue-not-found': 'We could not find this venue.',
    'payment-not-open': 'This payment is already settled.',
    'try-again': 'We are very busy right now. Please try again in a moment.',
    'unauthorized': 'Please sign in first.',
    'invalid-credentials': 'The username or the password is wrong.',
    'username-taken': 'This username is taken. Please choose another one.',
    'invalid-refresh-token': 'Your session has ended. Please sign in again.',
    'request-too-large': 'That is more than we can take in one go.',
    'forbidden': 'Your account is not allowed to do this.',
    'offline': 'We cannot reach Boxoffice. Check your connection and try again.',
};

/** A sentence for an ApiError (or any error): never raw JSON, never a stack trace. */
export function explain(error) {
    if (error.type === 'rate-limited') {
        const seconds = Number(error.problem?.retryAfterSeconds) || 60;
        return `Too many attempts. Please wait ${seconds < 90 ? `${seconds} seconds`
            : `${Math.ceil(seconds / 60)} minutes`} and try again.`;
    }
    if (error.type === 'ticket-limit-reached') {
        const limit = error.problem?.maxTicketsPerFan;
        const have = error.problem?.ticketsHeldOrOwned;
        return `This event allows ${limit} tickets per fan, and you already hold or own ${have}.` +
            (have < limit ? ` You can add ${limit - have} more.` : '');
    }
    if (SAID[error.type]) {
        return SAID[error.type];
    }
    if (error.type === 'invalid-request') {
        const fields = (error.problem?.errors || []).map(e => `${e.field}: ${e.message}`);
        return fields.length ? `Please check: ${fields.join('; ')}.` : 'Please check what you entered.';
    }
    if (error.status >= 500 || !error.status) {
        return 'Something went wrong on our side. Please try again.';
    }
    return error.problem?.title ? `${error.problem.title}.` : 'That did not work. Please try again.';
}
