import { describe, expect, it } from 'vitest';
import type { LineNode } from '../../server/src/features/lines/line.types.ts';
import { buildNetworkMap } from '../../server/src/features/map/network-map.ts';
import type { MapStationRow } from '../../server/src/features/map/network-map.types.ts';

function line(code: string): LineNode {
  return {
    id: `line-${code}`,
    code,
    number: Number(code.slice(1)),
    color: '#333333',
    nameFi: code,
    nameSv: null,
    nameEn: null,
    descriptionFi: null,
    descriptionSv: null,
    descriptionEn: null,
    instructionsFi: null,
    instructionsSv: null,
    instructionsEn: null,
    keywords: [],
    active: true,
    version: 0,
  };
}

function station(
  id: string,
  lineCodes: string[],
  extra: Partial<MapStationRow> = {},
): MapStationRow {
  return { id, label: id, kind: 'EXPERT', x: null, y: null, lineCodes, awayUntil: null, ...extra };
}

const rows = {
  lines: [
    { line: line('L1'), stationIds: ['a', 'b', 'c'] },
    { line: line('L2'), stationIds: ['d', 'b'] },
    // L3 runs along L1's b-c segment, the other way round.
    { line: line('L3'), stationIds: ['c', 'b'] },
  ],
  stations: [
    station('a', ['L1']),
    station('b', ['L1', 'L2', 'L3'], { x: 500, y: 700 }),
    station('c', ['L1', 'L3'], { awayUntil: '2026-12-24' }),
    station('d', ['L2'], { awayUntil: '2026-01-01' }),
  ],
  // Left to right travelling from b to c: L3, then L1.
  segmentOrder: { 'b|c': ['L3', 'L1'] },
};

describe('network map assembly', () => {
  const map = buildNetworkMap(rows, '2026-11-23');

  it('makes a segment between each pair of consecutive stations, line by line', () => {
    expect(map.segments.map(({ lineCode, from, to }) => `${lineCode}:${from}-${to}`)).toEqual([
      'L1:a-b',
      'L1:b-c',
      'L2:d-b',
      'L3:c-b',
    ]);
  });

  it('draws lines sharing a segment side by side in the stored order, whichever way they run', () => {
    const offset = (lineCode: string, from: string) =>
      map.segments.find((segment) => segment.lineCode === lineCode && segment.from === from)
        ?.offset;
    expect(offset('L1', 'a')).toBe(0);
    // From b to c the stored order is L3, L1: L1 is the second, half a width from the centre.
    expect(offset('L1', 'b')).toBe(0.5);
    // L3 travels from c to b: its stored -0.5 (first, from b's side) flips sign.
    expect(offset('L3', 'c')).toBe(0.5);
  });

  it('marks a station on two lines as an interchange', () => {
    expect(map.stations.filter((s) => s.interchange).map((s) => s.id)).toEqual(['b', 'c']);
  });

  it('keeps stored positions and gives the rest distinct deterministic placeholders', () => {
    expect(map.stations.find((s) => s.id === 'b')).toMatchObject({ x: 500, y: 700 });
    const positions = map.stations.map((s) => `${s.x},${s.y}`);
    expect(new Set(positions).size).toBe(positions.length);
    expect(buildNetworkMap(rows, '2026-11-23')).toEqual(map);
  });

  it('shows away-until only while the expert is still away', () => {
    expect(map.stations.find((s) => s.id === 'c')?.awayUntil).toBe('2026-12-24');
    expect(map.stations.find((s) => s.id === 'd')?.awayUntil).toBeNull();
  });
});
