// A live countdown on the server's clock: a hold's end, a waiting room's opening, the end of a fan's turn.

import {serverNow} from './api.js';
import {clock} from './words.js';

/**
 * Shows the time left until {@code until} (an ISO instant) in {@code box} ("4:32"), four times a second so that no
 * second is skipped; calls {@code tick} with the seconds left while there are some, and {@code end} once at zero.
 * Returns the interval's id, for clearInterval.
 */
export function countdown(box, until, {tick = () => {}, end = () => {}} = {}) {
    const endsAt = Date.parse(until);
    const update = () => {
        const seconds = Math.max(0, Math.ceil((endsAt - serverNow()) / 1000));
        box.textContent = clock(seconds);
        if (seconds > 0) {
            tick(seconds);
        } else {
            clearInterval(timer);
            end();
        }
    };
    const timer = setInterval(update, 250);
    update();
    return timer;
}
