// Times of an event in its venue's time zone (IANA, e.g. Europe/Paris), whatever the organizer's computer says, with
// the browser's own Intl: no library.

/** Every IANA zone the browser knows, with UTC. */
export function timeZones() {
    const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : ['Europe/Paris'];
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** The wall clock in {@code timeZone} at the instant {@code ms}, read as if it were UTC (milliseconds). */
function wallClockAsUtc(ms, timeZone) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {timeZone, hourCycle: 'h23', year: 'numeric',
        month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'})
        .formatToParts(new Date(ms)).map(part => [part.type, Number(part.value)]));
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/**
 * The ISO instant of a datetime-local value ("2031-07-14T21:00") on the wall clocks of {@code timeZone}. The zone's
 * offset is learnt at a first guess and checked at the answer, which settles the days its clocks change.
 */
export function instantIn(local, timeZone) {
    const [date, time] = local.split('T');
    const [year, month, day] = date.split('-').map(Number);
    const [hour, minute] = time.split(':').map(Number);
    const asUtc = Date.UTC(year, month - 1, day, hour, minute);
    const guess = asUtc - (wallClockAsUtc(asUtc, timeZone) - asUtc);
    return new Date(asUtc - (wallClockAsUtc(guess, timeZone) - guess)).toISOString();
}
