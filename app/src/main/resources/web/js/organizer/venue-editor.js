// The organizer's venue editor: sections built from rows x seats per row, straight or curved, or seats imported from
// a CSV file; the venue's time zone and stage; a preview drawing; then POST /api/venues, its refusals shown beside
// the fields they are about.

import {call} from '../api.js';
import {element, tag} from '../dom.js';
import {explain} from '../words.js';
import {timeZones} from './zoned-time.js';
import {clearFieldErrors, showFieldErrors} from './field-errors.js';
import {titled} from '../main.js';

/** Distance between neighbouring seats, in the map's units. */
const SPACING = 2;
const CSV_HEADER = ['section', 'row', 'number', 'x', 'y', 'category'];
const ACCESS = ['WHEELCHAIR', 'COMPANION'];

/** Row labels: 1, 2, 3… or A, B, … Z, AA, AB… */
function rowLabel(index, letters) {
    if (!letters) {
        return String(index + 1);
    }
    let label = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
        label = String.fromCharCode(65 + (n - 1) % 26) + label;
    }
    return label;
}

/**
 * A section's rows of seats from what the form says. Straight rows run left to right from (x, y), one under the
 * other; curved rows are arcs around a point above the block (where a stage would be), each row further out.
 */
export function sectionRows({rows, seatsPerRow, shape, x, y, letters}) {
    const built = [];
    const radius = Math.max(seatsPerRow, 2) * SPACING;
    const span = (seatsPerRow - 1) * SPACING / radius;
    const centreX = x + (seatsPerRow - 1) * SPACING / 2;
    for (let r = 0; r < rows; r++) {
        const seats = [];
        for (let s = 0; s < seatsPerRow; s++) {
            let seatX = x + s * SPACING;
            let seatY = y + r * SPACING;
            if (shape === 'arc' && seatsPerRow > 1) {
                const angle = -span / 2 + s * span / (seatsPerRow - 1);
                seatX = centreX + (radius + r * SPACING) * Math.sin(angle);
                seatY = y - radius + (radius + r * SPACING) * Math.cos(angle);
            }
            seats.push({number: String(s + 1), x: round(seatX), y: round(seatY)});
        }
        built.push({label: rowLabel(r, letters), seats});
    }
    return built;
}

const round = value => Math.round(value * 100) / 100;

/**
 * Sections from a CSV of seats, one a line after a header: section,row,number,x,y,category[,access]. A section's seats
 * have one category; rows and seats keep the file's order.
 */
export function sectionsFromCsv(text) {
    const lines = text.split(/\r?\n/).map(line => line.trim()).filter(Boolean);
    const header = (lines.shift() || '').toLowerCase().split(',').map(cell => cell.trim());
    if (CSV_HEADER.some((column, i) => header[i] !== column)) {
        throw new Error(`The first line must be the header ${CSV_HEADER.join(',')}[,access].`);
    }
    const sections = new Map();
    lines.forEach((line, i) => {
        const [section, row, number, x, y, category, access = ''] = line.split(',').map(cell => cell.trim());
        const where = `Line ${i + 2}`;
        if (!section || !row || !number || !category) {
            throw new Error(`${where}: section, row, number and category are all needed.`);
        }
        if (!Number.isFinite(Number(x)) || !Number.isFinite(Number(y)) || x === '' || y === '') {
            throw new Error(`${where}: x and y must be numbers.`);
        }
        if (access && !ACCESS.includes(access.toUpperCase())) {
            throw new Error(`${where}: access is WHEELCHAIR, COMPANION or empty, not "${access}".`);
        }
        if (!sections.has(section)) {
            sections.set(section, {id: section, name: section, category, rows: new Map()});
        }
        const built = sections.get(section);
        if (built.category !== category) {
            throw new Error(`${where}: section ${section} has seats of category ${built.category} already; ` +
                'one section has one category.');
        }
        if (!built.rows.has(row)) {
            built.rows.set(row, []);
        }
        const seat = {number, x: Number(x), y: Number(y)};
        if (access) {
            seat.access = access.toUpperCase();
        }
        built.rows.get(row).push(seat);
    });
    if (!sections.size) {
        throw new Error('The file has no seats.');
    }
    return [...sections.values()].map(section => ({...section,
        rows: [...section.rows].map(([label, seats]) => ({label, seats}))}));
}

const SECTION_TEMPLATE = `
    <fieldset class="section-editor">
        <legend>Section</legend>
        <div class="grid">
            <label>Id <input name="id" required maxlength="32" pattern="[A-Za-z0-9_.]{1,32}"></label>
            <label>Name <input name="name" required maxlength="100"></label>
            <label>Category <input name="category" required maxlength="32" pattern="[A-Za-z0-9_.]{1,32}"></label>
            <label>Rows <input name="rows" type="number" min="1" max="200" value="5" required></label>
            <label>Seats per row <input name="seatsPerRow" type="number" min="1" max="500" value="10" required></label>
            <label>Shape <select name="shape"><option value="straight">Straight rows</option>
                <option value="arc">Curved rows</option></select></label>
            <label>Rows named <select name="rowNames"><option value="numbers">1, 2, 3…</option>
                <option value="letters">A, B, C…</option></select></label>
            <label>Left (x) <input name="x" type="number" step="any" value="0" required></label>
            <label>Top (y) <input name="y" type="number" step="any" value="0" required></label>
        </div>
        <p class="field-error" role="alert"></p>
        <button type="button" class="remove">Remove section</button>
    </fieldset>`;

export function render(page) {
    page.append(element(`
        <form class="organizer venue-editor" novalidate>
            <h1>New venue</h1>
            <div class="editor-columns">
            <div class="editor-fields">
                <label>Name <input name="name" required maxlength="200"></label>
                <p class="field-error" data-field="name"></p>
                <label>City <input name="city" required maxlength="100"></label>
                <p class="field-error" data-field="city"></p>
                <label>Time zone <select name="timeZone"></select>
                    <small>Its events' times are entered and shown in it.</small></label>
                <p class="field-error" data-field="timeZone"></p>
                <fieldset class="stage"><legend>Stage</legend>
                    <label class="check"><input type="checkbox" name="hasStage"> Draw a stage</label>
                    <div class="grid">
                        <label>Label <input name="stageLabel" value="Stage" maxlength="40"></label>
                        <label>x <input name="stageX" type="number" step="any" value="0"></label>
                        <label>y <input name="stageY" type="number" step="any" value="-12"></label>
                        <label>Width <input name="stageWidth" type="number" step="any" min="0" value="20"></label>
                        <label>Height <input name="stageHeight" type="number" step="any" min="0" value="6"></label>
                    </div>
                    <p class="field-error" data-field="stage"></p>
                </fieldset>
                <div class="sections"></div>
                <button type="button" class="add-section">Add a section</button>
                <fieldset class="csv"><legend>Or import seats</legend>
                    <label>CSV file <input type="file" name="csv" accept=".csv,text/csv"></label>
                    <small>One seat a line after the header <code>section,row,number,x,y,category,access</code>;
                        access is WHEELCHAIR, COMPANION or empty. Imported sections replace the ones above.</small>
                    <p class="csv-state" role="status"></p>
                    <button type="button" class="forget-csv" hidden>Use the sections above instead</button>
                </fieldset>
            </div>
            <figure class="venue-preview">
                <canvas width="480" height="360" aria-label="Preview of the venue's seats"></canvas>
                <figcaption></figcaption>
            </figure>
            </div>
            <p class="problem" role="alert"></p>
            <p class="done" role="status"></p>
            <button type="submit" class="primary">Create venue</button>
        </form>`));
    titled('New venue');
    const form = page.querySelector('form.venue-editor');
    const zone = form.querySelector('select[name=timeZone]');
    zone.append(...timeZones().map(name => tag('option', name, {value: name})));
    zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    let imported = null;

    const addSection = () => {
        const fieldset = element(SECTION_TEMPLATE);
        const n = form.querySelectorAll('.section-editor').length + 1;
        const letter = rowLabel(n - 1, true);
        fieldset.querySelector('[name=id]').value = letter;
        fieldset.querySelector('[name=name]').value = `Section ${letter}`;
        fieldset.querySelector('[name=category]').value = 'STANDARD';
        fieldset.querySelector('[name=y]').value = String((n - 1) * 14);
        fieldset.querySelector('.remove').addEventListener('click', () => {
            fieldset.remove();
            preview();
        });
        form.querySelector('.sections').append(fieldset);
        preview();
    };

    const sections = () => imported || [...form.querySelectorAll('.section-editor')].map(fieldset => {
        const value = name => fieldset.querySelector(`[name=${name}]`).value;
        return {id: value('id').trim(), name: value('name').trim(), category: value('category').trim(),
            rows: sectionRows({rows: Number(value('rows')), seatsPerRow: Number(value('seatsPerRow')),
                shape: value('shape'), x: Number(value('x')), y: Number(value('y')),
                letters: value('rowNames') === 'letters'})};
    });

    const stage = () => {
        const value = name => form.querySelector(`[name=${name}]`).value;
        return form.querySelector('[name=hasStage]').checked ? {label: value('stageLabel').trim(),
            x: Number(value('stageX')), y: Number(value('stageY')), width: Number(value('stageWidth')),
            height: Number(value('stageHeight'))} : undefined;
    };

    const preview = () => drawPreview(form.querySelector('.venue-preview'), sections(), stage());

    form.addEventListener('input', preview);
    form.querySelector('.add-section').addEventListener('click', addSection);
    form.querySelector('[name=csv]').addEventListener('change', async event => {
        const file = event.target.files[0];
        const state = form.querySelector('.csv-state');
        if (!file) {
            return;
        }
        try {
            imported = sectionsFromCsv(await file.text());
            const seats = imported.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.seats.length, 0), 0);
            state.textContent = `${seats.toLocaleString()} seats in ${imported.length} section(s) from ${file.name}.`;
            form.querySelector('.forget-csv').hidden = false;
        } catch (error) {
            imported = null;
            state.textContent = error.message;
        }
        form.querySelector('.sections').hidden = !!imported;
        form.querySelector('.add-section').hidden = !!imported;
        preview();
    });
    form.querySelector('.forget-csv').addEventListener('click', () => {
        imported = null;
        form.querySelector('[name=csv]').value = '';
        form.querySelector('.csv-state').textContent = '';
        form.querySelector('.forget-csv').hidden = true;
        form.querySelector('.sections').hidden = false;
        form.querySelector('.add-section').hidden = false;
        preview();
    });

    form.addEventListener('submit', async event => {
        event.preventDefault();
        const button = form.querySelector('button[type=submit]');
        clearFieldErrors(form);
        form.querySelector('.done').textContent = '';
        const body = {name: form.querySelector('[name=name]').value.trim(),
            city: form.querySelector('[name=city]').value.trim(), timeZone: zone.value, sections: sections(),
            stage: stage()};
        button.disabled = true;
        try {
            const created = await call('/api/venues', {method: 'POST', body});
            form.querySelector('.done').replaceChildren(`Venue ${body.name} created. `, tag('a',
                'Create an event there', {href: `#/organizer?venue=${encodeURIComponent(created.venueId)}`}));
        } catch (error) {
            showErrors(form, error);
        } finally {
            button.disabled = false;
        }
    });
    addSection();
}

const FIELD_WORDS = {name: 'the name', city: 'the city', timeZone: 'the time zone', id: 'the id',
    category: 'the category', label: 'the label', number: 'the number', x: 'x', y: 'y', width: 'the width',
    height: 'the height', rows: 'the rows', seats: 'the seats', sections: 'the sections'};

/** "sections[0].rows[2].seats[0].x" -> "row 3, seat 1: x" */
function fieldWords(path) {
    return path.replace(/^sections\[\d+]\.?/, '').replace(/^stage\.?/, '')
        .replace(/rows\[(\d+)]\.?/, (all, i) => `row ${Number(i) + 1}, `)
        .replace(/seats\[(\d+)]\.?/, (all, i) => `seat ${Number(i) + 1}, `)
        .replace(/([A-Za-z]+)$/, word => FIELD_WORDS[word] || word).replace(/, $/, '') || 'this';
}

/** The server's field errors, each beside the field or section it is about, in words; the rest above the button. */
function showErrors(form, error) {
    const errors = error.problem?.errors || [];
    const sectionsShown = !form.querySelector('.sections').hidden;
    const unplaced = showFieldErrors(form, errors, {
        placeOf: field => {
            const section = field.match(/^sections\[(\d+)]/);
            return !section ? form.querySelector(`.field-error[data-field="${field.split('.')[0]}"]`)
                : sectionsShown ? form.querySelectorAll('.section-editor .field-error')[Number(section[1])] : null;
        },
        wordsOf: (field, message) => `${fieldWords(field)}: ${message}`});
    form.querySelector('.problem').textContent = unplaced.length
        ? `Please check: ${unplaced.map(({field, message}) => `${fieldWords(field)}: ${message}`).join('; ')}.`
        : errors.length ? 'Please check the fields marked above.' : explain(error);
}

/** Every seat as a dot in its category's colour, and the stage, scaled to fit. */
function drawPreview(figure, sections, stage) {
    const canvas = figure.querySelector('canvas');
    const context = canvas.getContext('2d');
    context.clearRect(0, 0, canvas.width, canvas.height);
    const seats = sections.flatMap(section => section.rows.flatMap(row => row.seats
        .filter(seat => Number.isFinite(seat.x) && Number.isFinite(seat.y))
        .map(seat => ({...seat, category: section.category}))));
    const xs = seats.map(seat => seat.x).concat(stage ? [stage.x, stage.x + stage.width] : []);
    const ys = seats.map(seat => seat.y).concat(stage ? [stage.y, stage.y + stage.height] : []);
    figure.querySelector('figcaption').textContent = `${seats.length.toLocaleString()} seats in ` +
        `${sections.length} section(s)`;
    if (!xs.length) {
        return;
    }
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const margin = 12;
    const scale = Math.min((canvas.width - 2 * margin) / Math.max(maxX - minX, 1),
        (canvas.height - 2 * margin) / Math.max(maxY - minY, 1));
    const at = (x, y) => [margin + (x - minX) * scale, margin + (y - minY) * scale];
    if (stage) {
        const [x, y] = at(stage.x, stage.y);
        context.fillStyle = '#d9dce3';
        context.fillRect(x, y, stage.width * scale, stage.height * scale);
        context.fillStyle = '#1d1d1f';
        context.textAlign = 'center';
        context.fillText(stage.label || '', x + stage.width * scale / 2, y + stage.height * scale / 2 + 4);
    }
    const colours = ['#3b6fd8', '#0f9d76', '#c5621a', '#8e44c9', '#b88a00', '#d0427a'];
    const categories = [...new Set(seats.map(seat => seat.category))];
    const radius = Math.max(1, Math.min(SPACING * scale * 0.4, 6));
    for (const seat of seats) {
        const [x, y] = at(seat.x, seat.y);
        context.fillStyle = colours[categories.indexOf(seat.category) % colours.length];
        context.beginPath();
        context.arc(x, y, radius, 0, 2 * Math.PI);
        context.fill();
    }
}
