// <seat-map>: a venue's seats drawn on one canvas from their coordinates, with live availability, zoom and pan,
// mouse, touch and keyboard selection. A canvas rather than one element per seat keeps a 20,000-seat arena smooth;
// a single focusable button that moves from seat to seat gives keyboard and screen-reader users every seat.

import {convexHull, insideConvex, seatSpacing, SeatGrid, widthAt} from './geometry.js';
import {money, seatName, shortMoney} from '../words.js';

const AVAILABLE = 0;
const HELD = 1;
const SOLD = 2;
/** Held back by the organizer (a house seat): taken for fans until it is returned to sale. */
const HOUSE = 3;
const STATUS_CODES = {AVAILABLE, HELD, SOLD, HOUSE};
const STATUS_NAMES = ['AVAILABLE', 'HELD', 'SOLD', 'HOUSE'];
const STATUS_WORDS = ['available', 'on hold', 'sold', 'not for sale'];
const WHEELCHAIR = 1;
const COMPANION = 2;
const ACCESS_CODES = {WHEELCHAIR, COMPANION};
const ACCESS_WORDS = ['', ', wheelchair space', ', companion seat'];

const BACKGROUND = '#f7f7f9';
const INK = '#1d1d1f';
const FONT = 'system-ui, sans-serif';
/** Categories get these colours in the order of their price, cheapest first: distinct for colour-blind eyes. */
const CATEGORY_COLOURS = ['#3b6fd8', '#0f9d76', '#c5621a', '#8e44c9', '#987200', '#d0427a', '#13849a'];
/*
 * Statuses differ by shape, not by colour alone, and every colour here is 3:1 or more against the background:
 * available seats are filled in their category's colour, held ones hollow rings, sold ones crosses (house seats
 * brown ones); the fan's selection is dark with an amber check, the fan's own holds a purple ring with a check.
 */
const HELD_STYLE = {shape: 'ring', colour: '#6b7079', ink: '#6b7079'};
const SOLD_STYLE = {shape: 'cross', colour: '#4a4f57'};
const HOUSE_STYLE = {shape: 'cross', colour: '#8a6a45'};
const SELECTED_STYLE = {shape: 'fill', colour: INK, check: '#ffb000'};
const MINE_STYLE = {shape: 'ring', colour: '#5b2bd6', check: '#5b2bd6'};
const STAGE_COLOUR = '#2e3040';

// Levels of detail, by the distance between neighbouring seats on the screen in CSS pixels.
/** Below it, seats are too small to tell apart or aim at: sections are drawn with their prices and seats left. */
const SECTIONS_BELOW_PX = 6;
/** Below it, seats are squares: as legible, and far cheaper than arcs for thousands of seats in view. */
const SQUARES_BELOW_PX = 12;
/** From here on, checks and the accessible-seating symbols are drawn in the seats. */
const MARKS_FROM_PX = 10;
const ROW_LABELS_FROM_PX = 12;
const NUMBERS_FROM_PX = 21;
/** A venue small enough to open at seat level opens with its seats at least this large, its edges cut if need be. */
const OPEN_FROM_PX = 14;
/** A finger needs a target this large: smaller seats are zoomed in on by a tap rather than picked. */
const TOUCH_PICK_PX = 24;
const TOUCH_ZOOM_PX = 28;
/** Where the keyboard brings a seat it moves onto while the map is zoomed far out. */
const KEYBOARD_ZOOM_PX = 26;

export class SeatMap extends HTMLElement {

    connectedCallback() {
        if (this.canvas) {
            return;
        }
        this.innerHTML = `
            <div class="seat-map-bar">
                <select class="jump" aria-label="Jump to section" aria-describedby="seat-map-help" hidden></select>
                <button type="button" class="access-filter" aria-pressed="false" hidden>Accessible seating</button>
                <div class="seat-map-tools" role="group" aria-label="Zoom">
                    <button type="button" data-zoom="in" aria-label="Zoom in">+</button>
                    <button type="button" data-zoom="out" aria-label="Zoom out">−</button>
                    <button type="button" data-zoom="fit">Whole venue</button>
                </div>
            </div>
            <div class="seat-map-view">
                <canvas role="img"></canvas>
                <button type="button" class="seat-focus" aria-describedby="seat-map-help"></button>
                <p id="seat-map-help" class="visually-hidden">Arrow keys move between the seats of a section;
                    Enter or Space selects or releases the seat; plus and minus zoom; the Jump to section list
                    shows any section, and Enter there goes to its first seat left.</p>
                <div class="seat-tip" hidden></div>
                <p class="section-summary" aria-live="polite" hidden></p>
            </div>`;
        this.canvas = this.querySelector('canvas');
        this.focusButton = this.querySelector('.seat-focus');
        this.tip = this.querySelector('.seat-tip');
        this.summary = this.querySelector('.section-summary');
        this.jump = this.querySelector('.jump');
        this.accessFilter = this.querySelector('.access-filter');
        this.context = this.canvas.getContext('2d', {alpha: false});
        this.pointers = new Map();
        this.touch = matchMedia('(pointer: coarse)').matches;
        this.drawRequested = false;
        this.measured = 0;
        this.listen();
        this.resizeObserver = new ResizeObserver(() => this.resize());
        this.resizeObserver.observe(this.canvas);
    }

    disconnectedCallback() {
        this.resizeObserver?.disconnect();
    }

    // ---------------------------------------------------------------- data

    /**
     * The venue's layout ({sections: [{id, name, category, rows: [{label, seats: [{number, x, y, access}]}]}]}),
     * the event's prices by category, the most seats one reservation may hold; options: the stage ({label, x, y,
     * width, height}, or none) and whether taken seats may be selected (an organizer's house seats).
     */
    load(venue, prices, maxSelection, {stage = null, selectsTakenSeats = false} = {}) {
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
        this.access = new Uint8Array(count);
        this.indexById = new Map();
        this.selected = new Set();
        this.mine = new Set();
        this.maxSelection = maxSelection;
        this.prices = prices;
        this.stage = stage;
        const categories = [...new Set(sections.map(s => s.category))]
            .sort((a, b) => Number(prices[a]?.amount ?? 0) - Number(prices[b]?.amount ?? 0) || a.localeCompare(b));
        this.categories = categories.map((name, i) => {
            const colour = CATEGORY_COLOURS[i % CATEGORY_COLOURS.length];
            return {name, price: prices[name], colour, style: {shape: 'fill', colour, ink: '#fff'}};
        });
        this.sections = [];
        let i = 0;
        for (const section of sections) {
            const first = i;
            const rows = [];
            for (const row of section.rows) {
                const rowFirst = i;
                for (const seat of row.seats) {
                    this.ids[i] = `${section.id}-${row.label}-${seat.number}`;
                    this.rowLabels[i] = row.label;
                    this.numbers[i] = seat.number;
                    this.xs[i] = seat.x;
                    this.ys[i] = seat.y;
                    this.access[i] = ACCESS_CODES[seat.access] ?? 0;
                    this.sectionOf[i] = this.sections.length;
                    this.indexById.set(this.ids[i], i);
                    i++;
                }
                rows.push({label: row.label, first: rowFirst, end: i});
            }
            const xs = Array.from(this.xs.subarray(first, i));
            const ys = Array.from(this.ys.subarray(first, i));
            this.sections.push({
                id: section.id, name: section.name, first, end: i, rows,
                category: this.categories.find(c => c.name === section.category),
                hull: convexHull(xs, ys),
                centre: [xs.reduce((a, b) => a + b, 0) / xs.length, ys.reduce((a, b) => a + b, 0) / ys.length],
                box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
                available: i - first});
        }
        this.spacing = seatSpacing(sections.flatMap(s => s.rows.map(r => r.seats)));
        this.radius = this.spacing * 0.42;
        this.grid = new SeatGrid(this.xs, this.ys, this.spacing * 2);
        this.sections.forEach(section => section.front = this.frontOf(section));
        const boxes = this.sections.map(s => s.box);
        if (stage) {
            boxes.push([stage.x, stage.y, stage.x + stage.width, stage.y + stage.height]);
        }
        this.bounds = boxes.reduce((b, s) => [Math.min(b[0], s[0]), Math.min(b[1], s[1]),
            Math.max(b[2], s[2]), Math.max(b[3], s[3])], [Infinity, Infinity, -Infinity, -Infinity]);
        this.accessBox = null;
        for (let k = 0; k < count; k++) {
            if (this.access[k]) {
                const b = this.accessBox || [Infinity, Infinity, -Infinity, -Infinity];
                this.accessBox = [Math.min(b[0], this.xs[k]), Math.min(b[1], this.ys[k]),
                    Math.max(b[2], this.xs[k]), Math.max(b[3], this.ys[k])];
            }
        }
        this.accessFilter.hidden = !this.accessBox;
        this.filter = false;
        this.jump.hidden = this.sections.length < 2;
        this.jump.replaceChildren(new Option('Jump to section…', ''),
            ...this.sections.map((_, s) => new Option('', `${s}`)));
        this.current = -1;
        this.focused = 0;
        this.buckets = null;
        this.complete = false;
        this.canvas.setAttribute('aria-label', `Seat map of ${count} seats`);
        this.describeSections();
        this.open();
    }

    /** Where a section's name goes when seats are drawn: just in front of its first row, away from the others. */
    frontOf(section) {
        const middle = row => (row.first + row.end - 1) >> 1;
        const a = middle(section.rows[0]);
        const [bx, by] = section.rows.length > 1
            ? [this.xs[middle(section.rows[1])], this.ys[middle(section.rows[1])]] : section.centre;
        const length = Math.hypot(this.xs[a] - bx, this.ys[a] - by) || 1;
        return [this.xs[a] + (this.xs[a] - bx) / length * this.spacing * 1.5,
            this.ys[a] + (this.ys[a] - by) / length * this.spacing * 1.5];
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

    /** The seats this fan holds: drawn as theirs rather than as anyone's hold. */
    setMine(seatIds) {
        this.mine = new Set(seatIds.map(id => this.indexById.get(id)).filter(i => i !== undefined));
        this.buckets = null;
        this.describeFocused();
        this.requestDraw();
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
        this.describeSections();
        this.describeFocused();
        this.requestDraw();
        if (lost.length) {
            this.emit('seatslost', {seats: lost.map(i => this.seat(i))});
            this.emit('selectionchange', {seats: this.selectedSeats()});
        }
    }

    /** The jump list's entries and the shown section's summary, with the seats left now. */
    describeSections() {
        this.sections.forEach((_, s) => this.jump.options[s + 1].text = this.sectionSummary(s));
        if (this.current >= 0) {
            this.summary.textContent = this.sectionSummary(this.current);
        }
    }

    /** "Section 101 · 69.00 EUR · 312 seats left" */
    sectionSummary(s) {
        const section = this.sections[s];
        const price = section.category.price;
        return [section.name, ...(price ? [money(price)] : []),
            section.available ? `${section.available} seat${section.available === 1 ? '' : 's'} left` : 'sold out']
            .join(' · ');
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

    /** Whether the seat is drawn as held by this fan. */
    isMine(seatId) {
        return this.styleOf(this.indexById.get(seatId)) === MINE_STYLE;
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
        const state = this.selected.has(i) ? 'selected'
            : this.styleOf(i) === MINE_STYLE ? 'held by you' : STATUS_WORDS[this.status[i]];
        return `${seat.name}${ACCESS_WORDS[this.access[i]]}, ${seat.price ? money(seat.price) : 'no price'}, ${state}`;
    }

    /** Where a seat is on the screen (viewport pixels), after bringing it into view. */
    screenPosition(seatId) {
        const i = this.indexById.get(seatId);
        this.reveal(i);
        return this.onScreen(this.xs[i], this.ys[i]);
    }

    /** Where a section's middle is on the screen (viewport pixels), as the map stands. */
    sectionPosition(sectionId) {
        return this.onScreen(...this.sections.find(s => s.id === sectionId).centre);
    }

    onScreen(x, y) {
        const box = this.canvas.getBoundingClientRect();
        return {x: box.left + x * this.scale + this.tx, y: box.top + y * this.scale + this.ty};
    }

    /**
     * What the last frame showed, for tests: the level of detail, the distance between seats in CSS pixels, the
     * section and row labels, the stage's label, and the seats the accessible-seating filter highlights.
     */
    shownState() {
        return this.shown;
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

    /** The legend: [{label, symbol}], each symbol a small canvas drawn as the map draws such seats. */
    legend() {
        const entries = this.categories.map(category => [category.style, 0,
            category.price ? `${category.name} ${money(category.price)}` : category.name]);
        entries.push([HELD_STYLE, 0, 'On hold'], [SOLD_STYLE, 0, 'Sold'], [HOUSE_STYLE, 0, 'Not for sale'],
            [SELECTED_STYLE, 0, 'Your selection'], [MINE_STYLE, 0, 'Held by you']);
        if (this.accessBox) {
            const style = {shape: 'fill', colour: '#4a4f57', ink: '#fff'};
            entries.push([style, WHEELCHAIR, 'Wheelchair space'], [style, COMPANION, 'Companion seat']);
        }
        return entries.map(([style, access, label]) => ({label, symbol: symbol(style, access)}));
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
            this.open();
        }
        this.requestDraw();
    }

    /** The first view: the whole venue, or seats large enough to tell apart if that leaves them too small. */
    open() {
        this.fit();
        if (this.width && !this.overview() && this.pitch() < OPEN_FROM_PX) {
            this.zoom(OPEN_FROM_PX / this.pitch());
        }
    }

    /** The whole venue in view. */
    fit() {
        if (!this.ids || !this.width) {
            return;
        }
        this.frame(this.bounds);
        this.fitScale = this.scale;
        this.showSummary(-1);
    }

    /** A part of the venue ([x0, y0, x1, y1]) in view, as large as fits, and its seats no smaller than minPitch. */
    frame([x0, y0, x1, y1], minPitch = 0) {
        const margin = this.spacing * 2;
        const scale = Math.max(minPitch / this.spacing,
            Math.min(this.width / (x1 - x0 + 2 * margin), this.height / (y1 - y0 + 2 * margin)));
        this.centreOn((x0 + x1) / 2, (y0 + y1) / 2, Math.min(scale, this.maxScale()));
    }

    centreOn(x, y, scale) {
        this.scale = scale;
        this.tx = this.width / 2 - x * scale;
        this.ty = this.height / 2 - y * scale;
        this.requestDraw();
    }

    maxScale() {
        return 40 / this.radius;
    }

    /** Distance between neighbouring seats on the screen, CSS pixels. */
    pitch() {
        return this.spacing * this.scale;
    }

    overview() {
        return this.pitch() < SECTIONS_BELOW_PX;
    }

    /** Zooms by a factor around a point of the canvas (CSS pixels), within sensible limits. */
    zoom(factor, cx = this.width / 2, cy = this.height / 2) {
        const scale = Math.min(Math.max(this.scale * factor, this.fitScale * 0.7), this.maxScale());
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
        if (this.pitch() < KEYBOARD_ZOOM_PX * 0.6) {
            this.centreOn(this.xs[i], this.ys[i], KEYBOARD_ZOOM_PX / this.spacing);
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

    /** Zooms into a section, large enough to pick its seats (with a finger, on a touch screen), and says what it is. */
    showSection(s) {
        this.frame(this.sections[s].box, this.touch ? TOUCH_ZOOM_PX : SECTIONS_BELOW_PX * 1.5);
        this.showSummary(s);
    }

    showSummary(s) {
        this.current = s;
        this.summary.hidden = s < 0;
        this.summary.textContent = s < 0 ? '' : this.sectionSummary(s);
        this.jump.value = s < 0 ? '' : `${s}`;
    }

    /** Accessible seating only: the others dimmed, and the view on the wheelchair spaces and companion seats. */
    filterAccessible(on) {
        this.filter = on;
        this.accessFilter.setAttribute('aria-pressed', String(on));
        this.buckets = null;
        if (on) {
            this.frame(this.accessBox, MARKS_FROM_PX);
            this.showSummary(-1);
        }
        this.requestDraw();
    }

    // ---------------------------------------------------------------- input

    listen() {
        this.querySelector('.seat-map-tools').addEventListener('click', event => {
            const zoom = event.target.closest('button')?.dataset.zoom;
            zoom === 'in' ? this.zoom(1.6) : zoom === 'out' ? this.zoom(1 / 1.6) : zoom === 'fit' && this.fit();
        });
        this.accessFilter.addEventListener('click', () => this.filterAccessible(!this.filter));
        // the list shows a section as it changes (arrow keys change a closed list, so focus stays), and Enter
        // puts the keyboard on the section's first seat left, ready for the arrow keys
        this.jump.addEventListener('change', () => {
            if (this.jump.value === '') {
                return;
            }
            const s = Number(this.jump.value);
            const section = this.sections[s];
            this.showSection(s);
            let i = section.first;
            while (i < section.end - 1 && this.status[i] !== AVAILABLE) {
                i++;
            }
            this.focused = i;
            this.describeFocused();
        });
        this.jump.addEventListener('keydown', event => {
            if (event.key === 'Enter' && this.jump.value !== '') {
                event.preventDefault();
                this.focusButton.focus();
            }
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
            this.touch = event.pointerType === 'touch';
            this.pointers.set(event.pointerId, {x: event.clientX, y: event.clientY, startX: event.clientX,
                startY: event.clientY});
            this.dragged = this.pointers.size > 1;
        });
        canvas.addEventListener('pointermove', event => this.pointerMoved(event));
        const ended = event => {
            const pointer = this.pointers.get(event.pointerId);
            this.pointers.delete(event.pointerId);
            if (pointer && event.type === 'pointerup' && !this.dragged) {
                this.tapped(event);
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

    /** A click or a tap: into a section from the overview; on a seat, picks it (or first zooms in, for a finger). */
    tapped(event) {
        if (this.overview()) {
            const s = this.sectionAt(event.clientX, event.clientY);
            if (s >= 0) {
                this.tip.hidden = true;
                this.showSection(s);
            }
            return;
        }
        const i = this.seatAt(event.clientX, event.clientY);
        if (i < 0) {
            return;
        }
        if (this.touch && this.pitch() < TOUCH_PICK_PX) {
            const box = this.canvas.getBoundingClientRect();
            this.zoom(TOUCH_ZOOM_PX / this.pitch(), event.clientX - box.left, event.clientY - box.top);
            return;
        }
        this.moveFocus(i);
        this.toggle(i);
        this.hover(event); // the tip says what the click changed
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

    /** The tip beside the pointer: the section's summary in the overview, else the seat's name and state. */
    hover(event) {
        const s = this.overview() ? this.sectionAt(event.clientX, event.clientY) : -1;
        const i = this.seatAt(event.clientX, event.clientY);
        const text = s >= 0 ? this.sectionSummary(s) : i >= 0 ? this.accessibleName(i) : '';
        this.canvas.style.cursor = text ? 'pointer' : 'grab';
        this.tip.hidden = !text;
        if (text) {
            const box = this.canvas.getBoundingClientRect();
            this.tip.textContent = text;
            // beside the pointer, on whichever side keeps it inside the map
            const x = event.clientX - box.left;
            const left = x + 12 + this.tip.offsetWidth > box.width ? x - 12 - this.tip.offsetWidth : x + 12;
            this.tip.style.transform = `translate(${Math.max(0, left)}px, ${event.clientY - box.top + 12}px)`;
        }
    }

    /** The seat under a point of the viewport, or -1 (only when seats are drawn large enough to aim at). */
    seatAt(clientX, clientY) {
        if (!this.ids || this.overview()) {
            return -1;
        }
        const [x, y] = this.venuePoint(clientX, clientY);
        // a target of at least 6 px for a mouse and 24 px for a finger
        const target = (this.touch ? TOUCH_PICK_PX : 6) / 2 / this.scale;
        return this.grid.nearest(x, y, Math.max(this.radius * 1.2, target));
    }

    /** The section under a point of the viewport, or -1. */
    sectionAt(clientX, clientY) {
        const [x, y] = this.venuePoint(clientX, clientY);
        return this.sections.findIndex(section => insideConvex(section.hull, x, y, this.spacing));
    }

    venuePoint(clientX, clientY) {
        const box = this.canvas.getBoundingClientRect();
        return [(clientX - box.left - this.tx) / this.scale, (clientY - box.top - this.ty) / this.scale];
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

    /**
     * The nearest seat from seat i in a direction (within 45 degrees of it), or -1: within i's section first, then
     * across the venue; only accessible seating while that filter is on.
     */
    neighbour(i, dx, dy) {
        const section = this.sections[this.sectionOf[i]];
        const within = this.nearestInDirection(i, dx, dy, section.first, section.end);
        return within >= 0 ? within : this.nearestInDirection(i, dx, dy, 0, this.xs.length);
    }

    nearestInDirection(i, dx, dy, from, to) {
        let best = -1;
        let bestScore = Infinity;
        for (let j = from; j < to; j++) {
            const vx = this.xs[j] - this.xs[i];
            const vy = this.ys[j] - this.ys[i];
            const along = vx * dx + vy * dy;
            const across = Math.abs(vx * dy - vy * dx);
            if (along > 1e-9 && across <= along && (!this.filter || this.access[j])) {
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
        const x = this.xs[this.focused] * this.scale + this.tx - size / 2;
        const y = this.ys[this.focused] * this.scale + this.ty - size / 2;
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
        c.fillStyle = BACKGROUND;
        c.fillRect(0, 0, this.width, this.height);
        const pitch = this.pitch();
        const overview = this.overview();
        this.dataset.detail = overview ? 'sections' : 'seats';
        this.shown = {detail: this.dataset.detail, pitch, sectionLabels: [], rowLabels: [], stage: null,
            highlighted: []};
        if (overview && this.current >= 0) {
            this.showSummary(-1);
        }
        this.drawStage(c);
        this.drawSections(c, overview);
        if (overview) {
            this.labelSectionsInOverview(c);
            return;
        }
        const r = this.radius * this.scale;
        this.drawSeats(c, r, pitch);
        if (pitch >= ROW_LABELS_FROM_PX) {
            this.labelRowsAndSections(c, pitch);
        }
        if (document.activeElement === this.focusButton) {
            const [x, y] = this.toScreen(this.focused);
            c.lineWidth = 2;
            c.strokeStyle = '#111';
            c.beginPath();
            c.arc(x, y, r + 3, 0, 2 * Math.PI);
            c.stroke();
        }
    }

    toScreen(i) {
        return [this.xs[i] * this.scale + this.tx, this.ys[i] * this.scale + this.ty];
    }

    inView(x, y) {
        return x >= 0 && x <= this.width && y >= 0 && y <= this.height;
    }

    boxInView([x0, y0, x1, y1]) {
        return x1 * this.scale + this.tx >= 0 && x0 * this.scale + this.tx <= this.width
            && y1 * this.scale + this.ty >= 0 && y0 * this.scale + this.ty <= this.height;
    }

    drawStage(c) {
        if (!this.stage) {
            return;
        }
        const {label, x, y, width, height} = this.stage;
        const [sx, sy, w, h] = [x * this.scale + this.tx, y * this.scale + this.ty, width * this.scale,
            height * this.scale];
        if (sx > this.width || sy > this.height || sx + w < 0 || sy + h < 0) {
            return;
        }
        c.fillStyle = STAGE_COLOUR;
        c.beginPath();
        c.roundRect(sx, sy, w, h, Math.min(6, h / 4));
        c.fill();
        // in the middle of the stage's part in view: inside it where it fits, else over it, legible on its halo
        const [from, to] = [Math.max(sx, 0), Math.min(sx + w, this.width)];
        c.font = `600 ${Math.min(16, Math.floor(h * 0.7))}px ${FONT}`;
        if (h >= 12 && c.measureText(label).width <= to - from - 4) {
            c.fillStyle = '#fff';
            c.textAlign = 'center';
            c.textBaseline = 'middle';
            c.fillText(label, (from + to) / 2, sy + h / 2 + 1);
        } else {
            this.label(c, label, (from + to) / 2, sy + h / 2, 11, INK);
        }
        this.shown.stage = label;
    }

    /** Each section as its outline, grown by a seat's radius; filled by how much of it is left in the overview. */
    drawSections(c, overview) {
        const grow = 2 * this.radius * this.scale + 2;
        c.lineJoin = 'round';
        for (const section of this.sections) {
            const size = section.end - section.first;
            c.beginPath();
            for (let k = 0; k < section.hull.length; k += 2) {
                c.lineTo(section.hull[k] * this.scale + this.tx, section.hull[k + 1] * this.scale + this.ty);
            }
            c.closePath();
            c.globalAlpha = overview ? (section.available ? 0.35 + 0.65 * section.available / size : 0.35) : 0.1;
            c.fillStyle = c.strokeStyle = overview && !section.available ? SOLD_STYLE.colour
                : section.category.colour;
            c.lineWidth = grow;
            c.fill();
            c.stroke();
        }
        c.globalAlpha = 1;
    }

    /** Name, price and seats left on each section, as much of it as fits; shorter forms where the full one does not. */
    labelSectionsInOverview(c) {
        c.textAlign = 'center';
        c.textBaseline = 'middle';
        for (const section of this.sections) {
            const [x, y] = [section.centre[0] * this.scale + this.tx, section.centre[1] * this.scale + this.ty];
            const lines = this.inView(x, y) ? this.overviewLabel(c, section) : [];
            if (!lines.length) {
                continue;
            }
            // one patch of background behind the lines: far cheaper than a halo around every letter
            const width = Math.max(...lines.map(line => line.width)) + 6;
            c.globalAlpha = 0.75;
            c.fillStyle = BACKGROUND;
            c.fillRect(x - width / 2, y - lines.length * 6 - 1, width, lines.length * 12 + 2);
            c.globalAlpha = 1;
            c.fillStyle = INK;
            for (const line of lines) {
                c.font = line.font;
                c.fillText(line.text, x, y + line.dy);
            }
            this.shown.sectionLabels.push(lines.map(line => line.text).join(' · '));
        }
    }

    /**
     * The lines of a section's label ([{font, text, width, dy}]), as many as fit, each within the section's width
     * where it is drawn (slanted sections are narrow); worked out again only when the zoom or the seats left change.
     */
    overviewLabel(c, section) {
        const key = `${this.scale} ${section.available}`;
        if (section.label?.key === key) {
            return section.label.lines;
        }
        const price = section.category.price;
        const candidates = [
            [`600 11px ${FONT}`, [section.name, section.id]],
            [`10px ${FONT}`, price ? [money(price), shortMoney(price)] : []],
            [`10px ${FONT}`, [section.available ? `${section.available} left` : 'sold out']]];
        const [, y0, , y1] = section.box;
        const height = (y1 - y0 + 2 * this.radius) * this.scale;
        let lines = [];
        for (let count = Math.min(candidates.length, Math.floor(height / 12)); count > 0 && !lines.length; count--) {
            lines = candidates.slice(0, count).map(([font, texts], k) => {
                const dy = (k - (count - 1) / 2) * 12;
                const room = Math.min(this.widthAcross(section, dy - 5), this.widthAcross(section, dy + 5));
                c.font = font;
                const text = texts.find(candidate => c.measureText(candidate).width <= room);
                return {font, text, width: text && c.measureText(text).width, dy};
            });
            if (!lines.every(line => line.text)) {
                lines = [];
            }
        }
        section.label = {key, lines};
        return lines;
    }

    /** A section's width on the screen along the horizontal line dy CSS pixels below its middle. */
    widthAcross(section, dy) {
        return (widthAt(section.hull, section.centre[1] + dy / this.scale) + 2 * this.radius) * this.scale - 4;
    }

    /**
     * Row labels beyond both ends of each row in view, kept at the map's edge when an end is out of it; and each
     * section's name in front of its first row.
     */
    labelRowsAndSections(c, pitch) {
        const size = Math.min(13, Math.round(pitch * 0.5));
        const edge = pitch * 0.6;
        const rows = this.sections.filter(section => this.boxInView(section.box)).flatMap(section => section.rows);
        for (const row of rows) {
            const ends = row.end - row.first > 1 ? [[row.first, row.first + 1, 1], [row.end - 1, row.end - 2, -1]]
                : [[row.first, -1, 1]];
            for (const [end, next, inwards] of ends) {
                // the first seat in view from this end; none: the row is out of view
                let seen = end;
                while (seen >= row.first && seen < row.end && !this.inView(...this.toScreen(seen))) {
                    seen += inwards;
                }
                if (seen < row.first || seen >= row.end) {
                    break;
                }
                // one seat further out than the row's end seat, in the row's direction
                const [dx, dy] = next < 0 ? [-1, 0] : [this.xs[end] - this.xs[next], this.ys[end] - this.ys[next]];
                const length = Math.hypot(dx, dy) || 1;
                const x = (this.xs[end] + dx / length * this.spacing * 1.1) * this.scale + this.tx;
                const y = (this.ys[end] + dy / length * this.spacing * 1.1) * this.scale + this.ty;
                this.label(c, row.label, ...this.towardsEdge(...this.toScreen(seen), x, y, edge), size, '#4f545c');
                this.shown.rowLabels.push(`${this.sections[this.sectionOf[end]].id} ${row.label}`);
            }
        }
        for (const section of this.sections) {
            const [x, y] = [section.front[0] * this.scale + this.tx, section.front[1] * this.scale + this.ty];
            if (this.inView(x, y)) {
                // wholly in view, however close to the edge its anchor is
                c.font = `700 13px ${FONT}`;
                const half = c.measureText(section.name).width / 2 + 2;
                this.label(c, section.name, Math.min(Math.max(x, half), this.width - half), y, 13, INK, 700);
                this.shown.sectionLabels.push(section.name);
            }
        }
    }

    /** From (ax, ay) in view towards (bx, by): b itself if in view, else where the way leaves the view. */
    towardsEdge(ax, ay, bx, by, edge) {
        let t = 1;
        for (const [a, b, max] of [[ax, bx, this.width], [ay, by, this.height]]) {
            if (b < edge) {
                t = Math.min(t, (edge - a) / (b - a));
            } else if (b > max - edge) {
                t = Math.min(t, (max - edge - a) / (b - a));
            }
        }
        t = Math.max(0, t);
        return [ax + t * (bx - ax), ay + t * (by - ay)];
    }

    /** Text on a patch of the background's colour, legible over seats and section shapes alike. */
    label(c, text, x, y, size, colour, weight = 600) {
        c.font = `${weight} ${size}px ${FONT}`;
        c.textAlign = 'center';
        c.textBaseline = 'middle';
        const width = c.measureText(text).width + 4;
        c.fillStyle = BACKGROUND;
        c.fillRect(x - width / 2, y - size / 2 - 2, width, size + 4);
        c.fillStyle = colour;
        c.fillText(text, x, y);
    }

    /** Seats batched by style: one path per style, so 20,000 seats are a handful of fill and stroke calls. */
    drawSeats(c, r, pitch) {
        const squares = pitch < SQUARES_BELOW_PX;
        const marks = pitch >= MARKS_FROM_PX;
        const numbers = pitch >= NUMBERS_FROM_PX;
        const [minX, minY] = [(-r - this.tx) / this.scale, (-r - this.ty) / this.scale];
        const [maxX, maxY] = [(this.width + r - this.tx) / this.scale, (this.height + r - this.ty) / this.scale];
        const glyphs = []; // the seats with a number or an access symbol in them
        const highlighted = [];
        for (const [style, seats, dimmed] of this.styleBuckets()) {
            c.globalAlpha = dimmed ? 0.2 : 1;
            c.beginPath();
            const drawn = [];
            for (const i of seats) {
                const x = this.xs[i];
                const y = this.ys[i];
                if (x < minX || x > maxX || y < minY || y > maxY) {
                    continue;
                }
                traceSeat(c, style, x * this.scale + this.tx, y * this.scale + this.ty, r, squares);
                drawn.push(i);
            }
            paintSeats(c, style, r);
            if (dimmed) {
                continue;
            }
            if (style.check && marks) {
                c.beginPath();
                drawn.forEach(i => traceCheck(c, ...this.toScreen(i), r));
                paintCheck(c, style, r);
            }
            for (const i of drawn) {
                if (this.filter) {
                    highlighted.push(i);
                }
                if (style.ink && marks && (numbers || this.access[i])) {
                    glyphs.push(i);
                }
            }
        }
        c.globalAlpha = 1;
        for (const i of glyphs) {
            drawGlyph(c, this.styleOf(i), this.access[i], this.numbers[i], ...this.toScreen(i), r);
        }
        if (highlighted.length) {
            // the accessible seats the filter shows, ringed so that they stand out from the dimmed others
            c.beginPath();
            for (const i of highlighted) {
                const [x, y] = this.toScreen(i);
                c.moveTo(x + r + 3, y);
                c.arc(x, y, r + 3, 0, 2 * Math.PI);
            }
            c.lineWidth = 2;
            c.strokeStyle = INK;
            c.stroke();
            this.shown.highlighted = highlighted.map(i => this.ids[i]);
        }
    }

    /** How a seat is drawn: the fan's selection and holds, else by status, available ones in their category's. */
    styleOf(i) {
        return this.selected.has(i) ? SELECTED_STYLE
            : this.status[i] === AVAILABLE ? this.sections[this.sectionOf[i]].category.style
                : this.status[i] === SOLD ? SOLD_STYLE
                    : this.status[i] === HOUSE ? HOUSE_STYLE
                        : this.mine.has(i) ? MINE_STYLE : HELD_STYLE;
    }

    /**
     * [style, seat indexes, dimmed] for every style in use; rebuilt only when statuses, the selection or the filter
     * change. Dimmed seats (not accessible seating, while that filter is on) first; the fan's own last, on top.
     */
    styleBuckets() {
        if (!this.buckets) {
            const shown = new Map();
            const dimmed = new Map();
            for (let i = 0; i < this.xs.length; i++) {
                const style = this.styleOf(i);
                const buckets = this.filter && !this.access[i] ? dimmed : shown;
                const bucket = buckets.get(style);
                bucket ? bucket.push(i) : buckets.set(style, [i]);
            }
            const own = style => style === SELECTED_STYLE || style === MINE_STYLE;
            this.buckets = [...[...dimmed].map(([style, seats]) => [style, seats, true]),
                ...[...shown].sort(([a], [b]) => own(a) - own(b)).map(([style, seats]) => [style, seats, false])];
        }
        return this.buckets;
    }
}

// ---------------------------------------------------------------- one seat's shapes, for the map and its legend

/** Adds one seat's outline to the current path: a disc or ring (a square while small), or a cross. */
function traceSeat(c, style, x, y, r, squares) {
    if (style.shape === 'cross') {
        const d = r * 0.7;
        c.moveTo(x - d, y - d);
        c.lineTo(x + d, y + d);
        c.moveTo(x + d, y - d);
        c.lineTo(x - d, y + d);
        return;
    }
    const inset = style.shape === 'ring' ? strokeWidth(r) / 2 : 0;
    if (squares) {
        c.rect(x - r + inset, y - r + inset, 2 * (r - inset), 2 * (r - inset));
    } else {
        c.moveTo(x + r - inset, y);
        c.arc(x, y, r - inset, 0, 2 * Math.PI);
    }
}

function strokeWidth(r) {
    return Math.max(1, r * 0.3);
}

function paintSeats(c, style, r) {
    if (style.shape === 'fill') {
        c.fillStyle = style.colour;
        c.fill();
    } else {
        c.lineWidth = strokeWidth(r);
        c.strokeStyle = style.colour;
        c.stroke();
    }
}

function traceCheck(c, x, y, r) {
    c.moveTo(x - r * 0.45, y);
    c.lineTo(x - r * 0.1, y + r * 0.35);
    c.lineTo(x + r * 0.45, y - r * 0.35);
}

function paintCheck(c, style, r) {
    c.lineWidth = Math.max(1.5, r * 0.25);
    c.lineJoin = 'round';
    c.lineCap = 'round';
    c.strokeStyle = style.check;
    c.stroke();
    c.lineCap = 'butt';
}

/** In a seat: the wheelchair symbol, C for a companion seat, or else its number. */
function drawGlyph(c, style, access, number, x, y, r) {
    c.fillStyle = c.strokeStyle = style.ink;
    if (access === WHEELCHAIR) {
        // the international symbol of access, drawn in a box of 20 units around the seat's centre
        const u = r / 10;
        c.lineWidth = 1.6 * u;
        c.lineCap = 'round';
        c.beginPath();
        c.arc(x - u, y - 6.5 * u, 1.8 * u, 0, 2 * Math.PI);
        c.fill();
        c.beginPath();
        c.moveTo(x - 1.5 * u, y - 3.5 * u);
        c.lineTo(x - 1.5 * u, y + 1.5 * u);
        c.lineTo(x + 3 * u, y + 1.5 * u);
        c.lineTo(x + 5 * u, y + 6 * u);
        c.moveTo(x - 1.5 * u, y - u);
        c.lineTo(x + 2.5 * u, y - u);
        c.moveTo(x - 1.5 * u + 4.8 * u * Math.cos(-0.15 * Math.PI), y + 3.5 * u + 4.8 * u * Math.sin(-0.15 * Math.PI));
        c.arc(x - 1.5 * u, y + 3.5 * u, 4.8 * u, -0.15 * Math.PI, 1.3 * Math.PI);
        c.stroke();
        c.lineCap = 'butt';
        return;
    }
    c.font = `700 ${Math.round(r * (access === COMPANION ? 1.1 : 0.85))}px ${FONT}`;
    c.textAlign = 'center';
    c.textBaseline = 'middle';
    c.fillText(access === COMPANION ? 'C' : number, x, y + 1);
}

/** One seat drawn large, as the legend shows it. */
function symbol(style, access) {
    const size = 20;
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.className = 'swatch';
    canvas.width = canvas.height = size * ratio;
    canvas.setAttribute('aria-hidden', 'true');
    const c = canvas.getContext('2d');
    c.scale(ratio, ratio);
    const r = size / 2 - 1;
    c.beginPath();
    traceSeat(c, style, size / 2, size / 2, r, false);
    paintSeats(c, style, r);
    if (style.check) {
        c.beginPath();
        traceCheck(c, size / 2, size / 2, r);
        paintCheck(c, style, r);
    }
    if (access) {
        drawGlyph(c, style, access, '', size / 2, size / 2, r);
    }
    return canvas;
}

customElements.define('seat-map', SeatMap);
