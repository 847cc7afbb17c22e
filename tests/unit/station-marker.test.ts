/** Interchange markers: a capsule across the lanes of the lines that meet at the station. */
import { describe, expect, it } from 'vitest';
import {
  INTERCHANGE_RADIUS,
  interchangeMarker,
  type MarkerShape,
} from '../../web/src/lib/station-marker.ts';

/** The polygon in map units, relative to the station. */
function outline(shape: MarkerShape): Array<{ x: number; y: number }> {
  const points: Array<{ x: number; y: number }> = [];
  for (let i = 0; i < shape.polygon.length; i += 2) {
    points.push({
      x: ((shape.polygon[i] as number) * shape.width) / 2,
      y: ((shape.polygon[i + 1] as number) * shape.height) / 2,
    });
  }
  return points;
}

/** Distance from a point inside a convex polygon to its outline (negative when outside). */
function depthInside(point: { x: number; y: number }, polygon: Array<{ x: number; y: number }>) {
  let depth = Number.POSITIVE_INFINITY;
  // The outline runs clockwise on screen (y down); inside is to the right of each edge.
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i] as { x: number; y: number };
    const b = polygon[(i + 1) % polygon.length] as { x: number; y: number };
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length === 0) {
      continue;
    }
    const cross = ((b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x)) / length;
    depth = Math.min(depth, cross);
  }
  return depth;
}

describe('interchangeMarker', () => {
  it('is a ring where the lines cross at one point', () => {
    const shape = interchangeMarker([
      { x: 0, y: 0 },
      { x: 0, y: 0 },
    ]);
    expect(shape.width).toBeCloseTo(2 * INTERCHANGE_RADIUS, 1);
    expect(shape.height).toBeCloseTo(2 * INTERCHANGE_RADIUS, 1);
    for (const point of outline(shape)) {
      expect(Math.hypot(point.x, point.y)).toBeCloseTo(INTERCHANGE_RADIUS, 1);
    }
  });

  it('stands across two lines running side by side horizontally', () => {
    // Lanes 8 apart above and below the station's centre.
    const lanes = [
      { x: 0, y: -4 },
      { x: 0, y: 4 },
    ];
    const shape = interchangeMarker(lanes);
    expect(shape.angle).toBe(90);
    expect(shape.height).toBeGreaterThan(shape.width);
    expect(shape.width).toBeCloseTo(2 * INTERCHANGE_RADIUS, 1);
    const polygon = outline(shape);
    for (const lane of lanes) {
      // Each lane's 6-wide line fits inside with room to spare.
      expect(depthInside(lane, polygon)).toBeGreaterThan(3 + 2);
    }
  });

  it('lies across a diagonal bundle of three lines', () => {
    const step = 8 / Math.SQRT2;
    const lanes = [-1, 0, 1].map((lane) => ({ x: lane * step, y: -lane * step }));
    const shape = interchangeMarker(lanes);
    expect([45, 135]).toContain(shape.angle);
    expect(shape.width).toBeCloseTo(shape.height, 3);
    const polygon = outline(shape);
    for (const lane of lanes) {
      expect(depthInside(lane, polygon)).toBeGreaterThan(5);
    }
    // Longer than a ring: it spans three lanes.
    expect(shape.width).toBeGreaterThan(2 * INTERCHANGE_RADIUS);
  });

  it('covers lanes meeting from different directions', () => {
    const lanes = [
      { x: 0, y: -4 },
      { x: 0, y: 4 },
      { x: -4, y: 0 },
      { x: 4, y: 0 },
    ];
    const polygon = outline(interchangeMarker(lanes));
    for (const lane of lanes) {
      expect(depthInside(lane, polygon)).toBeGreaterThan(3);
    }
  });

  it('gives a unit square corners, so that units stay recognisable', () => {
    const lanes = [
      { x: 0, y: -4 },
      { x: 0, y: 4 },
    ];
    const pill = interchangeMarker(lanes);
    const unit = interchangeMarker(lanes, { corners: 'square' });
    expect(unit.polygon).not.toEqual(pill.polygon);
    // The rectangle reaches further into its corners than the pill's round ends.
    const corner = { x: INTERCHANGE_RADIUS * 0.8, y: 4 + INTERCHANGE_RADIUS * 0.8 };
    expect(depthInside(corner, outline(unit))).toBeGreaterThan(0);
    expect(depthInside(corner, outline(pill))).toBeLessThan(0);
  });

  it('keeps every polygon point within Cytoscape’s [-1, 1] box', () => {
    for (const shape of [
      interchangeMarker([]),
      interchangeMarker([{ x: 12, y: -12 }]),
      interchangeMarker([{ x: 0, y: 8 }], { corners: 'square' }),
    ]) {
      for (const value of shape.polygon) {
        expect(Math.abs(value)).toBeLessThanOrEqual(1);
      }
      expect(Math.max(...shape.polygon.map(Math.abs))).toBe(1);
    }
  });
});
