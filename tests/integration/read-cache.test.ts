/**
 * The read cache keyed by the network revision (READ_CACHE): routeCase, networkMap and lines
 * answer from memory while the graph is unchanged, see a change made through the audited path
 * or by another app instance on their next request, and answer exactly as the uncached path does.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../server/src/database/neo4j-driver.ts';
import {
  bumpNetworkRevision,
  readNetworkRevision,
  recordAudit,
} from '../../server/src/features/audit/audit.repository.ts';
import { refreshMapLayout } from '../../server/src/features/map/map-layout.service.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { graphqlClient } from '../support/graphql-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const uri = inject('neo4jUri');
const database = connectTestDatabase(uri);
/** A second app instance on its own driver: another server against the same Neo4j. */
const otherDatabase = connectTestDatabase(uri);
let transactions = 0;
database.onTransaction = () => {
  transactions++;
};
const logger = createLogger('silent');
const cached = graphqlClient(createApp({ database, logger }).yoga);
const otherInstance = graphqlClient(createApp({ database: otherDatabase, logger }).yoga);
const uncached = graphqlClient(createApp({ database, logger, readCache: false }).yoga);

afterAll(async () => {
  await database.driver.close();
  await otherDatabase.driver.close();
});

const ROUTE = /* GraphQL */ `
  query Route($input: CaseInput!, $lang: Lang) {
    routeCase(input: $input, lang: $lang) {
      matchedLines { code name }
      lineMatches { line { code } score matchedTerms picked }
      itineraries {
        score explanation transfer fallback
        stops { line { code name } station { id name } reasons reasonCodes }
      }
      emergencyNotice notice
    }
  }`;

const MAP = `{ networkMap {
  lines { code name color }
  stations { id label kind x y lineCodes interchange awayUntil }
  segments { lineCode from to offset } } }`;

interface Plan {
  routeCase: {
    itineraries: Array<{
      explanation: string;
      stops: Array<{ station: { id: string; name: string }; reasonCodes: string[] }>;
    }>;
  };
}

interface MapData {
  networkMap: { stations: Array<{ id: string; label: string; x: number; y: number }> };
}

type Client = typeof cached;

async function route(client: Client, input: Record<string, unknown>, lang = 'FI') {
  const response = await client<Plan>(ROUTE, { input, lang });
  expect(response.errors).toBeUndefined();
  return response.data.routeCase;
}

/** The first station routeCase gives for line L6 in Tampere. */
async function firstStationOfL6(client: Client) {
  const plan = await route(client, { lineCodes: ['L6'], municipality: 'Tampere' });
  return plan.itineraries[0]?.stops[0]?.station as { id: string; name: string };
}

/** Renames a station the way an edit does: the change and its audit record in one transaction. */
async function renameStationAudited(id: string, from: string, to: string) {
  await writeTransaction(database, async (tx) => {
    await tx.run('MATCH (s:Station {id: $id}) SET s.name = $to', { id, to });
    await recordAudit(tx, {
      actor: { kind: 'SYSTEM', name: 'read-cache test' },
      action: 'STATION_RENAME',
      entity: { kind: 'STATION', id },
      before: { name: from },
      after: { name: to },
    });
  });
}

describe('read cache', () => {
  it('answers from memory while nothing changes: one revision read per request', async () => {
    await route(cached, { lineCodes: ['L8'], municipality: 'Tampere' });
    await cached(MAP);
    await cached('{ lines { code } }');
    transactions = 0;
    await route(cached, { text: 'kunniaväkivalta ja päihteet', municipality: 'Nokia' });
    expect(transactions).toBe(1);
    transactions = 0;
    await cached(`{ lines { code } networkMap { stations { id } } }`);
    expect(transactions).toBe(1);
  });

  it('shows a change made through the audited path in the next routeCase and networkMap', async () => {
    const before = await firstStationOfL6(cached);
    const beforeMap = await cached<MapData>(MAP);
    expect(beforeMap.data.networkMap.stations.find((s) => s.id === before.id)?.label).toBe(
      before.name,
    );
    const renamed = `${before.name} (uusi nimi)`;
    await renameStationAudited(before.id, before.name, renamed);
    try {
      for (const client of [cached, otherInstance]) {
        expect(await firstStationOfL6(client)).toEqual({ id: before.id, name: renamed });
        const map = await client<MapData>(MAP);
        expect(map.data.networkMap.stations.find((s) => s.id === before.id)?.label).toBe(renamed);
      }
    } finally {
      await renameStationAudited(before.id, renamed, before.name);
    }
    expect(await firstStationOfL6(otherInstance)).toEqual(before);
  });

  it('sees a change another instance (a second driver) committed with a new revision', async () => {
    // Both instances hold the current network.
    const line = await cached<{ lines: Array<{ code: string; name: string }> }>(
      '{ lines { code name } }',
    );
    await otherInstance('{ lines { code name } }');
    const original = line.data.lines.find((l) => l.code === 'L9')?.name as string;
    const changed = `${original} – muutettu`;
    const setName = (name: string) =>
      writeTransaction(otherDatabase, async (tx) => {
        await tx.run(`MATCH (l:Line {code: 'L9'}) SET l.nameFi = $name`, { name });
        await bumpNetworkRevision(tx);
      });
    await setName(changed);
    try {
      for (const client of [cached, otherInstance]) {
        const after = await client<{ lines: Array<{ code: string; name: string }> }>(
          '{ lines { code name } }',
        );
        expect(after.data.lines.find((l) => l.code === 'L9')?.name).toBe(changed);
        const plan = await route(client, { lineCodes: ['L9'] });
        expect(plan.itineraries[0]?.explanation).toContain(changed);
      }
    } finally {
      await setName(original);
    }
  });

  it('shows a recomputed map layout: storing it increments the revision', async () => {
    const revision = await readNetworkRevision(database);
    await cached(MAP);
    const station = await readTransaction(database, async (tx) => {
      const [row] = recordsOf<{ id: string; x: number; y: number }>(
        await tx.run(
          'MATCH (s:Station) RETURN s.id AS id, s.x AS x, s.y AS y ORDER BY s.id LIMIT 1',
        ),
      );
      return row as { id: string; x: number; y: number };
    });
    const pin = (x: number | null, y: number | null) =>
      writeTransaction(database, async (tx) => {
        await tx.run('MATCH (s:Station {id: $id}) SET s.pinnedX = $x, s.pinnedY = $y', {
          id: station.id,
          x,
          y,
        });
      });
    await pin(station.x + 6000, station.y + 6000);
    try {
      expect((await refreshMapLayout(database)).recomputed).toBe(true);
      expect(await readNetworkRevision(database)).toBeGreaterThan(revision);
      const map = await cached<MapData>(MAP);
      expect(map.data.networkMap.stations.find((s) => s.id === station.id)).toMatchObject({
        x: station.x + 6000,
        y: station.y + 6000,
      });
    } finally {
      await pin(null, null);
      await refreshMapLayout(database);
    }
  });

  it('gives the same map as the uncached path', async () => {
    expect((await cached(MAP)).data).toEqual((await uncached(MAP)).data);
  });
});

describe('read cache: the same plans as the uncached path', () => {
  const TEXTS = [
    'Perheessä epäillään kunniaväkivaltaa ja tyttöä uhkaa pakkoavioliitto',
    'Isä on uhannut tappaa koko perheen',
    'Raskaana oleva äiti käyttää huumeita',
    'Vanhempien pitkittynyt huoltoriita ja tapaamisoikeus',
    'Hedersrelaterat våld och tvångsäktenskap',
    'Suspected sexual abuse of a small child',
    'Nuori syyllistyi ryöstöön ja päihteet',
    'Lorem ipsum',
  ];
  const MUNICIPALITIES = [
    'Tampere',
    'Nokia',
    'Tammerfors',
    '837',
    'Ikaalinen',
    'Seinäjoki',
    'Helsinki',
  ];
  const profile = fc.record(
    {
      text: fc.constantFrom(...TEXTS),
      lineCodes: fc.subarray(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'L10'], {
        maxLength: 3,
      }),
      municipality: fc.constantFrom(...MUNICIPALITIES),
      languages: fc.subarray(['ar', 'so', 'sv', 'en', 'fse', 'ru'], { maxLength: 2 }),
      urgency: fc.constantFrom('ACUTE', 'SOON', 'ROUTINE'),
      channels: fc.subarray(['PHONE', 'VIDEO', 'CHAT', 'EMAIL', 'NETWORK_MEETING'], {
        maxLength: 2,
      }),
    },
    { requiredKeys: [] },
  );

  it('for generated profiles in three languages, on every instance', async () => {
    await fc.assert(
      fc.asyncProperty(profile, fc.constantFrom('FI', 'SV', 'EN'), async (input, lang) => {
        for (let attempt = 0; ; attempt++) {
          // Load spread rotates ties by the hour: compare answers given within one hour.
          const hour = new Date().getHours();
          const fromCache = await cached(ROUTE, { input, lang });
          const fromNeo4j = await uncached(ROUTE, { input, lang });
          const again = await otherInstance(ROUTE, { input, lang });
          if (hour === new Date().getHours() || attempt > 0) {
            expect(fromCache.errors).toBeUndefined();
            expect(fromCache).toEqual(fromNeo4j);
            // Deterministic: the same input and data give the same answer, on any instance.
            expect(again).toEqual(fromCache);
            return;
          }
        }
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });
});
