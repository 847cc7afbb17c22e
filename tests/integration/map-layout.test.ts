/** The metro layout computed server-side, stored in Neo4j and served by networkMap. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { refreshMapLayout } from '../../server/src/features/map/map-layout.service.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { graphqlClient } from '../support/graphql-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { yoga } = createApp({ database, logger: createLogger('silent') });
const graphql = graphqlClient(yoga);
afterAll(() => database.driver.close());

interface MapData {
  networkMap: {
    stations: Array<{ id: string; x: number; y: number }>;
    segments: Array<{ lineCode: string; from: string; to: string; offset: number }>;
  };
}

async function loadMap() {
  const { data, errors } = await graphql<MapData>(
    '{ networkMap { stations { id x y } segments { lineCode from to offset } } }',
  );
  expect(errors).toBeUndefined();
  return data.networkMap;
}

async function cypher(statement: string, parameters: Record<string, unknown> = {}) {
  const session = database.driver.session();
  try {
    await session.run(statement, parameters);
  } finally {
    await session.close();
  }
}

describe('stored metro layout', () => {
  it('places every station on its own grid point, with octilinear segments', async () => {
    const map = await loadMap();
    const at = new Map(map.stations.map((station) => [station.id, station]));
    const points = map.stations.map((station) => `${station.x},${station.y}`);
    expect(new Set(points).size).toBe(points.length);
    for (const station of map.stations) {
      expect(station.x % 60).toBe(0);
      expect(station.y % 60).toBe(0);
    }
    const octilinear = map.segments.filter((segment) => {
      const a = at.get(segment.from)!;
      const b = at.get(segment.to)!;
      const dx = Math.abs(a.x - b.x);
      const dy = Math.abs(a.y - b.y);
      return dx === 0 || dy === 0 || dx === dy;
    });
    expect(octilinear.length / map.segments.length).toBeGreaterThanOrEqual(0.95);
  });

  it('draws lines that share a segment side by side, each at its own offset', async () => {
    const map = await loadMap();
    const byPair = new Map<string, number[]>();
    for (const segment of map.segments) {
      const key = [segment.from, segment.to].sort().join('|');
      const sign = segment.from < segment.to ? 1 : -1;
      byPair.set(key, [...(byPair.get(key) ?? []), segment.offset * sign]);
    }
    const shared = [...byPair.values()].filter((offsets) => offsets.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const offsets of shared) {
      expect(new Set(offsets).size).toBe(offsets.length);
    }
  });

  it('is not computed again while the network is unchanged', async () => {
    expect((await refreshMapLayout(database)).recomputed).toBe(false);
  });

  it('is computed again when a station is pinned, and keeps the pinned position', async () => {
    const [station] = (await loadMap()).stations;
    try {
      await cypher('MATCH (s:Station {id: $id}) SET s.pinnedX = 6000, s.pinnedY = 6000', {
        id: station!.id,
      });
      expect((await refreshMapLayout(database)).recomputed).toBe(true);
      const moved = (await loadMap()).stations.find((s) => s.id === station!.id);
      expect(moved).toMatchObject({ x: 6000, y: 6000 });
    } finally {
      await cypher('MATCH (s:Station {id: $id}) REMOVE s.pinnedX, s.pinnedY', { id: station!.id });
      await refreshMapLayout(database);
    }
  });
});
