// Plane geometry the seat map needs once per venue: section outlines and the seats' spacing.

/** Convex hull of points (Andrew's monotone chain), counter-clockwise, as a flat [x0, y0, x1, y1, ...] array. */
export function convexHull(xs, ys) {
    const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b] || ys[a] - ys[b]);
    if (order.length < 3) {
        return order.flatMap(i => [xs[i], ys[i]]);
    }
    const cross = (o, a, b) => (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
    const half = points => {
        const chain = [];
        for (const p of points) {
            while (chain.length >= 2 && cross(chain[chain.length - 2], chain[chain.length - 1], p) <= 0) {
                chain.pop();
            }
            chain.push(p);
        }
        chain.pop();
        return chain;
    };
    return [...half(order), ...half([...order].reverse())].flatMap(i => [xs[i], ys[i]]);
}

/**
 * Whether (x, y) lies inside a convex hull as {@link convexHull} gives it, or within tolerance of its edges (a hull
 * of one or two points is a dot or a segment, inside nothing but its tolerance).
 */
export function insideConvex(hull, x, y, tolerance) {
    const n = hull.length / 2;
    for (let k = 0; k < n; k++) {
        const [ax, ay] = [hull[2 * k], hull[2 * k + 1]];
        const [bx, by] = [hull[(2 * k + 2) % hull.length], hull[(2 * k + 3) % hull.length]];
        const length = Math.hypot(bx - ax, by - ay);
        const side = length ? ((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / length : -Math.hypot(x - ax, y - ay);
        if (side < -tolerance) {
            return false;
        }
    }
    return n > 0;
}

/** How wide a convex hull is along the horizontal line at y (0 where the line misses it). */
export function widthAt(hull, y) {
    let [from, to] = [Infinity, -Infinity];
    for (let k = 0; k < hull.length; k += 2) {
        const [ax, ay] = [hull[k], hull[k + 1]];
        const [bx, by] = [hull[(k + 2) % hull.length], hull[(k + 3) % hull.length]];
        if ((ay - y) * (by - y) <= 0 && ay !== by) {
            const x = ax + (bx - ax) * (y - ay) / (by - ay);
            [from, to] = [Math.min(from, x), Math.max(to, x)];
        }
    }
    return Math.max(0, to - from);
}

/** Median distance between neighbouring seats of a row: the map's unit for seat size and hit testing. */
export function seatSpacing(rows) {
    const gaps = [];
    for (const row of rows) {
        for (let i = 1; i < row.length && gaps.length < 20000; i++) {
            const gap = Math.hypot(row[i].x - row[i - 1].x, row[i].y - row[i - 1].y);
            if (gap > 0) {
                gaps.push(gap);
            }
        }
    }
    if (!gaps.length) {
        return 1;
    }
    gaps.sort((a, b) => a - b);
    return gaps[Math.floor(gaps.length / 2)];
}

/** A uniform grid over the seats, to find the seat under a point without looking at every seat. */
export class SeatGrid {
    constructor(xs, ys, cell) {
        this.xs = xs;
        this.ys = ys;
        this.cell = cell;
        this.cells = new Map();
        for (let i = 0; i < xs.length; i++) {
            const key = this.key(Math.floor(xs[i] / cell), Math.floor(ys[i] / cell));
            const bucket = this.cells.get(key);
            bucket ? bucket.push(i) : this.cells.set(key, [i]);
        }
    }

    key(cx, cy) {
        return `${cx},${cy}`;
    }

    /** The seat nearest to (x, y) within maxDistance, or -1. */
    nearest(x, y, maxDistance) {
        const cx = Math.floor(x / this.cell);
        const cy = Math.floor(y / this.cell);
        let best = -1;
        let bestDistance = maxDistance;
        for (let dx = -1; dx <= 1; dx++) {
            for (let dy = -1; dy <= 1; dy++) {
                for (const i of this.cells.get(this.key(cx + dx, cy + dy)) || []) {
                    const d = Math.hypot(this.xs[i] - x, this.ys[i] - y);
                    if (d <= bestDistance) {
                        best = i;
                        bestDistance = d;
                    }
                }
            }
        }
        return best;
    }
}
