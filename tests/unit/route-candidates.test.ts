/**
 * routeCase considers only the candidates that can win when the worker's area is known: stations
 * serving that area or the whole country, and every coordinator and unit (the fallback ladder).
 * Cypher (CANDIDATES, without the read cache) and narrowCandidates (the in-memory snapshot) apply
 * the same rule; this checks, on the national network, that the narrowing never changes the plan.
 * tests/integration/read-cache.test.ts compares the two paths through the API.
 */
import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import type { StationRecord } from '../../graph-seed/seed-types.ts';
import {
  createRegionIndex,
  planRoutes,
  type RouteNeed,
  type StationCandidate,
} from '../../server/src/features/routing/route-score.ts';
import { narrowCandidates } from '../../server/src/features/routing/routing-source.ts';

const TODAY = '2026-11-23';
const national = generateNetwork({ scale: 'national', experts: 3000, today: TODAY });
const regions = createRegionIndex(national.regions);

function toCandidate(station: StationRecord): StationCandidate {
  const expert = station.kind === 'EXPERT' ? station : null;
  return {
    id: station.id,
    name: station.name,
    kind: station.kind,
    lineCodes: station.lines.map((m) => m.lineCode),
    coordinatorOf: station.lines.filter((m) => m.coordinator).map((m) => m.lineCode),
    serviceLevel: expert?.serviceLevel ?? null,
    languages: expert?.languages ?? [],
    channels: station.channels,
    regionCodes: station.regionCodes,
    awayUntil: expert?.awayUntil ?? null,
  };
}

const municipalities = national.regions.filter((r) => r.kind === 'MUNICIPALITY');
const sample = municipalities.filter((_, index) => index % 9 === 0);
const lineSets = [['L8'], ['L8', 'L10'], ['L3', 'L2'], ['L5'], ['L9', 'L7']];

describe('routing candidates narrowed to the worker’s area', () => {
  it.each(lineSets)('give the same plan as all candidates (lines %s)', (...lineCodes: string[]) => {
    for (const municipality of sample) {
      const [code, county, area] = regions.ancestors(municipality.code);
      if (!area) {
        continue;
      }
      const all = national.stations
        .filter((s) => s.lines.some((m) => lineCodes.includes(m.lineCode)))
        .map(toCandidate);
      const need: RouteNeed = {
        lines: lineCodes.map((lineCode, index) => ({ lineCode, score: 1 - index * 0.2 })),
        region: { municipality: code, county, area },
        languages: municipality.code.endsWith('1') ? ['ar'] : [],
        channels: ['PHONE'],
        urgency: 'ROUTINE',
        today: TODAY,
      };
      const fewer = narrowCandidates(all, area, regions);
      expect(fewer.length).toBeLessThan(all.length);
      expect(planRoutes(need, fewer, regions), municipality.name).toEqual(
        planRoutes(need, all, regions),
      );
    }
  });
});
