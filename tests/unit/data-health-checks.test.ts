/**
 * The data-health checks on a small hand-made network with known answers (today 2026-11-23, so
 * cards verified on 2026-05-23 or earlier are stale):
 *
 *   L1: a (coordinator), b, unit u1   two experts, every municipality of the area reached
 *   L2: c (away), unit u2             one expert, away with no substitute; no coordinator
 *   L3: unit u3 (coordinator)         no expert at all; reaches nothing
 *   L4: d (away), x (back today), unit n serving the whole country (coordinator)
 *
 * Regions: area A = county K1 (M1, M2) + county K2 (M3); area B = county K3 (M9), where no
 * station of the network serves, so it is outside the centre's area.
 */
import { describe, expect, it } from 'vitest';
import type {
  DataHealthInput,
  HealthStationRow,
} from '../../server/src/features/data-health/data-health.types.ts';
import {
  computeDataHealth,
  monthsBefore,
} from '../../server/src/features/data-health/data-health-checks.ts';

const TODAY = '2026-11-23';

function station(
  id: string,
  regionCodes: string[],
  extra: Partial<Pick<HealthStationRow, 'awayUntil' | 'verifiedOn' | 'kind'>> = {},
): HealthStationRow {
  return {
    id,
    name: `Asema ${id}`,
    kind: extra.kind ?? 'EXPERT',
    awayUntil: extra.awayUntil ?? null,
    verifiedOn: extra.verifiedOn === undefined ? '2026-11-01' : extra.verifiedOn,
    regionCodes,
  };
}

const input: DataHealthInput = {
  lines: [
    // Out of order on purpose: findings come in line order.
    { code: 'L3', number: 3, stationIds: ['u3'], coordinatorIds: ['u3'] },
    { code: 'L1', number: 1, stationIds: ['a', 'b', 'u1'], coordinatorIds: ['a'] },
    { code: 'L2', number: 2, stationIds: ['c', 'u2'], coordinatorIds: [] },
    { code: 'L4', number: 4, stationIds: ['d', 'x', 'n'], coordinatorIds: ['n'] },
  ],
  stations: [
    station('a', ['K1'], { verifiedOn: '2026-05-23' }),
    station('b', ['M3'], { verifiedOn: '2026-05-24' }),
    station('u1', [], { kind: 'UNIT', verifiedOn: null }),
    station('c', ['M1'], { awayUntil: '2027-01-10', verifiedOn: null }),
    station('u2', ['M2'], { kind: 'UNIT', verifiedOn: null }),
    station('u3', [], { kind: 'UNIT', verifiedOn: null }),
    station('d', ['M1'], { awayUntil: '2026-11-24', verifiedOn: '2025-01-01' }),
    station('x', ['M2'], { awayUntil: TODAY }),
    station('n', ['FI'], { kind: 'UNIT', verifiedOn: null }),
    // On no active line: never a finding.
    station('z', ['M1'], { verifiedOn: null }),
  ],
  regions: [
    { code: 'FI', name: 'Suomi', kind: 'COUNTRY', parentCode: null },
    { code: 'A', name: 'Alue A', kind: 'AREA', parentCode: 'FI' },
    { code: 'B', name: 'Alue B', kind: 'AREA', parentCode: 'FI' },
    { code: 'K1', name: 'Ykkösmaa', kind: 'COUNTY', parentCode: 'A' },
    { code: 'K2', name: 'Kakkosmaa', kind: 'COUNTY', parentCode: 'A' },
    { code: 'K3', name: 'Kolmosmaa', kind: 'COUNTY', parentCode: 'B' },
    { code: 'M1', name: 'Ykkölä', kind: 'MUNICIPALITY', parentCode: 'K1' },
    { code: 'M2', name: 'Kakkola', kind: 'MUNICIPALITY', parentCode: 'K1' },
    { code: 'M3', name: 'Kolmola', kind: 'MUNICIPALITY', parentCode: 'K2' },
    { code: 'M9', name: 'Yhdeksälä', kind: 'MUNICIPALITY', parentCode: 'K3' },
  ],
};

const report = computeDataHealth(input, { revision: 7, today: TODAY });

describe('data-health checks', () => {
  it('says which revision, day and cut-off the findings hold for', () => {
    expect(report).toMatchObject({
      revision: 7,
      today: TODAY,
      staleCutoff: '2026-05-23',
      lineCodes: ['L1', 'L2', 'L3', 'L4'],
      areaMunicipalities: 3,
    });
  });

  it('finds lines with one expert or none, naming the one', () => {
    expect(report.thinLines).toEqual([
      { lineCode: 'L2', experts: 1, expert: { stationId: 'c', name: 'Asema c' } },
      { lineCode: 'L3', experts: 0, expert: null },
    ]);
  });

  it('finds lines with no coordinator', () => {
    expect(report.linesWithoutCoordinator).toEqual(['L2']);
  });

  it('finds experts away with no available expert on the line; a unit is no substitute', () => {
    // d is away on L4, but x is back today: covered.
    expect(report.uncoveredAbsences).toEqual([
      { lineCode: 'L2', stationId: 'c', name: 'Asema c', awayUntil: '2027-01-10' },
    ]);
  });

  it('finds expert cards verified six months ago or earlier, never verified first', () => {
    expect(report.staleCards).toEqual([
      { stationId: 'c', name: 'Asema c', verifiedOn: null, lineCodes: ['L2'] },
      { stationId: 'd', name: 'Asema d', verifiedOn: '2025-01-01', lineCodes: ['L4'] },
      { stationId: 'a', name: 'Asema a', verifiedOn: '2026-05-23', lineCodes: ['L1'] },
    ]);
  });

  it("finds the municipalities of the centre's area each line does not reach today", () => {
    expect(report.unreachedMunicipalities).toEqual([
      {
        lineCode: 'L2',
        municipalities: [
          { code: 'M3', name: 'Kolmola', status: 'UNCOVERED' },
          { code: 'M1', name: 'Ykkölä', status: 'AWAY_ONLY' },
        ],
      },
      {
        lineCode: 'L3',
        municipalities: [
          { code: 'M2', name: 'Kakkola', status: 'UNCOVERED' },
          { code: 'M3', name: 'Kolmola', status: 'UNCOVERED' },
          { code: 'M1', name: 'Ykkölä', status: 'UNCOVERED' },
        ],
      },
    ]);
  });

  it('changes with the day: an absence ends, a card turns stale', () => {
    const later = computeDataHealth(input, { revision: 7, today: '2027-01-10' });
    expect(later.uncoveredAbsences).toEqual([]);
    expect(later.staleCards.map((card) => card.stationId)).toContain('b');
    // c is back: L2 reaches Ykkölä again, Kolmola still not.
    expect(later.unreachedMunicipalities[0]).toEqual({
      lineCode: 'L2',
      municipalities: [{ code: 'M3', name: 'Kolmola', status: 'UNCOVERED' }],
    });
  });

  it.each([
    ['2026-11-23', '2026-05-23'],
    ['2026-03-15', '2025-09-15'],
    ['2026-08-31', '2026-02-28'],
    ['2024-08-31', '2024-02-29'],
    ['2026-01-01', '2025-07-01'],
  ])('six months before %s is %s', (date, expected) => {
    expect(monthsBefore(date, 6)).toBe(expected);
  });
});
