/**
 * The analytics on a small hand-made network with known answers:
 *
 *   L1 (red):   a - b - c - d
 *   L2 (blue):          c - e - f
 *   L3 (green): g - h - g2          (a separate line, sharing no station)
 *   L4:         x - c - y - x       (a loop through c)
 *
 * c is on L1, L2 and L4, so it bridges them; removing c splits {a, b, d} from {e, f} (an
 * articulation point), as does b (a from the rest) and e (f from the rest).
 */
import { describe, expect, it } from 'vitest';
import type { AnalyticsInput } from '../../server/src/features/analytics/analytics.types.ts';
import { computeNetworkAnalytics } from '../../server/src/features/analytics/network-analytics.ts';

const TODAY = '2026-11-23';

function expert(
  id: string,
  regionCodes: string[],
  extra: { awayUntil?: string; methodIds?: string[]; kind?: 'EXPERT' | 'UNIT' } = {},
) {
  return {
    id,
    name: `Station ${id}`,
    kind: extra.kind ?? ('EXPERT' as const),
    awayUntil: extra.awayUntil ?? null,
    regionCodes,
    methodIds: extra.methodIds ?? [],
  };
}

const input: AnalyticsInput = {
  lines: [
    { code: 'L1', number: 1, stationIds: ['a', 'b', 'c', 'd'] },
    { code: 'L2', number: 2, stationIds: ['c', 'e', 'f'] },
    { code: 'L3', number: 3, stationIds: ['g', 'h', 'g2'] },
    { code: 'L4', number: 4, stationIds: ['x', 'c', 'y', 'x'] },
  ],
  stations: [
    // a serves the whole county K1 (so both of its municipalities).
    expert('a', ['K1'], { methodIds: ['ipc'] }),
    expert('b', ['M1'], { methodIds: ['ipc', 'mdft'] }),
    expert('c', ['M1']),
    expert('d', ['M2'], { awayUntil: '2026-12-31' }),
    // L2 serves M3 (county K2) only through an expert who is away; M4 not at all.
    expert('e', ['M3'], { awayUntil: '2027-01-15' }),
    expert('f', [], { kind: 'UNIT' }),
    // L3: g is the only available expert (h is away, g2 a unit).
    expert('g', ['M4']),
    expert('h', ['M4'], { awayUntil: '2027-02-01' }),
    expert('g2', [], { kind: 'UNIT' }),
    // Back on the day itself: not away.
    expert('x', ['M1'], { awayUntil: TODAY }),
    expert('y', ['M1']),
  ],
  regions: [
    { code: 'K1', name: 'Kreivikunta', kind: 'COUNTY', parentCode: 'A' },
    { code: 'K2', name: 'Kakkosmaa', kind: 'COUNTY', parentCode: 'A' },
    { code: 'A', name: 'Alue', kind: 'AREA', parentCode: null },
    { code: 'M1', name: 'Ykkölä', kind: 'MUNICIPALITY', parentCode: 'K1' },
    { code: 'M2', name: 'Kakkola', kind: 'MUNICIPALITY', parentCode: 'K1' },
    { code: 'M3', name: 'Kolmola', kind: 'MUNICIPALITY', parentCode: 'K2' },
    { code: 'M4', name: 'Nelilä', kind: 'MUNICIPALITY', parentCode: 'K2' },
    // Another centre's area, where no station of this network serves: not this network's gap.
    { code: 'B', name: 'Toinen alue', kind: 'AREA', parentCode: null },
    { code: 'K3', name: 'Kolmosmaa', kind: 'COUNTY', parentCode: 'B' },
    { code: 'M5', name: 'Viitola', kind: 'MUNICIPALITY', parentCode: 'K3' },
  ],
  methods: [
    { id: 'ipc', name: 'IPC' },
    { id: 'mdft', name: 'MDFT' },
  ],
  projects: [
    {
      id: 'p1',
      title: 'Väkivallan ehkäisy',
      lineCodes: ['L1', 'L2'],
      researchers: [
        { id: 'r1', name: 'Tutkija Yksi' },
        { id: 'r2', name: 'Tutkija Kaksi' },
      ],
      partners: [{ id: 'uni', name: 'Tampereen yliopisto' }],
    },
    {
      id: 'p2',
      title: 'Arviointi',
      lineCodes: ['L1'],
      researchers: [{ id: 'r1', name: 'Tutkija Yksi' }],
      partners: [{ id: 'tamk', name: 'TAMK' }],
    },
  ],
};

const result = computeNetworkAnalytics(input, { revision: 7, today: TODAY });
const station = (id: string) => result.stations.find((s) => s.id === id);
const cell = (line: string, region: string) =>
  result.coverage.find((c) => c.lineCode === line && c.regionCode === region);

describe('network analytics on a hand-made graph', () => {
  it('builds the station graph from consecutive stations of every line', () => {
    expect(result.stationCount).toBe(11);
    // a-b, b-c, c-d, c-e, e-f, g-h, h-g2, x-c, c-y, y-x
    expect(result.edgeCount).toBe(10);
    expect(result.revision).toBe(7);
  });

  it('counts degree and ranks the hub first by betweenness', () => {
    expect(station('c')?.degree).toBe(5);
    expect(station('a')?.degree).toBe(1);
    expect(result.stations[0]?.id).toBe('c');
    expect(station('a')?.betweenness).toBe(0);
    expect(station('g')?.betweenness).toBe(0);
    expect(station('h')?.betweenness).toBeGreaterThan(0);
  });

  it('finds the known articulation points and nothing else', () => {
    const cuts = result.stations.filter((s) => s.articulationPoint).map((s) => s.id);
    expect(cuts.sort()).toEqual(['b', 'c', 'e', 'h']);
  });

  it('lists the lines through each station, so interchanges bridge lines', () => {
    expect(station('c')?.lineCodes).toEqual(['L1', 'L2', 'L4']);
    const bridges = result.stations.filter((s) => s.lineCodes.length > 1).map((s) => s.id);
    expect(bridges).toEqual(['c']);
  });

  it('counts shared stations for every pair of lines', () => {
    expect(result.overlaps).toHaveLength(6);
    const shared = (a: string, b: string) =>
      result.overlaps.find((o) => o.lineA === a && o.lineB === b)?.sharedStations;
    expect(shared('L1', 'L2')).toBe(1);
    expect(shared('L1', 'L3')).toBe(0);
    expect(shared('L2', 'L4')).toBe(1);
    expect(shared('L3', 'L4')).toBe(0);
  });

  it('marks the coverage of every line in municipalities and counties', () => {
    // L1: a serves K1 (M1, M2) and is available; b, c serve M1.
    expect(cell('L1', 'M1')?.status).toBe('COVERED');
    expect(cell('L1', 'M1')?.availableStations).toBe(3);
    expect(cell('L1', 'M2')?.status).toBe('COVERED');
    expect(cell('L1', 'K1')?.status).toBe('COVERED');
    expect(cell('L1', 'M3')?.status).toBe('UNCOVERED');
    // L2: M3 only by e, who is away: a known away-only region; M4 a known uncovered one.
    expect(cell('L2', 'M3')?.status).toBe('AWAY_ONLY');
    expect(cell('L2', 'M4')?.status).toBe('UNCOVERED');
    expect(cell('L2', 'K2')?.status).toBe('AWAY_ONLY');
    expect(cell('L2', 'M1')?.status).toBe('COVERED');
    expect(cell('L2', 'K1')?.status).toBe('PARTIAL');
    // Back on the day itself: x counts as available.
    expect(cell('L4', 'M1')?.availableStations).toBe(3);
    // Only municipalities and counties of the centre's area are cells: 4 lines x (4 + 2).
    expect(cell('L1', 'M5')).toBeUndefined();
    expect(cell('L1', 'K3')).toBeUndefined();
    expect(result.coverage).toHaveLength(24);
  });

  it('finds lines that depend on one expert and who serves a place alone', () => {
    const l3 = result.dependencies.find((d) => d.lineCode === 'L3');
    expect(l3).toMatchObject({ experts: 2, availableExperts: 1, dependsOnOneExpert: true });
    expect(l3?.soleExperts).toEqual([{ stationId: 'g', name: 'Station g', municipalities: 1 }]);
    const l1 = result.dependencies.find((d) => d.lineCode === 'L1');
    expect(l1?.dependsOnOneExpert).toBe(false);
    // In M2 only a (through the county) is available: d is away.
    expect(l1?.soleExperts).toEqual([{ stationId: 'a', name: 'Station a', municipalities: 1 }]);
  });

  it('collects research and methods per line and the lines without research', () => {
    const l1 = result.research.find((r) => r.lineCode === 'L1');
    expect(l1?.projects.map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(l1?.researchers.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(l1?.partners.map((p) => p.name)).toEqual(['TAMK', 'Tampereen yliopisto']);
    expect(l1?.methods).toEqual([
      { id: 'ipc', name: 'IPC', experts: 2 },
      { id: 'mdft', name: 'MDFT', experts: 1 },
    ]);
    expect(result.research.find((r) => r.lineCode === 'L2')?.partners).toHaveLength(1);
    expect(result.linesWithoutResearch).toEqual(['L3', 'L4']);
  });
});
