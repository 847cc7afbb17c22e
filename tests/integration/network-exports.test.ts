/**
 * The network exports over real HTTP on the demo graph: who may download them, and files that
 * parse (GraphML and GEXF as XML with every station and segment, CSV, JSON) and validate (HSDS 3.0
 * against the vendored schema).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTransaction, recordsOf } from '../../server/src/database/neo4j-driver.ts';
import { AccountRepository } from '../../server/src/features/auth/account.repository.ts';
import type { Role } from '../../server/src/features/auth/account.types.ts';
import { SessionRepository } from '../../server/src/features/auth/session.repository.ts';
import { hashSessionId } from '../../server/src/features/auth/sign-in.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { server } = createApp({ database, logger: createLogger('silent') });
let base = '';
const PATHS = [
  '/export/network.graphml',
  '/export/network.gexf',
  '/export/stations.csv',
  '/export/network.json',
  '/export/hsds.json',
];

/** A session cookie for a new account of `role`, as the browser would send it. */
async function sessionCookie(role: Role): Promise<string> {
  const tag = randomBytes(4).toString('hex');
  const account = await new AccountRepository(database).create({
    email: `export-${role}-${tag}@example.fi`,
    role,
    passwordHash: 'no-password',
    expertId: null,
    lineCodes: [],
  });
  const sessionId = randomBytes(32).toString('base64url');
  const now = new Date();
  await new SessionRepository(database).create({
    idHash: hashSessionId(sessionId),
    accountId: account.id,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  return `metro_session=${sessionId}`;
}

let researcherCookie = '';
let expected: { stations: number; segments: number; lines: number; units: number };

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  researcherCookie = await sessionCookie('researcher');
  expected = await readTransaction(database, async (tx) => {
    const [row] = recordsOf<{ stations: number; segments: number; lines: number; units: number }>(
      await tx.run(`
        CALL () {
          MATCH (l:Line) WHERE coalesce(l.active, true)
          MATCH (s:Station)-[:ON_LINE]->(l)
          WITH l, count(s) AS onLine
          RETURN sum(onLine - 1) AS segments, count(l) AS lines
        }
        CALL () {
          MATCH (s:Station) WHERE EXISTS { (s)-[:ON_LINE]->(l:Line) WHERE coalesce(l.active, true) }
          RETURN count(s) AS stations, count(CASE WHEN s:Unit THEN 1 END) AS units
        }
        RETURN stations, segments, lines, units`),
    );
    if (!row) {
      throw new Error('The demo graph is missing');
    }
    return row;
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.driver.close();
});

async function download(path: string, cookie = researcherCookie) {
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['node', 'edge', 'data', 'attvalue', 'key', 'attribute'].includes(name),
});

describe('network exports', () => {
  it('refuses anonymous callers with 401 and viewers with 403', async () => {
    const viewerCookie = await sessionCookie('viewer');
    for (const path of PATHS) {
      expect((await download(path, '')).status).toBe(401);
      expect((await download(path, viewerCookie)).status).toBe(403);
    }
  });

  it('gives GraphML with every station and every line segment, with line codes and colours', async () => {
    const { status, type, text } = await download('/export/network.graphml');
    expect(status).toBe(200);
    expect(type).toContain('graphml');
    expect(XMLValidator.validate(text)).toBe(true);
    const graph = xmlParser.parse(text).graphml.graph;
    expect(graph.node).toHaveLength(expected.stations);
    expect(graph.edge).toHaveLength(expected.segments);
    const edgeData = graph.edge[0].data as Array<{ '@key': string; '#text': string }>;
    expect(edgeData.find((d) => d['@key'] === 'line')?.['#text']).toMatch(/^L\d+$/);
    expect(edgeData.find((d) => d['@key'] === 'color')?.['#text']).toMatch(/^#[0-9a-fA-F]{6}$/);
  });

  it('gives GEXF with every station and every line segment, coloured by line', async () => {
    const { status, text } = await download('/export/network.gexf');
    expect(status).toBe(200);
    expect(XMLValidator.validate(text)).toBe(true);
    const graph = xmlParser.parse(text).gexf.graph;
    expect(graph.nodes.node).toHaveLength(expected.stations);
    expect(graph.edges.edge).toHaveLength(expected.segments);
    expect(graph.edges.edge[0]['viz:color']['@r']).toBeDefined();
    expect(graph.edges.edge[0]['@kind']).toMatch(/^L\d+$/);
  });

  it('gives a CSV of every station, with contact details for signed-in staff', async () => {
    const { status, type, text } = await download('/export/stations.csv');
    expect(status).toBe(200);
    expect(type).toContain('text/csv');
    const rows = parseCsv(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(expected.stations);
    expect(rows.some((row) => row.email?.includes('@'))).toBe(true);
    expect(rows.every((row) => row.lines !== '')).toBe(true);
  });

  it('gives the network as JSON', async () => {
    const { status, text } = await download('/export/network.json');
    expect(status).toBe(200);
    const network = JSON.parse(text) as { stations: unknown[]; edges: unknown[]; lines: unknown[] };
    expect(network.stations).toHaveLength(expected.stations);
    expect(network.edges).toHaveLength(expected.segments);
    expect(network.lines).toHaveLength(expected.lines);
  });

  it('gives lines and units as HSDS 3.0 services that validate against the schema', async () => {
    const { status, text } = await download('/export/hsds.json');
    expect(status).toBe(200);
    const hsds = JSON.parse(text) as {
      services: Array<{ name: string; contacts: Array<{ name: string }> }>;
    };
    const schema = JSON.parse(
      readFileSync(
        new URL('../../server/src/features/exports/hsds-3.0-export.schema.json', import.meta.url),
        'utf8',
      ),
    );
    const ajv = new Ajv({ allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(hsds), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(hsds.services).toHaveLength(expected.lines + expected.units);
    expect(hsds.services[0]?.name).toMatch(/^L1 /);
  });
});
