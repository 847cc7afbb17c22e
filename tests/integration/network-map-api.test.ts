/** networkMap: everything the map draws, in one round trip, consistent with the graph. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readTransaction, writeTransaction } from '../../server/src/database/neo4j-driver.ts';
import { bumpNetworkRevision } from '../../server/src/features/audit/audit.repository.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { graphqlClient } from '../support/graphql-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
let transactions = 0;
database.onTransaction = () => {
  transactions++;
};
const { yoga } = createApp({ database, logger: createLogger('silent') });
const graphql = graphqlClient(yoga);
const uncached = graphqlClient(
  createApp({ database, logger: createLogger('silent'), readCache: false }).yoga,
);
afterAll(() => database.driver.close());

interface MapData {
  networkMap: {
    lines: Array<{ code: string; color: string; name: string }>;
    stations: Array<{
      id: string;
      x: number;
      y: number;
      lineCodes: string[];
      interchange: boolean;
      kind: string;
    }>;
    segments: Array<{ lineCode: string; from: string; to: string }>;
  };
}

const MAP = `{ networkMap {
  lines { code color name }
  stations { id label kind x y lineCodes interchange awayUntil }
  segments { lineCode from to } } }`;

describe('networkMap', () => {
  it('reads everything in one round trip to Neo4j, then only the network revision while it is unchanged', async () => {
    // A new revision: the first request reads the revision and the map.
    await writeTransaction(database, (tx) => bumpNetworkRevision(tx));
    transactions = 0;
    const { errors } = await graphql<MapData>(MAP);
    expect(errors).toBeUndefined();
    expect(transactions).toBe(2);
    transactions = 0;
    await graphql<MapData>(MAP);
    expect(transactions).toBe(1);
    // Without the read cache: the map in one round trip, every time.
    transactions = 0;
    await uncached<MapData>(MAP);
    expect(transactions).toBe(1);
  });

  it('draws every station on a line, segments in line order, interchanges where lines meet', async () => {
    const { data } = await graphql<MapData>(MAP);
    const map = data.networkMap;
    const memberships = await readTransaction(database, async (tx) =>
      (
        await tx.run(
          `MATCH (s:Station)-[on:ON_LINE]->(l:Line) WHERE coalesce(l.active, true)
           WITH l, s, on ORDER BY l.number, on.position
           WITH l, collect(s.id) AS ids
           RETURN l.code AS code, ids ORDER BY l.number`,
        )
      ).records.map((record) => ({
        code: record.get('code') as string,
        ids: record.get('ids') as string[],
      })),
    );
    expect(map.lines.map((line) => line.code)).toEqual(memberships.map((line) => line.code));
    const stationIds = new Set(memberships.flatMap((line) => line.ids));
    expect(new Set(map.stations.map((station) => station.id))).toEqual(stationIds);
    for (const { code, ids } of memberships) {
      const segments = map.segments.filter((segment) => segment.lineCode === code);
      expect(segments.map((segment) => [segment.from, segment.to])).toEqual(
        ids.slice(1).map((to, index) => [ids[index], to]),
      );
    }
    for (const station of map.stations) {
      expect(station.interchange).toBe(station.lineCodes.length > 1);
      expect(Number.isFinite(station.x) && Number.isFinite(station.y)).toBe(true);
    }
    expect(map.stations.filter((station) => station.interchange).length).toBeGreaterThan(10);
    expect(map.stations.some((station) => station.kind === 'UNIT')).toBe(true);
  });
});

describe('no N+1', () => {
  it('reads nested lists with a fixed number of round trips, however many items they hold', async () => {
    transactions = 0;
    const { data, errors } = await graphql<{ lines: Array<{ stations: unknown[] }> }>(`{
      lines { code stations { id name lines { code } regions { name } organisation { name } }
              coordinators { name methods { name } } methods { name } researchProjects { title } } }`);
    expect(errors).toBeUndefined();
    const stationCount = data.lines.reduce((sum, line) => sum + line.stations.length, 0);
    expect(stationCount).toBeGreaterThan(200);
    // lines (the network revision, and the list when it changed), stationsOfLine,
    // linesOfStation, regionsOf, organisationOf, coordinatorsOfLine, methodsOfExpert,
    // methodsOfLine, projectsOfLine: one round trip each.
    expect(transactions).toBeLessThanOrEqual(10);

    // An expert page reads each expert's lines in its own query: one round trip in all.
    transactions = 0;
    await graphql('{ experts(first: 200) { nodes { name lines { code } } } }');
    expect(transactions).toBe(1);

    transactions = 0;
    await graphql(
      '{ experts(first: 200) { nodes { lines { code } regions { name } organisation { name } methods { name } } } }',
    );
    expect(transactions).toBeLessThanOrEqual(4);
  });
});
