/**
 * Neo4j killed (SIGKILL, no shutdown) while coordinators' edits and a staff import are being
 * written: after the database comes back, every edit it acknowledged is there, and nothing is
 * half-written: the line's version, its name and its audit trail agree exactly, change for
 * change, and an import is there with all its rows or not at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { findFreePort, type LocalNeo4j, startLocalNeo4j } from '../../neo4j/local-neo4j.ts';
import { readTransaction, recordsOf } from '../../server/src/database/neo4j-driver.ts';
import { setUpSchema } from '../../server/src/database/schema-setup.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { type StaffMember, signedInStaff } from '../support/staff-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'metrokartta-crash-'));
const port = await findFreePort();
const neo4jOptions = { port, dataDir, heap: '512m', pageCacheMb: 32 };
const database = connectTestDatabase(`bolt://127.0.0.1:${port}`, 2_000);
const app = createApp({ database, logger: createLogger('silent') });
let neo4j: LocalNeo4j;
let admin: StaffMember;

const LINE = 'L1';
const RENAME = /* GraphQL */ `
  mutation Rename($code: String!, $version: Int!, $fi: String!) {
    renameLine(code: $code, expectedVersion: $version, name: { fi: $fi }) {
      line { version name }
      change { id }
    }
  }`;

interface LineState {
  version: number;
  name: string;
  /** Audit records, newest first; `after` maps each changed entity to its new state. */
  trail: Array<{ action: string; after: Record<string, { nameFi?: string }> | null }>;
}

async function lineState(): Promise<LineState> {
  const { data, errors } = await admin.graphql<{
    line: { version: number; name: string };
    auditTrail: { totalCount: number; nodes: LineState['trail'] };
  }>(
    `query State($code: String!) {
      line(code: $code) { version name }
      auditTrail(lineCode: $code, first: 200) { totalCount nodes { action after } }
    }`,
    { code: LINE },
  );
  if (errors || !data) {
    throw new Error(`State query failed: ${JSON.stringify(errors)}`);
  }
  expect(data.auditTrail.totalCount).toBe(data.auditTrail.nodes.length);
  return { version: data.line.version, name: data.line.name, trail: data.auditTrail.nodes };
}

beforeAll(async () => {
  neo4j = await startLocalNeo4j(neo4jOptions);
  await setUpSchema(database);
  await loadSeedGraph(database, generateNetwork({ scale: 'demo' }), { reset: true });
  admin = await signedInStaff(database, app.yoga, { role: 'admin' });
}, 240_000);

afterAll(async () => {
  await app.mapLayout.settled();
  await database.driver.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Neo4j killed in the middle of edits', () => {
  it('keeps every acknowledged edit and no half of any other', { timeout: 240_000 }, async () => {
    const before = await lineState();
    const acknowledged: string[] = [];
    const failed: string[] = [];
    let version = before.version;
    // Renames one after another; the database is killed without warning while the sixth is
    // on its way, and the rest meet a database that is gone.
    for (let edit = 1; edit <= 12; edit += 1) {
      const name = `Kaatumiskoe ${edit}`;
      const sent = admin.graphql<{ renameLine: { line: { version: number } } }>(RENAME, {
        code: LINE,
        version,
        fi: name,
      });
      if (edit === 6) {
        neo4j.process.kill('SIGKILL');
      }
      const { data, errors } = await sent;
      if (data?.renameLine) {
        acknowledged.push(name);
        version = data.renameLine.line.version;
      } else {
        failed.push(name);
        expect(errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      }
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    expect(failed.length).toBeGreaterThanOrEqual(6);

    // The database comes back from its transaction log, on the same folder and port.
    neo4j = await startLocalNeo4j(neo4jOptions);
    let after: LineState | undefined;
    await expect
      .poll(
        async () => {
          after = await lineState().catch(() => undefined);
          return after !== undefined;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    if (!after) {
      throw new Error('unreachable');
    }

    const renames = after.trail.filter((entry) => entry.action === 'LINE_RENAME');
    const renamedTo = renames.map((entry) => Object.values(entry.after ?? {})[0]?.nameFi).reverse();
    // Every acknowledged edit survived the kill, in order.
    expect(renamedTo.slice(0, acknowledged.length)).toEqual(acknowledged);
    // An edit in flight at the kill either committed whole or not at all: at most one more
    // rename, and it is the one that was in flight.
    expect(renamedTo.length - acknowledged.length).toBeLessThanOrEqual(1);
    if (renamedTo.length > acknowledged.length) {
      expect(renamedTo.at(-1)).toBe(failed[0]);
    }
    // The line, its version and its audit trail agree: one version step per audited change.
    expect(after.version - before.version).toBe(renames.length);
    expect(after.name).toBe(renamedTo.at(-1));
  });

  it('writes a staff import whole or not at all', { timeout: 240_000 }, async () => {
    const ROWS = 300;
    const csv = [
      'name,title,serviceLevel,languages,regionCodes,channels,otShare,email,lineCodes',
      ...Array.from(
        { length: ROWS },
        (_, row) =>
          `Kaatumistuonti ${row},Psykologi,SPECIAL,fi,837,PHONE,0.2,kaatumistuonti-${row}@example.fi,${LINE}`,
      ),
    ].join('\n');
    const imported = async () => {
      const rows = await readTransaction(database, (tx) =>
        tx.run(
          `MATCH (s:Station) WHERE s.name STARTS WITH 'Kaatumistuonti ' RETURN count(s) AS stations`,
        ),
      );
      const audits = await readTransaction(database, (tx) =>
        tx.run(`MATCH (a:AuditRecord {action: 'EXPERTS_IMPORT'}) RETURN count(a) AS audits`),
      );
      return {
        stations: recordsOf<{ stations: number }>(rows)[0]?.stations,
        audits: recordsOf<{ audits: number }>(audits)[0]?.audits,
      };
    };
    expect(await imported()).toEqual({ stations: 0, audits: 0 });

    const sent = admin.graphql<{ importStaffList: { applied: boolean } }>(
      `mutation Import($content: String!) {
        importStaffList(format: CSV, content: $content, dryRun: false) { applied created }
      }`,
      { content: csv },
    );
    // Killed while the import is on its way: parsed, validated, or being written.
    await new Promise((wait) => setTimeout(wait, 150));
    neo4j.process.kill('SIGKILL');
    const answer = await sent;

    neo4j = await startLocalNeo4j(neo4jOptions);
    let after: { stations?: number; audits?: number } | undefined;
    await expect
      .poll(
        async () => {
          after = await imported().catch(() => undefined);
          return after !== undefined;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    if (answer.data?.importStaffList.applied) {
      // Acknowledged: all of it survived.
      expect(after).toEqual({ stations: ROWS, audits: 1 });
    } else {
      expect(answer.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect([
        { stations: 0, audits: 0 },
        { stations: ROWS, audits: 1 },
      ]).toContainEqual(after);
    }
  });
});
