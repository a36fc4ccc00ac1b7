// <seat-map>: a venue's seats drawn on one canvas from their coordinates, with live availability, zoom and pan,
// mouse, touch and keyboard selection. A canvas rather than one element per seat keeps a 20,000-seat arena smooth;
// a single focusable button that moves from seat to seat gives keyboard and screen-reader users every seat.

import {convexHull, seatSpacing, SeatGrid} from './geometry.js';
import {money, seatName} from '../words.js';

const AVAILABLE = 0;
const HELD = 1;
const SOLD = 2;
/** Held back by the organizer (a house seat): taken for fans until it is returned to sale. */
const HOUSE = 3;
const STATUS_CODES = {AVAILABLE, HELD, SOLD, HOUSE};
const STATUS_NAMES = ['AVAILABLE', 'HELD', 'SOLD', 'HOUSE'];
const STATUS_WORDS = ['available', 'on hold', 'sold', 'not for sale'];

/** Categories get these colours in the order of their price, cheapest first (distinct for colour-blind eyes). */
const CATEGORY_COLOURS = ['#3b6fd8', '#0f9d76', '#c5621a', '#8e44c9', '#b88a00', '#d0427a', '#13849a'];
export const HELD_COLOUR = '#c9ccd3';
export const SOLD_COLOUR = '#555b66';
export const HOUSE_COLOUR = '#8a6a45';
export const SELECTED_COLOUR = '#ffb000';

/** Below this seat radius in screen pixels, sections are drawn as shapes rather than seat by seat. */
const SHAPES_BELOW_PX = 1.1;
/** From this radius on, seat numbers are written in the seats. */
const NUMBERS_FROM_PX = 9;
/** The radius a seat gets when the keyboard moves onto it while the map is zoomed far out. */
const KEYBOARD_ZOOM_PX = 11;

export class SeatMap extends HTMLElement {

    connectedCallback() {
        if (this.canvas) {
            return;
        }
        this.innerHTML = `
            <div class="seat-map-tools" role="group" aria-label="Zoom">
                <button type="button" data-zoom="in" aria-label="Zoom in">+</button>
                <button type="button" data-zoom="out" aria-label="Zoom out">−</button>
                <button type="button" data-zoom="fit">Whole venue</button>
            </div>
            <canvas role="img"></canvas>
            <button type="button" class="seat-focus" aria-describedby="seat-map-help"></button>
            <p id="seat-map-help" class="visually-hidden">Arrow keys move between seats; Enter or Space selects
                or releases the seat; plus and minus zoom.</p>
            <div class="seat-tip" hidden></div>`;
        this.canvas = this.querySelector('canvas');
        this.focusButton = this.querySelector('.seat-focus');
        this.tip = this.querySelector('.seat-tip');
        this.context = this.canvas.getContext('2d', {alpha: false});
        this.pointers = new Map();
        this.drawRequested = false;
        this.measured = 0;
        this.listen();
        this.resizeObserver = new ResizeObserver(() => this.resize());
        this.resizeObserver.observe(this);
    }

    disconnectedCallback() {
        this.resizeObserver?.disconnect();
    }

    // ---------------------------------------------------------------- data

    /**
     * The venue's layout ({sections: [{id, name, category, rows: [{label, seats: [{number, x, y}]}]}]}), the
     * event's prices by category and the most seats one reservation may hold.
     */
    load(venue, prices, maxSelection, {selectsTakenSeats = false} = {}) {
        // an organizer picks house seats to return to sale, or held and sold ones to learn they cannot be withheld
        this.selectsTakenSeats = selectsTakenSeats;
        const sections = venue.sections;
        const count = sections.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.seats.length, 0), 0);
        this.ids = new Array(count);
        this.rowLabels = new Array(count);
        this.numbers = new Array(count);
        this.xs = new Float64Array(count);
        this.ys = new Float64Array(count);
        this.sectionOf = new Uint16Array(count);
        this.status = new Uint8Array(count);
        this.indexById = new Map();
        this.selected = new Set();
        this.maxSelection = maxSelection;
        this.prices = prices;
        const categories = [...new Set(sections.map(s => s.category))]
            .sort((a, b) => Number(prices[a]?.amount ?? 0) - Number(prices[b]?.amount ?? 0) || a.localeCompare(b));
        this.categories = categories.map((name, i) => ({
            name, price: prices[name], colour: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]}));
        this.sections = [];
        let i = 0;
        for (const section of sections) {
            const first = i;
            for (const row of section.rows) {
                for (const seat of row.seats) {
                    this.ids[i] = `${section.id}-${row.label}-${seat.number}`;
                    this.rowLabels[i] = row.label;
                    this.numbers[i] = seat.number;
                    this.xs[i] = seat.x;
                    this.ys[i] = seat.y;
                    this.sectionOf[i] = this.sections.length;
                    this.indexById.set(this.ids[i], i);
                    i++;
                }
            }
            const xs = Array.from(this.xs.subarray(first, i));
            const ys = Array.from(this.ys.subarray(first, i));
            this.sections.push({
                id: section.id, name: section.name, first, end: i,
                category: this.categories.find(c => c.name === section.category),
                hull: convexHull(xs, ys),
                centre: [xs.reduce((a, b) => a + b, 0) / xs.length, ys.reduce((a, b) => a + b, 0) / ys.length],
                box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
                available: i - first});
        }
        const spacing = seatSpacing(sections.flatMap(s => s.rows.map(r => r.seats)));
        this.radius = spacing * 0.42;
        this.grid = new SeatGrid(this.xs, this.ys, spacing * 2);
        this.bounds = this.sections.reduce((b, s) => [Math.min(b[0], s.box[0]), Math.min(b[1], s.box[1]),
            Math.max(b[2], s.box[2]), Math.max(b[3], s.box[3])], [Infinity, Infinity, -Infinity, -Infinity]);
        this.focused = 0;
        this.buckets = null;
        this.complete = false;
        this.canvas.setAttribute('aria-label', `Seat map of ${count} seats`);
        this.fit();
    }

    /** The whole event's availability at once: every seat not named is available. */
    setAvailability(held, sold, house = []) {
        this.status.fill(AVAILABLE);
        const lost = [];
        for (const [ids, code] of [[held, HELD], [sold, SOLD], [house, HOUSE]]) {
            for (const id of ids) {
                const i = this.indexById.get(id);
                if (i !== undefined) {
                    this.status[i] = code;
                    this.losesSelection(i) && lost.push(i);
                }
            }
        }
        this.statusChanged(lost);
        this.complete = true;
        this.requestDraw();
    }

    /** Changes of some seats ([{seatId, status}]) as they happen, from the live stream or a refused hold. */
    applyChanges(changes) {
        const lost = [];
        for (const change of changes) {
            const i = this.indexById.get(change.seatId);
            const code = STATUS_CODES[change.status];
            if (i === undefined || code === undefined) {
                continue;
            }
            this.status[i] = code;
            if (code !== AVAILABLE && this.losesSelection(i)) {
                lost.push(i);
            }
        }
        this.statusChanged(lost);
    }

    /** A fan's selected seat that someone else took leaves the selection; an organizer's stays. */
    losesSelection(i) {
        return !this.selectsTakenSeats && this.selected.delete(i);
    }

    statusChanged(lost) {
        for (const section of this.sections) {
            let available = 0;
            for (let i = section.first; i < section.end; i++) {
                available += this.status[i] === AVAILABLE ? 1 : 0;
            }
            section.available = available;
        }
        this.buckets = null;
        this.describeFocused();
        this.requestDraw();
        if (lost.length) {
            this.emit('seatslost', {seats: lost.map(i => this.seat(i))});
            this.emit('selectionchange', {seats: this.selectedSeats()});
        }
    }

    // ---------------------------------------------------------------- what the page and tests ask

    has(seatId) {
        return this.indexById?.has(seatId) ?? false;
    }

    /** "AVAILABLE", "HELD", "SOLD" or "HOUSE". */
    statusOf(seatId) {
        return STATUS_NAMES[this.status[this.indexById.get(seatId)]];
    }

    isSelected(seatId) {
        return this.selected.has(this.indexById.get(seatId));
    }

    /** The selected seats, in the order of the venue, as {id, name, price}. */
    selectedSeats() {
        return [...this.selected].sort((a, b) => a - b).map(i => this.seat(i));
    }

    /** A seat as the page shows it: {id, name ("Section A, row 3, seat 12"), price}. */
    seat(i) {
        const section = this.sections[this.sectionOf[i]];
        return {id: this.ids[i], name: seatName(section.name, this.rowLabels[i], this.numbers[i]),
            price: section.category.price};
    }

    /** "Section A, row 3, seat 12, 49.00 EUR, available": what a screen reader says of a seat. */
    accessibleName(i) {
        const seat = this.seat(i);
        const state = this.selected.has(i) ? 'selected' : STATUS_WORDS[this.status[i]];
        return `${seat.name}, ${seat.price ? money(seat.price) : 'no price'}, ${state}`;
    }

    /** Where a seat is on the screen (viewport pixels), after bringing it into view. */
    screenPosition(seatId) {
        const i = this.indexById.get(seatId);
        this.reveal(i);
        const box = this.canvas.getBoundingClientRect();
        return {x: box.left + this.xs[i] * this.scale + this.tx, y: box.top + this.ys[i] * this.scale + this.ty};
    }

    /** Adds a seat to the selection, as a click on it would. */
    select(seatId) {
        const i = this.indexById.get(seatId);
        if (i !== undefined && !this.selected.has(i)) {
            this.toggle(i);
        }
    }

    deselect(seatId) {
        const i = this.indexById.get(seatId);
        if (this.selected.delete(i)) {
            this.selectionChanged(i);
        }
    }

    // ---------------------------------------------------------------- selecting

    toggle(i) {
        if (this.selected.has(i)) {
            this.selected.delete(i);
        } else if (this.status[i] !== AVAILABLE && !this.selectsTakenSeats) {
            this.emit('seatrefused', {seat: this.seat(i), reason: 'taken'});
            return;
        } else if (this.selected.size >= this.maxSelection) {
            this.emit('seatrefused', {seat: this.seat(i), reason: 'limit'});
            return;
        } else {
            this.selected.add(i);
        }
        this.selectionChanged(i);
    }

    selectionChanged(i) {
        this.buckets = null;
        this.describeFocused();
        this.requestDraw();
        this.emit('selectionchange', {seats: this.selectedSeats(), changed: this.seat(i)});
    }

    emit(type, detail) {
        this.dispatchEvent(new CustomEvent(type, {detail, bubbles: true}));
    }

    // ---------------------------------------------------------------- view: zoom and pan

    resize() {
        const box = this.canvas.getBoundingClientRect();
        if (!box.width || !box.height) {
            return;
        }
        const ratio = window.devicePixelRatio || 1;
        const hadSize = this.width;
        this.width = box.width;
        this.height = box.height;
        this.canvas.width = Math.round(box.width * ratio);
        this.canvas.height = Math.round(box.height * ratio);
        this.pixelRatio = ratio;
        if (!hadSize && this.ids) {
            this.fit();
        }
        this.requestDraw();
    }

    /** The whole venue in view. */
    fit() {
        if (!this.ids || !this.width) {
            return;
        }
        const [x0, y0, x1, y1] = this.bounds;
        const margin = this.radius * 2;
        this.fitScale = Math.min(this.width / (x1 - x0 + 2 * margin), this.height / (y1 - y0 + 2 * margin));
        this.scale = this.fitScale;
        this.tx = this.width / 2 - (x0 + x1) / 2 * this.scale;
        this.ty = this.height / 2 - (y0 + y1) / 2 * this.scale;
        this.requestDraw();
    }

    /** Zooms by a factor around a point of the canvas (CSS pixels), within sensible limits. */
    zoom(factor, cx = this.width / 2, cy = this.height / 2) {
        const scale = Math.min(Math.max(this.scale * factor, this.fitScale * 0.7), 40 / this.radius);
        this.tx = cx - (cx - this.tx) * scale / this.scale;
        this.ty = cy - (cy - this.ty) * scale / this.scale;
        this.scale = scale;
        this.requestDraw();
    }

    pan(dx, dy) {
        this.tx += dx;
        this.ty += dy;
        this.requestDraw();
    }

    /** Brings a seat into view, close enough to tell it from its neighbours. */
    reveal(i) {
        if (this.radius * this.scale < KEYBOARD_ZOOM_PX * 0.6) {
            this.scale = Math.max(this.scale, KEYBOARD_ZOOM_PX / this.radius);
            this.tx = this.width / 2 - this.xs[i] * this.scale;
            this.ty = this.height / 2 - this.ys[i] * this.scale;
        }
        const sx = this.xs[i] * this.scale + this.tx;
        const sy = this.ys[i] * this.scale + this.ty;
        const edge = Math.min(60, this.width / 4, this.height / 4);
        if (sx < edge || sx > this.width - edge || sy < edge || sy > this.height - edge) {
            this.tx += this.width / 2 - sx;
            this.ty += this.height / 2 - sy;
        }
        this.requestDraw();
        this.drawNow();
    }

    // ---------------------------------------------------------------- input

    listen() {
        this.querySelector('.seat-map-tools').addEventListener('click', event => {
            const zoom = event.target.closest('button')?.dataset.zoom;
            zoom === 'in' ? this.zoom(1.6) : zoom === 'out' ? this.zoom(1 / 1.6) : zoom === 'fit' && this.fit();
        });
        const canvas = this.canvas;
        canvas.addEventListener('wheel', event => {
            event.preventDefault();
            const box = canvas.getBoundingClientRect();
            this.zoom(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015)),
                event.clientX - box.left, event.clientY - box.top);
        }, {passive: false});
        canvas.addEventListener('pointerdown', event => {
            canvas.setPointerCapture(event.pointerId);
            this.pointers.set(event.pointerId, {x: event.clientX, y: event.clientY, startX: event.clientX,
                startY: event.clientY});
            this.dragged = this.pointers.size > 1;
        });
        canvas.addEventListener('pointermove', event => this.pointerMoved(event));
        const ended = event => {
            const pointer = this.pointers.get(event.pointerId);
            this.pointers.delete(event.pointerId);
            if (pointer && event.type === 'pointerup' && !this.dragged) {
                const i = this.seatAt(event.clientX, event.clientY);
                if (i >= 0) {
                    this.moveFocus(i);
                    this.toggle(i);
                    this.hover(event); // the tip says what the click changed
                }
            }
        };
        canvas.addEventListener('pointerup', ended);
        canvas.addEventListener('pointercancel', ended);
        canvas.addEventListener('pointerleave', () => this.tip.hidden = true);
        canvas.addEventListener('dblclick', event => {
            const box = canvas.getBoundingClientRect();
            this.zoom(2, event.clientX - box.left, event.clientY - box.top);
        });
        this.focusButton.addEventListener('click', () => this.toggle(this.focused));
        this.focusButton.addEventListener('focus', () => {
            this.reveal(this.focused);
            this.placeFocusButton();
        });
        this.focusButton.addEventListener('blur', () => this.requestDraw());
        this.focusButton.addEventListener('keydown', event => this.keyPressed(event));
    }

    pointerMoved(event) {
        const pointer = this.pointers.get(event.pointerId);
        if (!pointer) {
            this.hover(event);
            return;
        }
        const box = this.canvas.getBoundingClientRect();
        if (this.pointers.size === 2) {
            const [a, b] = [...this.pointers.values()];
            const before = Math.hypot(a.x - b.x, a.y - b.y);
            pointer.x = event.clientX;
            pointer.y = event.clientY;
            const after = Math.hypot(a.x - b.x, a.y - b.y);
            if (before > 0) {
                this.zoom(after / before, (a.x + b.x) / 2 - box.left, (a.y + b.y) / 2 - box.top);
            }
            return;
        }
        const dx = event.clientX - pointer.x;
        const dy = event.clientY - pointer.y;
        pointer.x = event.clientX;
        pointer.y = event.clientY;
        if (!this.dragged && Math.hypot(pointer.x - pointer.startX, pointer.y - pointer.startY) > 4) {
            this.dragged = true;
            this.tip.hidden = true;
        }
        if (this.dragged) {
            this.pan(dx, dy);
        }
    }

    hover(event) {
        const i = this.seatAt(event.clientX, event.clientY);
        this.canvas.style.cursor = i >= 0 ? 'pointer' : 'grab';
        this.tip.hidden = i < 0;
        if (i >= 0) {
            const box = this.getBoundingClientRect();
            this.tip.textContent = this.accessibleName(i);
            // beside the pointer, on whichever side keeps it inside the map
            const x = event.clientX - box.left;
            const left = x + 12 + this.tip.offsetWidth > box.width ? x - 12 - this.tip.offsetWidth : x + 12;
            this.tip.style.transform = `translate(${Math.max(0, left)}px, ${event.clientY - box.top + 12}px)`;
        }
    }

    /** The seat under a point of the viewport, or -1 (only when seats are drawn large enough to aim at). */
    seatAt(clientX, clientY) {
        if (!this.ids || this.radius * this.scale < SHAPES_BELOW_PX) {
            return -1;
        }
        const box = this.canvas.getBoundingClientRect();
        const x = (clientX - box.left - this.tx) / this.scale;
        const y = (clientY - box.top - this.ty) / this.scale;
        // small seats get a target of at least 6 px, as fingers and mice need
        return this.grid.nearest(x, y, Math.max(this.radius * 1.2, 6 / this.scale));
    }

    keyPressed(event) {
        const directions = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]};
        if (directions[event.key]) {
            event.preventDefault();
            const next = this.neighbour(this.focused, ...directions[event.key]);
            if (next >= 0) {
                this.moveFocus(next);
            }
        } else if (event.key === '+' || event.key === '=') {
            event.preventDefault();
            this.zoom(1.6);
            this.placeFocusButton();
        } else if (event.key === '-') {
            event.preventDefault();
            this.zoom(1 / 1.6);
            this.placeFocusButton();
        }
    }

    /** The nearest seat from seat i in a direction (within 45 degrees of it), or -1. */
    neighbour(i, dx, dy) {
        let best = -1;
        let bestScore = Infinity;
        for (let j = 0; j < this.xs.length; j++) {
            const vx = this.xs[j] - this.xs[i];
            const vy = this.ys[j] - this.ys[i];
            const along = vx * dx + vy * dy;
            const across = Math.abs(vx * dy - vy * dx);
            if (along > 1e-9 && across <= along) {
                const score = along + 2 * across;
                if (score < bestScore) {
                    bestScore = score;
                    best = j;
                }
            }
        }
        return best;
    }

    moveFocus(i) {
        this.focused = i;
        this.describeFocused();
        if (document.activeElement === this.focusButton) {
            this.reveal(i);
        }
        this.placeFocusButton();
        this.requestDraw();
    }

    describeFocused() {
        if (this.ids?.length) {
            this.focusButton.setAttribute('aria-label', this.accessibleName(this.focused));
            this.focusButton.setAttribute('aria-pressed', String(this.selected.has(this.focused)));
        }
    }

    placeFocusButton() {
        if (!this.ids?.length) {
            return;
        }
        const size = Math.max(2 * this.radius * this.scale + 6, 12);
        const x = this.canvas.offsetLeft + this.xs[this.focused] * this.scale + this.tx - size / 2;
        const y = this.canvas.offsetTop + this.ys[this.focused] * this.scale + this.ty - size / 2;
        this.focusButton.style.width = `${size}px`;
        this.focusButton.style.height = `${size}px`;
        this.focusButton.style.transform = `translate(${x}px, ${y}px)`;
    }

    // ---------------------------------------------------------------- drawing

    requestDraw() {
        if (!this.drawRequested) {
            this.drawRequested = true;
            requestAnimationFrame(() => this.drawNow());
        }
    }

    drawNow() {
        this.drawRequested = false;
        if (!this.ids || !this.width) {
            return;
        }
        const started = performance.now();
        this.draw();
        this.placeFocusButton();
        // User Timing entries: what the browser tests and DevTools read to see how fast the map draws
        performance.measure('seatmap:draw', {start: started, end: performance.now()});
        if (++this.measured > 2000) {
            performance.clearMeasures('seatmap:draw');
            this.measured = 0;
        }
        if (this.complete && !this.announcedComplete) {
            this.announcedComplete = true;
            performance.mark('seatmap:complete');
            this.dataset.complete = ''; // what the page's tests wait for
            this.emit('seatmapcomplete', {});
        }
    }

    draw() {
        const c = this.context;
        c.setTransform(this.pixelRatio, 0, 0, this.pixelRatio, 0, 0);
        c.fillStyle = '#f7f7f9';
        c.fillRect(0, 0, this.width, this.height);
        const r = this.radius * this.scale;
        this.dataset.detail = r < SHAPES_BELOW_PX ? 'sections' : 'seats';
        if (r < SHAPES_BELOW_PX) {
            this.drawSections(c, true);
            return;
        }
        this.drawSections(c, false);
        this.drawSeats(c, r);
        if (document.activeElement === this.focusButton) {
            const x = this.xs[this.focused] * this.scale + this.tx;
            const y = this.ys[this.focused] * this.scale + this.ty;
            c.lineWidth = 2;
            c.strokeStyle = '#111';
            c.beginPath();
            c.arc(x, y, r + 3, 0, 2 * Math.PI);
            c.stroke();
        }
    }

    /** Each section as its outline, grown by a seat's radius; filled by how much of it is left when zoomed out. */
    drawSections(c, asShapes) {
        const grow = 2 * this.radius * this.scale + 2;
        c.lineJoin = 'round';
        for (const section of this.sections) {
            const size = section.end - section.first;
            c.beginPath();
            for (let k = 0; k < section.hull.length; k += 2) {
                c.lineTo(section.hull[k] * this.scale + this.tx, section.hull[k + 1] * this.scale + this.ty);
            }
            c.closePath();
            const colour = section.category.colour;
            c.globalAlpha = asShapes ? (section.available ? 0.35 + 0.65 * section.available / size : 1) : 0.1;
            c.fillStyle = c.strokeStyle = asShapes && !section.available ? SOLD_COLOUR : colour;
            c.lineWidth = grow;
            c.fill();
            c.stroke();
        }
        c.globalAlpha = 1;
        if (asShapes) {
            c.fillStyle = '#111';
            c.font = '600 11px system-ui, sans-serif';
            c.textAlign = 'center';
            c.textBaseline = 'middle';
            for (const section of this.sections) {
                const [x0, , x1] = section.box;
                if ((x1 - x0) * this.scale > 26) {
                    c.fillText(section.id, section.centre[0] * this.scale + this.tx,
                        section.centre[1] * this.scale + this.ty);
                }
            }
        }
    }

    /** Seats batched by colour: one path per colour, so 20,000 seats are a handful of fill calls. */
    drawSeats(c, r) {
        const buckets = this.colourBuckets();
        // squares while seats are small: as legible, and far cheaper than arcs for thousands of seats in view
        const squares = r < 5;
        const [minX, minY] = [(-r - this.tx) / this.scale, (-r - this.ty) / this.scale];
        const [maxX, maxY] = [(this.width + r - this.tx) / this.scale, (this.height + r - this.ty) / this.scale];
        const drawn = [];
        for (const [colour, seats] of buckets) {
            c.beginPath();
            for (const i of seats) {
                const x = this.xs[i];
                const y = this.ys[i];
                if (x < minX || x > maxX || y < minY || y > maxY) {
                    continue;
                }
                const sx = x * this.scale + this.tx;
                const sy = y * this.scale + this.ty;
                if (squares) {
                    c.rect(sx - r, sy - r, 2 * r, 2 * r);
                } else {
                    c.moveTo(sx + r, sy);
                    c.arc(sx, sy, r, 0, 2 * Math.PI);
                }
                if (r >= NUMBERS_FROM_PX) {
                    drawn.push(i);
                }
            }
            c.fillStyle = colour;
            c.fill();
            if (colour === SELECTED_COLOUR) {
                c.lineWidth = Math.max(1, r / 4);
                c.strokeStyle = '#1d1d1f';
                c.stroke();
            }
        }
        if (drawn.length) {
            c.font = `600 ${Math.round(r * 0.85)}px system-ui, sans-serif`;
            c.textAlign = 'center';
            c.textBaseline = 'middle';
            for (const i of drawn) {
                c.fillStyle = this.status[i] === SOLD ? '#fff' : '#1d1d1f';
                c.fillText(this.numbers[i], this.xs[i] * this.scale + this.tx, this.ys[i] * this.scale + this.ty + 1);
            }
        }
    }

    /** Seat indexes by the colour they are drawn in; rebuilt only when statuses or the selection change. */
    colourBuckets() {
        if (!this.buckets) {
            const byColour = new Map();
            for (let i = 0; i < this.xs.length; i++) {
                const colour = this.selected.has(i) ? SELECTED_COLOUR
                    : this.status[i] === HELD ? HELD_COLOUR
                        : this.status[i] === SOLD ? SOLD_COLOUR
                            : this.status[i] === HOUSE ? HOUSE_COLOUR
                            : this.sections[this.sectionOf[i]].category.colour;
                const bucket = byColour.get(colour);
                bucket ? bucket.push(i) : byColour.set(colour, [i]);
            }
            // the selection last, on top
            this.buckets = [...byColour].sort(([a], [b]) => (a === SELECTED_COLOUR) - (b === SELECTED_COLOUR));
        }
        return this.buckets;
    }
}

customElements.define('seat-map', SeatMap);
