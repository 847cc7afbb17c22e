/**
 * Station names: which are shown at each zoom level and where, so that the names shown never
 * overlap each other, the lines or the markers, and the important ones come first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxesOverlap,
  countLabelOverlaps,
  LABEL_FONT_PX,
  LABEL_ZOOMS,
  type LabelledStation,
  type LabelObstacles,
  labelBox,
  labelFont,
  labelLevelForZoom,
  labelSize,
  placeLabels,
  type Stroke,
  strokeHitsBox,
} from '../../web/src/lib/label-placement.ts';

function stationAt(
  id: string,
  x: number,
  y: number,
  text = 'Kaarina Toivonen',
  extra: Partial<LabelledStation> = {},
): LabelledStation {
  return { id, x, y, width: 14, height: 14, text, important: false, priority: 0, ...extra };
}

function stroke(x1: number, y1: number, x2: number, y2: number): Stroke {
  return { x1, y1, x2, y2, halfWidth: 4 };
}

/** A line through the stations in order, drawn as strokes between neighbours. */
function lineThrough(stations: readonly LabelledStation[]): Stroke[] {
  return stations.slice(1).map((s, i) => {
    const previous = stations[i] as LabelledStation;
    return stroke(previous.x, previous.y, s.x, s.y);
  });
}

const LAST = LABEL_ZOOMS.length - 1;

/** How many names are drawn at `level`. */
function shownAt(plans: ReturnType<typeof placeLabels>, level: number): number {
  return [...plans.values()].filter((plan) => plan.level <= level).length;
}

describe('strokeHitsBox', () => {
  it('finds segments that cross a box, and only those', () => {
    const box = { minX: 10, minY: 10, maxX: 20, maxY: 20 };
    expect(strokeHitsBox(stroke(0, 15, 30, 15), box)).toBe(true);
    expect(strokeHitsBox(stroke(0, 0, 30, 30), box)).toBe(true);
    expect(strokeHitsBox(stroke(0, 40, 30, 40), box)).toBe(false);
    expect(strokeHitsBox(stroke(0, 0, 5, 5), box)).toBe(false);
    // A diagonal passing the box's corner at a distance: its bounding box overlaps, it does not.
    expect(strokeHitsBox(stroke(0, 40, 40, 0), { minX: 0, minY: 0, maxX: 10, maxY: 10 })).toBe(
      false,
    );
  });
});

describe('label levels', () => {
  it('cuts the zooms into increasing levels, and finds the level in force at a zoom', () => {
    for (let k = 1; k < LABEL_ZOOMS.length; k++) {
      expect(LABEL_ZOOMS[k]).toBeGreaterThan(LABEL_ZOOMS[k - 1] as number);
    }
    expect(labelLevelForZoom((LABEL_ZOOMS[0] as number) / 2)).toBe(-1);
    expect(labelLevelForZoom(LABEL_ZOOMS[5] as number)).toBe(5);
    expect(labelLevelForZoom((LABEL_ZOOMS[5] as number) * 1.1)).toBe(5);
    expect(labelLevelForZoom(100)).toBe(LAST);
  });

  it('keeps names the same size on screen at the zoom where their level starts', () => {
    for (const level of [0, 7, LAST]) {
      const { fontSize } = labelFont(level, false);
      expect(fontSize * (LABEL_ZOOMS[level] as number)).toBeCloseTo(LABEL_FONT_PX);
    }
    const far = labelSize({ text: 'Kaarina Toivonen', important: false }, 0);
    const near = labelSize({ text: 'Kaarina Toivonen', important: false }, LAST);
    expect(far.width).toBeGreaterThan(near.width);
  });
});

describe('placeLabels', () => {
  it('names every station of a roomy vertical line beside it, from a far level on', () => {
    const stations = [0, 1, 2, 3].map((i) => stationAt(`s${i}`, 0, i * 300));
    const strokes = lineThrough(stations);
    const plans = placeLabels(stations, { strokes, boxes: [] });
    for (const station of stations) {
      const plan = plans.get(station.id);
      expect(plan?.side === 'right' || plan?.side === 'left', station.id).toBe(true);
      expect(plan?.level, station.id).toBeLessThan(10);
    }
  });

  it('shows fewer names on a dense line when zoomed out, and all of them close up', () => {
    const stations = Array.from({ length: 10 }, (_, i) => stationAt(`s${i}`, i * 60, 0));
    const obstacles = { strokes: lineThrough(stations), boxes: [] };
    const plans = placeLabels(stations, obstacles);
    const counts = LABEL_ZOOMS.map((_, level) => shownAt(plans, level));
    // Zooming in only ever adds names.
    for (let level = 1; level <= LAST; level++) {
      expect(counts[level]).toBeGreaterThanOrEqual(counts[level - 1] as number);
    }
    expect(counts[labelLevelForZoom(0.35)]).toBeLessThan(stations.length);
    expect(counts[LAST]).toBe(stations.length);
    // Names on a horizontal line go above or below it, never across it.
    expect(countLabelOverlaps(stations, plans, obstacles, LAST)).toMatchObject({
      labels: 0,
      strokes: 0,
      boxes: 0,
    });
  });

  it('names interchanges first where there is room for only some names', () => {
    const line = (important: ReadonlySet<number>) =>
      Array.from({ length: 10 }, (_, i) =>
        stationAt(`s${i}`, i * 60, 0, `Asema numero ${i}`, {
          important: important.has(i),
          priority: important.has(i) ? 12 : 0,
        }),
      );
    const far = labelLevelForZoom(0.35);
    for (const important of [new Set([3, 6]), new Set([4, 8])]) {
      const stations = line(important);
      const plans = placeLabels(stations, { strokes: lineThrough(stations), boxes: [] });
      for (const index of important) {
        expect(plans.get(`s${index}`)?.level, `s${index}`).toBeLessThanOrEqual(far);
      }
      expect(shownAt(plans, far)).toBeLessThan(stations.length);
    }
  });

  it('keeps names off code badges and other boxes', () => {
    const station = stationAt('s', 0, 0);
    // A badge right of the station and one left of it: the name goes over or under them.
    const boxes = [
      { minX: 10, minY: -6, maxX: 200, maxY: 6 },
      { minX: -200, minY: -6, maxX: -10, maxY: 6 },
    ];
    const plans = placeLabels([station], { strokes: [], boxes });
    const plan = plans.get('s');
    expect(plan?.level).toBeLessThan(LAST);
    expect(['right', 'left']).not.toContain(plan?.side);
    expect(
      countLabelOverlaps([station], plans, { strokes: [], boxes }, plan?.level ?? 0).boxes,
    ).toBe(0);
  });

  it('is deterministic, whatever the order of the stations', () => {
    const stations = [0, 1, 2, 3, 4].map((i) => stationAt(`s${i}`, i * 40, i * 20));
    const obstacles = { strokes: lineThrough(stations), boxes: [] };
    expect(placeLabels(stations, obstacles)).toEqual(
      placeLabels([...stations].reverse(), obstacles),
    );
  });

  it('never shows overlapping names below the closest level, on any map', () => {
    const station = fc.record({
      x: fc.integer({ min: 0, max: 12 }).map((v) => v * 60),
      y: fc.integer({ min: 0, max: 8 }).map((v) => v * 60),
      text: fc.string({ minLength: 1, maxLength: 30 }),
      important: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(station, { minLength: 1, maxLength: 30, selector: (s) => `${s.x},${s.y}` }),
        (drawn) => {
          const stations = drawn.map((s, i) =>
            stationAt(`s${i}`, s.x, s.y, s.text, {
              important: s.important,
              priority: s.important ? 12 : 0,
            }),
          );
          const obstacles: LabelObstacles = { strokes: lineThrough(stations), boxes: [] };
          const plans = placeLabels(stations, obstacles);
          expect(plans.size).toBe(stations.length);
          for (const level of [0, 6, 10, 14, LAST - 1]) {
            expect(countLabelOverlaps(stations, plans, obstacles, level)).toMatchObject({
              labels: 0,
              strokes: 0,
              boxes: 0,
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('countLabelOverlaps', () => {
  it('counts names that cover each other, a line or another marker', () => {
    const a = stationAt('a', 0, 0);
    const b = stationAt('b', 30, 0);
    const plans = new Map([
      ['a', { level: 0, side: 'right' as const }],
      ['b', { level: 0, side: 'right' as const }],
    ]);
    const line = stroke(60, -100, 60, 100);
    const overlaps = countLabelOverlaps([a, b], plans, { strokes: [line], boxes: [] }, LAST);
    expect(overlaps.shown).toBe(2);
    expect(overlaps.labels).toBe(1);
    expect(overlaps.strokes).toBe(2);
    // a's name runs over b's marker.
    expect(overlaps.boxes).toBe(1);
    expect(
      boxesOverlap(
        labelBox(a, 'right', labelSize(a, LAST)),
        labelBox(b, 'right', labelSize(b, LAST)),
      ),
    ).toBe(true);
  });
});
