import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { measureLayout } from '../../server/src/features/map/layout-quality.ts';
import {
  computeMetroLayout,
  type LayoutLine,
  type MetroLayout,
  segmentKey,
} from '../../server/src/features/map/metro-layout.ts';

const GRID = 60;

function stationsOf(lines: readonly LayoutLine[]): Set<string> {
  return new Set(lines.flatMap((line) => line.stationIds));
}

/** Every Station placed, on a grid point, and no two on the same one. */
function expectWellPlaced(lines: readonly LayoutLine[], layout: MetroLayout, grid = GRID): void {
  const stations = stationsOf(lines);
  expect(new Set(layout.positions.keys())).toEqual(stations);
  const taken = new Set<string>();
  for (const [id, point] of layout.positions) {
    expect(Number.isInteger(point.x / grid), `${id} x on grid`).toBe(true);
    expect(Number.isInteger(point.y / grid), `${id} y on grid`).toBe(true);
    const key = `${point.x},${point.y}`;
    expect(taken.has(key), `${id} shares a grid point`).toBe(false);
    taken.add(key);
  }
}

/** The Lines of a seed graph, each with its Stations in Line order. */
function linesOfSeedGraph(graph: ReturnType<typeof generateNetwork>): LayoutLine[] {
  const members = new Map<string, Array<{ id: string; position: number }>>();
  for (const station of graph.stations) {
    for (const membership of station.lines) {
      const list = members.get(membership.lineCode) ?? [];
      list.push({ id: station.id, position: membership.position });
      members.set(membership.lineCode, list);
    }
  }
  return graph.lines.map((line) => ({
    code: line.code,
    stationIds: (members.get(line.code) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((member) => member.id),
  }));
}

describe('computeMetroLayout on small networks', () => {
  it('lays a single Line out straight', () => {
    const lines: LayoutLine[] = [{ code: 'L1', stationIds: ['a', 'b', 'c', 'd', 'e', 'f'] }];
    const layout = computeMetroLayout({ lines });
    expectWellPlaced(lines, layout);
    const quality = measureLayout(lines, layout.positions);
    expect(quality.octilinearShare).toBe(1);
    expect(quality.bendsPerLine.max).toBe(0);
  });

  it('crosses two Lines at their Interchange without other crossings', () => {
    const lines: LayoutLine[] = [
      { code: 'L1', stationIds: ['a1', 'a2', 'x', 'a3', 'a4'] },
      { code: 'L2', stationIds: ['b1', 'b2', 'x', 'b3', 'b4'] },
    ];
    const layout = computeMetroLayout({ lines });
    expectWellPlaced(lines, layout);
    const quality = measureLayout(lines, layout.positions);
    expect(quality.octilinearShare).toBe(1);
    expect(quality.crossings).toBe(0);
    // The Interchange sits where both Lines run straight through it.
    expect(quality.bendsPerLine.max).toBe(0);
  });

  it('runs two Lines side by side along a shared stretch, in a crossing-free order', () => {
    const lines: LayoutLine[] = [
      { code: 'L1', stationIds: ['a1', 'a2', 's1', 's2', 's3', 'a3', 'a4'] },
      { code: 'L2', stationIds: ['b1', 'b2', 's1', 's2', 's3', 'b3', 'b4'] },
    ];
    const layout = computeMetroLayout({ lines });
    expectWellPlaced(lines, layout);
    const quality = measureLayout(lines, layout.positions);
    expect(quality.octilinearShare).toBe(1);
    expect(quality.crossings).toBe(0);

    for (const [from, to] of [
      ['s1', 's2'],
      ['s2', 's3'],
    ] as const) {
      expect(layout.segmentLineOrder.get(segmentKey(from, to))?.slice().sort()).toEqual([
        'L1',
        'L2',
      ]);
    }
    // Seen travelling s2 -> s3, the Line that turns right after s3 must be drawn on the right.
    const point = (id: string) => layout.positions.get(id) ?? { x: 0, y: 0 };
    const [s2, s3, a3, b3] = ['s2', 's3', 'a3', 'b3'].map(point);
    if (!s2 || !s3 || !a3 || !b3) {
      throw new Error('missing position');
    }
    const ux = s3.x - s2.x;
    const uy = s3.y - s2.y;
    const turn = (p: { x: number; y: number }) =>
      Math.atan2(ux * (p.y - s3.y) - uy * (p.x - s3.x), ux * (p.x - s3.x) + uy * (p.y - s3.y));
    const expectedTravelling = turn(a3) > turn(b3) ? ['L2', 'L1'] : ['L1', 'L2'];
    const order = layout.segmentLineOrder.get(segmentKey('s2', 's3'));
    // The key reads from the smaller id; here s2 < s3, so the key direction is s2 -> s3.
    expect(order).toEqual(expectedTravelling);
    // Both Segments of the stretch agree, so the Lines do not swap sides on it.
    expect(layout.segmentLineOrder.get(segmentKey('s1', 's2'))).toEqual(order);
  });

  it('gives every Segment an order, one Line alone where only one runs', () => {
    const lines: LayoutLine[] = [
      { code: 'L1', stationIds: ['a', 'b', 'c'] },
      { code: 'L2', stationIds: ['c', 'b', 'd'] },
    ];
    const layout = computeMetroLayout({ lines });
    expect(layout.segmentLineOrder.get(segmentKey('a', 'b'))).toEqual(['L1']);
    expect(layout.segmentLineOrder.get(segmentKey('b', 'd'))).toEqual(['L2']);
    expect(layout.segmentLineOrder.get('b|c')?.slice().sort()).toEqual(['L1', 'L2']);
  });

  it('keeps pinned Stations exactly where they were pinned, snapped to the grid', () => {
    const lines: LayoutLine[] = [
      { code: 'L1', stationIds: ['a1', 'a2', 'x', 'a3', 'a4'] },
      { code: 'L2', stationIds: ['b1', 'b2', 'x', 'b3', 'b4'] },
    ];
    const pinned = new Map([
      ['x', { x: 1_000, y: 1_000 }],
      ['a2', { x: 487, y: 1_010 }],
    ]);
    const layout = computeMetroLayout({ lines, pinned });
    expectWellPlaced(lines, layout);
    expect(layout.positions.get('x')).toEqual({ x: 1_020, y: 1_020 });
    expect(layout.positions.get('a2')).toEqual({ x: 480, y: 1_020 });
    expect(measureLayout(lines, layout.positions).octilinearShare).toBeGreaterThanOrEqual(0.75);
  });

  it('moves the second of two pins that snap to one grid point next to the first', () => {
    const lines: LayoutLine[] = [{ code: 'L1', stationIds: ['a', 'b', 'c', 'd'] }];
    const pinned = new Map([
      ['a', { x: 118, y: 0 }],
      ['d', { x: 122, y: 0 }],
    ]);
    const layout = computeMetroLayout({ lines, pinned });
    expectWellPlaced(lines, layout);
    expect(layout.positions.get('a')).toEqual({ x: 120, y: 0 });
    const d = layout.positions.get('d') ?? { x: 0, y: 0 };
    expect(Math.max(Math.abs(d.x - 120), Math.abs(d.y))).toBe(GRID);
  });

  it('uses the given grid size', () => {
    const lines: LayoutLine[] = [
      { code: 'L1', stationIds: ['a', 'b', 'c', 'x'] },
      { code: 'L2', stationIds: ['x', 'd', 'e'] },
    ];
    expectWellPlaced(lines, computeMetroLayout({ lines }, { gridSize: 25 }), 25);
  });

  it('is deterministic: the same input gives the same map', () => {
    const lines: LayoutLine[] = [
      { code: 'L1', stationIds: ['a', 'b', 'x', 'c', 'y', 'd'] },
      { code: 'L2', stationIds: ['e', 'x', 'f', 'g', 'y', 'h'] },
      { code: 'L3', stationIds: ['i', 'y', 'j', 'x', 'k'] },
    ];
    const first = computeMetroLayout({ lines }, { seed: 7 });
    const second = computeMetroLayout({ lines: structuredClone(lines) }, { seed: 7 });
    expect([...second.positions]).toEqual([...first.positions]);
    expect([...second.segmentLineOrder]).toEqual([...first.segmentLineOrder]);
  });

  it('handles no Lines, a one-Station Line and Lines that share nothing', () => {
    expect(computeMetroLayout({ lines: [] }).positions.size).toBe(0);
    const lines: LayoutLine[] = [
      { code: 'L1', stationIds: ['solo'] },
      { code: 'L2', stationIds: ['a', 'b', 'c'] },
      { code: 'L3', stationIds: ['d', 'e', 'f', 'g'] },
    ];
    const layout = computeMetroLayout({ lines });
    expectWellPlaced(lines, layout);
    expect(measureLayout(lines, layout.positions).octilinearShare).toBe(1);
  });

  it('rejects a grid size that is not positive', () => {
    expect(() => computeMetroLayout({ lines: [] }, { gridSize: 0 })).toThrow(RangeError);
  });
});

describe('computeMetroLayout on the demo network', () => {
  const lines = linesOfSeedGraph(generateNetwork({ scale: 'demo', today: '2026-01-01' }));
  const layout = computeMetroLayout({ lines });
  const quality = measureLayout(lines, layout.positions);

  it('places every Station on its own grid point', () => {
    expectWellPlaced(lines, layout);
    expect(quality.stationOverlaps).toBe(0);
  });

  it('draws at least 95 % of the Segments octilinear', () => {
    expect(quality.octilinearShare).toBeGreaterThanOrEqual(0.95);
  });

  it('bends and crosses far less than the Segments it has', () => {
    expect(quality.bendsPerLine.average).toBeLessThan(20);
    expect(quality.crossings).toBeLessThan(quality.segments / 5);
  });
});

describe('computeMetroLayout on random Line sets', () => {
  const lineSets = fc
    .array(fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 9 }), {
      minLength: 1,
      maxLength: 5,
    })
    .map((lines) =>
      lines.map((stations, index) => ({
        code: `L${index + 1}`,
        stationIds: stations.map((station) => `s${station}`),
      })),
    );

  it('places every Station on the grid, never two on one grid point', () => {
    fc.assert(
      fc.property(lineSets, fc.integer({ min: 1, max: 1_000 }), (lines, seed) => {
        expectWellPlaced(lines, computeMetroLayout({ lines }, { seed }));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps pins on distinct grid points exactly where they are', () => {
    const pins = fc.uniqueArray(
      fc.record({
        station: fc.integer({ min: 0, max: 14 }),
        column: fc.integer({ min: -20, max: 20 }),
        row: fc.integer({ min: -20, max: 20 }),
      }),
      { selector: (pin) => pin.station, maxLength: 4 },
    );
    fc.assert(
      fc.property(lineSets, pins, (lines, pinList) => {
        const stations = stationsOf(lines);
        const distinct = new Map<string, { column: number; row: number }>();
        const spots = new Set<string>();
        for (const pin of pinList) {
          const spot = `${pin.column},${pin.row}`;
          if (stations.has(`s${pin.station}`) && !spots.has(spot)) {
            spots.add(spot);
            distinct.set(`s${pin.station}`, pin);
          }
        }
        const pinned = new Map(
          [...distinct].map(([id, pin]) => [
            id,
            { x: pin.column * GRID + 7, y: pin.row * GRID - 7 },
          ]),
        );
        const layout = computeMetroLayout({ lines, pinned });
        expectWellPlaced(lines, layout);
        for (const [id, pin] of distinct) {
          expect(layout.positions.get(id)).toEqual({ x: pin.column * GRID, y: pin.row * GRID });
        }
      }),
      { numRuns: 100 },
    );
  });
});
