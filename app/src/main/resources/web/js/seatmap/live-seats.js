// An event's seat changes as they happen (Server-Sent Events), with what to do when the stream breaks.

import {call} from '../api.js';

const REOPEN_AFTER_MS = [1000, 2000, 5000, 10000, 30000];

export class LiveSeats {

    /** Starts listening at once; changes wait in a buffer until attach() says where they go. */
    constructor(eventId) {
        this.eventId = eventId;
        this.buffer = [];
        this.handlers = null;
        this.failures = 0;
        // settled once the stream is open (or could not open soon): a snapshot taken after it misses nothing
        this.opened = new Promise(resolve => {
            this.markOpened = resolve;
            setTimeout(resolve, 1500);
        });
        this.open();
    }

    /** handlers: changes(list), snapshot(availability) when the stream says to start over, state(words). */
    attach(handlers) {
        this.handlers = handlers;
        const buffered = this.buffer.flat();
        this.buffer = [];
        if (buffered.length) {
            handlers.changes(buffered);
        }
        handlers.state(this.connected ? 'Live: seats update as fans buy them.' : 'Connecting to live updates…');
    }

    /** A stream opened after a broken one starts with nothing: the seats' state then comes from a new snapshot. */
    open(afterBreak = false) {
        const source = new EventSource(`/api/events/${encodeURIComponent(this.eventId)}/seat-updates`);
        this.source = source;
        source.addEventListener('open', () => {
            this.markOpened();
            this.connected = true;
            this.failures = 0;
            this.handlers?.state('Live: seats update as fans buy them.');
            if (afterBreak) {
                this.refetch();
            }
            // a stream the browser reconnects by itself sends Last-Event-ID and is resumed where it stopped
            afterBreak = false;
        });
        source.addEventListener('seats', message => {
            const changes = JSON.parse(message.data).changes;
            this.handlers ? this.handlers.changes(changes) : this.buffer.push(changes);
        });
        // the server no longer remembers as far back as this stream: start from a fresh snapshot
        source.addEventListener('refetch', () => this.refetch());
        source.addEventListener('error', () => {
            this.markOpened();
            this.connected = false;
            this.handlers?.state('Live updates paused, reconnecting… The map may be out of date.');
            if (source.readyState === EventSource.CLOSED && !this.closed) {
                // the browser gave up on this stream (it retries by itself otherwise): open a new one, slower each time
                const wait = REOPEN_AFTER_MS[Math.min(this.failures++, REOPEN_AFTER_MS.length - 1)];
                this.timer = setTimeout(() => this.closed || this.open(true), wait);
            } else {
                this.failures++;
            }
        });
    }

    async refetch() {
        if (!this.handlers) {
            return; // the page has not drawn its snapshot yet: that one is newer anyway
        }
        try {
            this.handlers.snapshot(await call(`/api/events/${encodeURIComponent(this.eventId)}/availability`));
        } catch {
            // the next change or reconnect brings it back
        }
    }

    close() {
        this.closed = true;
        clearTimeout(this.timer);
        this.source?.close();
    }
}
