/**
 * `networkAnalytics` through GraphQL on the demo graph: who may ask, and answers that agree with
 * the graph itself (counted again with Cypher). The analyses' known answers on a hand-made graph
 * are in tests/unit/network-analytics.test.ts; the same pure function computes both.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../server/src/database/neo4j-driver.ts';
import { AnalyticsRepository } from '../../server/src/features/analytics/analytics.repository.ts';
import {
  computeInWorker,
  NetworkAnalyticsService,
} from '../../server/src/features/analytics/analytics.service.ts';
import { computeNetworkAnalytics } from '../../server/src/features/analytics/network-analytics.ts';
import { bumpNetworkRevision } from '../../server/src/features/audit/audit.repository.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { anonymousCaller, type StaffMember, signedInStaff } from '../support/staff-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { yoga } = createApp({ database, logger: createLogger('silent') });
const anonymous = anonymousCaller(yoga);
let researcher: StaffMember;
let coordinator: StaffMember;
let viewer: StaffMember;

interface Analytics {
  revision: number;
  stationCount: number;
  edgeCount: number;
  lineCodes: string[];
  centralStations: Array<{ id: string; degree: number; betweenness: number; lineCodes: string[] }>;
  bridgeStations: Array<{ id: string; lineCodes: string[] }>;
  articulationPoints: Array<{ id: string; articulationPoint: boolean }>;
  lineOverlaps: Array<{ lineA: string; lineB: string; sharedStations: number }>;
  lineDependencies: Array<{ lineCode: string; experts: number }>;
  coverage: Array<{ lineCode: string; regionCode: string; status: string }>;
  lineResearch: Array<{ lineCode: string; projects: Array<{ id: string }> }>;
  linesWithoutResearch: string[];
}

const QUERY = /* GraphQL */ `
  query {
    networkAnalytics {
      revision stationCount edgeCount lineCodes
      centralStations(limit: 10) { id degree betweenness lineCodes }
      bridgeStations(limit: 10000) { id lineCodes }
      articulationPoints { id articulationPoint }
      lineOverlaps { lineA lineB sharedStations }
      lineDependencies { lineCode experts }
      coverage(gapsOnly: true) { lineCode regionCode status }
      lineResearch { lineCode projects { id } }
      linesWithoutResearch
    }
  }`;

async function cypher<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return readTransaction(database, async (tx) => recordsOf<T>(await tx.run(query, params)));
}

beforeAll(async () => {
  researcher = await signedInStaff(database, yoga, { role: 'researcher' });
  coordinator = await signedInStaff(database, yoga, { role: 'coordinator', lineCodes: ['L3'] });
  viewer = await signedInStaff(database, yoga, { role: 'viewer' });
});

afterAll(async () => {
  await database.driver.close();
});

describe('networkAnalytics', () => {
  it('asks anonymous callers to sign in and refuses viewers', async () => {
    const asAnonymous = await anonymous(QUERY);
    expect(asAnonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const asViewer = await viewer.graphql(QUERY);
    expect(asViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers researchers with figures that agree with the graph', async () => {
    const { data, errors } = await researcher.graphql<{ networkAnalytics: Analytics }>(QUERY);
    expect(errors).toBeUndefined();
    const analytics = data.networkAnalytics;

    const [counted] = await cypher<{ stations: number; lines: number }>(
      `MATCH (s:Station)-[:ON_LINE]->(l:Line) WHERE coalesce(l.active, true)
       RETURN count(DISTINCT s) AS stations, count(DISTINCT l) AS lines`,
    );
    expect(analytics.stationCount).toBe(counted?.stations);
    expect(analytics.lineCodes).toHaveLength(counted?.lines ?? -1);
    expect(analytics.edgeCount).toBeGreaterThanOrEqual(analytics.stationCount - counted!.lines);

    // Every pair of lines once, each count as Cypher counts it.
    const lines = analytics.lineCodes.length;
    expect(analytics.lineOverlaps).toHaveLength((lines * (lines - 1)) / 2);
    const shared = await cypher<{ a: string; b: string; n: number }>(
      `MATCH (a:Line)<-[:ON_LINE]-(s:Station)-[:ON_LINE]->(b:Line) WHERE a.number < b.number
       RETURN a.code AS a, b.code AS b, count(DISTINCT s) AS n`,
    );
    for (const pair of shared) {
      const overlap = analytics.lineOverlaps.find(
        (o) =>
          (o.lineA === pair.a && o.lineB === pair.b) || (o.lineA === pair.b && o.lineB === pair.a),
      );
      expect(overlap?.sharedStations).toBe(pair.n);
    }

    // Bridges are exactly the interchanges.
    const [interchanges] = await cypher<{ n: number }>(
      `MATCH (s:Station)-[:ON_LINE]->(l:Line) WITH s, count(DISTINCT l) AS lines
       WHERE lines > 1 RETURN count(s) AS n`,
    );
    expect(analytics.bridgeStations).toHaveLength(interchanges?.n ?? -1);
    expect(analytics.bridgeStations.every((s) => s.lineCodes.length > 1)).toBe(true);

    // Most central first.
    const betweenness = analytics.centralStations.map((s) => s.betweenness);
    expect([...betweenness].sort((x, y) => y - x)).toEqual(betweenness);
    expect(analytics.articulationPoints.every((s) => s.articulationPoint)).toBe(true);

    // An uncovered cell really has no station of the line serving the municipality.
    const uncovered = analytics.coverage.find((cell) => cell.status === 'UNCOVERED');
    if (uncovered) {
      const [serving] = await cypher<{ n: number }>(
        `MATCH (m:Region {code: $region})-[:PART_OF*0..3]->(r:Region)
         MATCH (s:Station)-[:SERVES]->(r) WHERE (s)-[:ON_LINE]->(:Line {code: $line})
         RETURN count(s) AS n`,
        { region: uncovered.regionCode, line: uncovered.lineCode },
      );
      expect(serving?.n).toBe(0);
    }
    expect(analytics.coverage.every((cell) => cell.status !== 'COVERED')).toBe(true);

    // Lines without research are the lines no project informs.
    const informed = await cypher<{ code: string }>(
      'MATCH (:ResearchProject)-[:INFORMS]->(l:Line) RETURN DISTINCT l.code AS code',
    );
    const informedCodes = new Set(informed.map((row) => row.code));
    expect(analytics.linesWithoutResearch).toEqual(
      analytics.lineCodes.filter((code) => !informedCodes.has(code)),
    );
    for (const line of analytics.lineResearch) {
      expect(line.projects.length > 0).toBe(informedCodes.has(line.lineCode));
    }
  });

  it('is computed again after the network changes, and reused until then', async () => {
    const first = await coordinator.graphql<{ networkAnalytics: { revision: number } }>(
      '{ networkAnalytics { revision computedAt } }',
    );
    expect(first.errors).toBeUndefined();
    const again = await researcher.graphql<{ networkAnalytics: { computedAt: string } }>(
      '{ networkAnalytics { revision computedAt } }',
    );
    expect(again.data.networkAnalytics).toEqual(first.data.networkAnalytics);

    const revision = await writeTransaction(database, (tx) => bumpNetworkRevision(tx));
    const after = await researcher.graphql<{ networkAnalytics: { revision: number } }>(
      '{ networkAnalytics { revision } }',
    );
    expect(after.data.networkAnalytics.revision).toBe(revision);
  });

  it('answers a large network first with estimated betweenness, then with the exact figures', async () => {
    // The demo graph is small enough to be exact at once; a sample of 5 sources stands in for
    // the national network's 1,000 of 5,000, on the same worker threads.
    const { data } = await researcher.graphql<{
      networkAnalytics: {
        betweennessExact: boolean;
        betweennessSources: number;
        stationCount: number;
      };
    }>('{ networkAnalytics { betweennessExact betweennessSources stationCount } }');
    expect(data.networkAnalytics.betweennessExact).toBe(true);
    expect(data.networkAnalytics.betweennessSources).toBeGreaterThanOrEqual(
      data.networkAnalytics.stationCount,
    );

    const service = new NetworkAnalyticsService(database, (input, revision, today) =>
      computeInWorker(input, revision, today, 5),
    );
    const today = '2026-11-23';
    const estimate = await service.current(today);
    expect(estimate.betweennessExact).toBe(false);
    expect(estimate.betweennessSources).toBe(5);
    const exact = await service.exact(today);
    expect(exact.betweennessExact).toBe(true);
    expect(exact.betweennessSources).toBe(exact.stationCount);
    // Same revision and analyses; only betweenness (and so the ranking) is refined.
    expect(exact.revision).toBe(estimate.revision);
    expect(exact.coverage).toEqual(estimate.coverage);
    expect(exact.stations.map((station) => station.betweenness)).not.toEqual(
      estimate.stations.map((station) => station.betweenness),
    );
    expect(await service.current(today)).toBe(exact);

    const inThisThread = computeNetworkAnalytics(
      await new AnalyticsRepository(database).load().then((rows) => rows.input),
      {
        revision: exact.revision,
        today,
      },
    );
    // The worker threads' answer is the one-thread computation's, station for station.
    const exactById = new Map(exact.stations.map((station) => [station.id, station]));
    expect(inThisThread.stations.some((station) => station.articulationPoint)).toBe(true);
    for (const station of inThisThread.stations) {
      const fromWorkers = exactById.get(station.id);
      expect(fromWorkers?.betweenness).toBeCloseTo(station.betweenness, 10);
      expect({ ...fromWorkers, betweenness: 0 }).toEqual({ ...station, betweenness: 0 });
    }
  });

  it('refuses a limit out of range with a typed error', async () => {
    const { errors } = await researcher.graphql(
      '{ networkAnalytics { centralStations(limit: 0) { id } } }',
    );
    expect(errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});
