/** Station labels keep clear of each other, the lines and the markers where there is room. */
import { describe, expect, it } from 'vitest';
import {
  countLabelOverlaps,
  type LabelledStation,
  labelShape,
  placeLabels,
  type Stroke,
  strokeHitsBox,
} from '../../web/src/lib/label-placement.ts';

function stationAt(id: string, x: number, y: number, text = 'Kaarina Toivonen'): LabelledStation {
  return { id, x, y, markerSize: 18, text, fontSize: 11, priority: 0 };
}

function stroke(x1: number, y1: number, x2: number, y2: number): Stroke {
  return { x1, y1, x2, y2, halfWidth: 4 };
}

describe('strokeHitsBox', () => {
  it('finds segments that cross a box, and only those', () => {
    const box = { minX: 10, minY: 10, maxX: 20, maxY: 20 };
    expect(strokeHitsBox(stroke(0, 15, 30, 15), box)).toBe(true);
    expect(strokeHitsBox(stroke(0, 0, 30, 30), box)).toBe(true);
    expect(strokeHitsBox(stroke(0, 40, 30, 40), box)).toBe(false);
    expect(strokeHitsBox(stroke(0, 0, 5, 5), box)).toBe(false);
  });
});

describe('placeLabels', () => {
  it('turns labels on a horizontal line to 45 degrees so that neighbours do not overlap', () => {
    const stations = [0, 1, 2, 3, 4, 5].map((i) => stationAt(`s${i}`, i * 60, 0));
    const strokes = stations
      .slice(1)
      .map((s, i) => stroke((stations[i] as LabelledStation).x, 0, s.x, 0));
    const placements = placeLabels(stations, { strokes, boxes: [] });
    // The last station has the free end of the line to its right.
    expect(stations.slice(0, -1).map((s) => placements.get(s.id))).toEqual(
      Array(5).fill('rotated'),
    );
    expect(placements.get('s5')).toBe('right');
    expect(countLabelOverlaps(stations, placements, { strokes, boxes: [] })).toEqual({
      labels: 0,
      strokes: 0,
      boxes: 0,
    });
  });

  it('puts labels beside a vertical line', () => {
    const stations = [0, 1, 2, 3].map((i) => stationAt(`s${i}`, 0, i * 60));
    const strokes = stations
      .slice(1)
      .map((s, i) => stroke(0, (stations[i] as LabelledStation).y, 0, s.y));
    const placements = placeLabels(stations, { strokes, boxes: [] });
    expect(new Set(placements.values())).toEqual(new Set(['right']));
  });

  it('keeps a dense grid of stations free of label overlaps', () => {
    // Two parallel horizontal lines two grid steps apart, crossed by vertical lines.
    const stations: LabelledStation[] = [];
    const strokes: Stroke[] = [];
    for (const y of [0, 180]) {
      for (let i = 0; i < 8; i++) {
        stations.push(stationAt(`h${y}-${i}`, i * 60, y, `Asema ${i} ${y}`));
        if (i > 0) {
          strokes.push(stroke((i - 1) * 60, y, i * 60, y));
        }
      }
    }
    const placements = placeLabels(stations, { strokes, boxes: [] });
    expect(countLabelOverlaps(stations, placements, { strokes, boxes: [] }).labels).toBe(0);
  });

  it('labels higher-priority stations first, on their preferred side', () => {
    const important = { ...stationAt('important', 0, 0), priority: 2 };
    const other = stationAt('other', 100, 0);
    const placements = placeLabels([other, important], { strokes: [], boxes: [] });
    expect(placements.get('important')).toBe('right');
    expect(placements.get('other')).not.toBe('left');
  });

  it('is deterministic', () => {
    const stations = [0, 1, 2].map((i) => stationAt(`s${i}`, i * 40, i * 20));
    expect(placeLabels(stations, { strokes: [], boxes: [] })).toEqual(
      placeLabels([...stations].reverse(), { strokes: [], boxes: [] }),
    );
  });

  it('models a rotated label as a chain going up and to the right', () => {
    const shape = labelShape(stationAt('s', 0, 0), 'rotated');
    expect(shape.length).toBeGreaterThan(3);
    const last = shape[shape.length - 1];
    expect(last?.minX).toBeGreaterThan(0);
    expect(last?.maxY).toBeLessThan(0);
  });
});
