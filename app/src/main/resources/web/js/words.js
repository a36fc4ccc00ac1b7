// What fans read: money, dates, seat names, and every refusal of the API in plain words.

/** A price as the viewer's language writes it: €65.00 in English, 65,00 € in French, ¥4,500 in Japanese. */
export function money(price) {
    return currency(price.currency).format(Number(price.amount));
}

/** "€45.00 – €89.00": one currency's range. */
export function moneyRange(min, max) {
    return currency(min.currency).formatRange(Number(min.amount), Number(max.amount));
}

/** "€69" for 69.00 EUR, "€69.50" for 69.50: where a label has little room. */
export function shortMoney(price) {
    const whole = Number(price.amount) % 1 === 0;
    return new Intl.NumberFormat(undefined, {style: 'currency', currency: price.currency,
        currencyDisplay: 'narrowSymbol', minimumFractionDigits: whole ? 0 : undefined}).format(Number(price.amount));
}

/** One formatter per currency: the seat map says a price for every seat the keyboard reaches. */
const currencyFormats = new Map();

function currency(code) {
    if (!currencyFormats.has(code)) {
        currencyFormats.set(code, new Intl.NumberFormat(undefined, {style: 'currency', currency: code}));
    }
    return currencyFormats.get(code);
}

/**
 * A moment as the venue's clock shows it, labelled with its zone, in the viewer's language: a 21:00 show in Lyon
 * reads "9:00 PM CET" to a fan in New York, on the page and on the ticket. Without a zone, the viewer's own.
 */
export function when(iso, timeZone) {
    const date = new Date(iso);
    const time = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short', timeZone})
        .format(date);
    return timeZone ? `${time} ${zoneName(date, timeZone)}` : time;
}

/** The zone's abbreviation where one is in common use (CET, EST), else its offset (GMT+9). */
function zoneName(date, timeZone) {
    const name = locale => new Intl.DateTimeFormat(locale, {timeZone, timeZoneName: 'short'})
        .formatToParts(date).find(part => part.type === 'timeZoneName').value;
    const own = name(undefined);
    return own.startsWith('GMT') || own.startsWith('UTC') ? name('en-GB') : own;
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

/** Whole seconds left as a clock reads: "4:32", or "1:04:32" from an hour on. */
export function clock(seconds) {
    const two = n => String(n).padStart(2, '0');
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor(seconds / 60) % 60;
    return hours ? `${hours}:${two(minutes)}:${two(seconds % 60)}` : `${minutes}:${two(seconds % 60)}`;
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
    'seat-shard-unavailable': 'These seats cannot be sold for a moment, so nothing was held. Seats in other sections ' +
        'are still on sale, and these will be again shortly.',
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

/**
 * What a new account's username and password must be, said the same way in the sign-up page's hints and when the
 * server refuses one (its refusal names the field; the fan reads the rule, not the server's wording).
 */
export const ACCOUNT_RULES = {
    username: 'A username has 3 to 64 characters: lower-case letters, digits and . _ @ -, ' +
        'starting with a letter or a digit.',
    password: 'A password has 10 to 128 characters; spaces are fine. It must not contain your username ' +
        'or be one of the passwords everyone uses.',
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
    if (error.type === 'invalid-request' && error.problem?.buckets) {
        const parts = Object.keys(error.problem.buckets);
        return `These seats are in different parts of the venue (${parts.join(', ')}), which are sold separately. ` +
            'Please hold the seats of one part at a time.';
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
