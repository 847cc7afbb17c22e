import { describe, expect, it } from 'vitest';
import { measureLayout } from '../../server/src/features/map/layout-quality.ts';
import type { LayoutLine, Point } from '../../server/src/features/map/metro-layout.ts';

function at(entries: Record<string, [number, number]>): Map<string, Point> {
  return new Map(Object.entries(entries).map(([id, [x, y]]) => [id, { x, y }]));
}

describe('measureLayout', () => {
  it('counts the share of Segments at multiples of 45 degrees', () => {
    const lines: LayoutLine[] = [{ code: 'L1', stationIds: ['a', 'b', 'c', 'd'] }];
    // a-b horizontal, b-c diagonal, c-d at 2:1, which is not octilinear.
    const quality = measureLayout(
      lines,
      at({ a: [0, 0], b: [60, 0], c: [120, 60], d: [240, 120] }),
    );
    expect(quality.segments).toBe(3);
    expect(quality.octilinearShare).toBeCloseTo(2 / 3);
  });

  it('counts a Segment shared by two Lines once', () => {
    const lines: LayoutLine[] = [
      { code: 'L1', stationIds: ['a', 'b'] },
      { code: 'L2', stationIds: ['b', 'a', 'c'] },
    ];
    const quality = measureLayout(lines, at({ a: [0, 0], b: [60, 0], c: [0, 60] }));
    expect(quality.segments).toBe(2);
    expect(quality.stations).toBe(3);
  });

  it('counts bends per Line, on average and on the worst Line', () => {
    const lines: LayoutLine[] = [
      // Straight on, then a right angle at c, then a 45-degree turn at d.
      { code: 'L1', stationIds: ['a', 'b', 'c', 'd', 'e'] },
      { code: 'L2', stationIds: ['p', 'q', 'r'] },
    ];
    const quality = measureLayout(
      lines,
      at({
        a: [0, 0],
        b: [60, 0],
        c: [120, 0],
        d: [120, 60],
        e: [180, 120],
        p: [0, 300],
        q: [60, 300],
        r: [120, 300],
      }),
    );
    expect(quality.bendsPerLine).toEqual({ average: 1, max: 2 });
  });

  it('counts proper crossings between different Lines only', () => {
    const lines: LayoutLine[] = [
      { code: 'L1', stationIds: ['a', 'b'] },
      { code: 'L2', stationIds: ['c', 'd'] },
      // Shares Station a with L1: touching at a Station is no crossing.
      { code: 'L3', stationIds: ['a', 'e'] },
      // Ends on L1's Segment (a T): no crossing either.
      { code: 'L4', stationIds: ['f', 'g'] },
    ];
    const quality = measureLayout(
      lines,
      at({
        a: [0, 0],
        b: [120, 120],
        c: [0, 120],
        d: [120, 0],
        e: [0, 240],
        f: [120, 60],
        g: [60, 60],
      }),
    );
    // a-b crosses c-d; f-g ends on a-b and on c-d at (60, 60): both touch, neither crosses.
    expect(quality.crossings).toBe(1);
  });

  it('does not count a Line crossing itself', () => {
    const lines: LayoutLine[] = [{ code: 'L1', stationIds: ['a', 'b', 'c', 'd'] }];
    const quality = measureLayout(
      lines,
      at({ a: [0, 0], b: [120, 120], c: [120, 0], d: [0, 120] }),
    );
    expect(quality.crossings).toBe(0);
  });

  it('counts Stations closer than half a grid step as overlaps', () => {
    const lines: LayoutLine[] = [{ code: 'L1', stationIds: ['a', 'b', 'c'] }];
    expect(measureLayout(lines, at({ a: [0, 0], b: [20, 0], c: [200, 0] })).stationOverlaps).toBe(
      1,
    );
    expect(measureLayout(lines, at({ a: [0, 0], b: [30, 0], c: [200, 0] })).stationOverlaps).toBe(
      0,
    );
    expect(
      measureLayout(lines, at({ a: [0, 0], b: [20, 0], c: [200, 0] }), { gridSize: 30 })
        .stationOverlaps,
    ).toBe(0);
  });

  it('counts overlapping label boxes to the right of the Stations', () => {
    const lines: LayoutLine[] = [{ code: 'L1', stationIds: ['a', 'b', 'c'] }];
    // Default labels are 12 characters (84 px): a's label reaches into b's.
    const side = at({ a: [0, 0], b: [60, 0], c: [0, 60] });
    expect(measureLayout(lines, side).labelOverlaps).toBe(1);
    // Five-character labels (35 px) fit between Stations one grid step apart.
    const short = new Map([
      ['a', 5],
      ['b', 5],
      ['c', 5],
    ]);
    expect(measureLayout(lines, side, { labelLengths: short }).labelOverlaps).toBe(0);
    // Labels 14 px high on rows 60 px apart never meet.
    expect(measureLayout(lines, at({ a: [0, 0], b: [0, 60], c: [0, 120] })).labelOverlaps).toBe(0);
  });

  it('gives the coefficient of variation of Segment lengths', () => {
    const lines: LayoutLine[] = [{ code: 'L1', stationIds: ['a', 'b', 'c'] }];
    expect(measureLayout(lines, at({ a: [0, 0], b: [60, 0], c: [120, 0] })).edgeLengthSpread).toBe(
      0,
    );
    // Lengths 60 and 180: mean 120, standard deviation 60.
    expect(
      measureLayout(lines, at({ a: [0, 0], b: [60, 0], c: [240, 0] })).edgeLengthSpread,
    ).toBeCloseTo(0.5);
  });

  it('skips Stations without a position and the Segments touching them', () => {
    const lines: LayoutLine[] = [{ code: 'L1', stationIds: ['a', 'b', 'c'] }];
    const quality = measureLayout(lines, at({ a: [0, 0], b: [60, 0] }));
    expect(quality.stations).toBe(2);
    expect(quality.segments).toBe(1);
  });

  it('accepts small deviations from 45 degrees within the tolerance', () => {
    const lines: LayoutLine[] = [{ code: 'L1', stationIds: ['a', 'b'] }];
    const nearlyFlat = at({ a: [0, 0], b: [100, 1] });
    expect(measureLayout(lines, nearlyFlat).octilinearShare).toBe(1);
    expect(measureLayout(lines, nearlyFlat, { angleToleranceDegrees: 0.1 }).octilinearShare).toBe(
      0,
    );
  });
});
