/**
 * The audit module on the real Neo4j: a change and its audit record are written in one
 * transaction or not at all, every change increments the network revision exactly once (also
 * under concurrency), and the audit trail of a line or station is shown to signed-in staff only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../server/src/database/neo4j-driver.ts';
import {
  readNetworkRevision,
  recordAudit,
} from '../../server/src/features/audit/audit.repository.ts';
import { type AuditChange, accountActor } from '../../server/src/features/audit/audit.types.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { anonymousCaller, type StaffMember, signedInStaff } from '../support/staff-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { yoga } = createApp({ database, logger: createLogger('silent') });
const anonymous = anonymousCaller(yoga);
let viewer: StaffMember;
/** A station of the seed graph on line L3, to relate changes to. */
let stationId: string;

beforeAll(async () => {
  viewer = await signedInStaff(database, yoga, { role: 'viewer' });
  stationId = await readTransaction(database, async (tx) => {
    const [row] = recordsOf<{ id: string }>(
      await tx.run(`MATCH (s:Station)-[:ON_LINE]->(:Line {code: 'L3'}) RETURN s.id AS id LIMIT 1`),
    );
    return row?.id as string;
  });
});

afterAll(async () => {
  await writeTransaction(database, (tx) => tx.run('MATCH (p:AuditProbe) DETACH DELETE p'));
  await database.driver.close();
});

function probeChange(probeId: string, label: string): AuditChange {
  return {
    actor: accountActor(viewer.account),
    action: 'LINE_DESCRIBE',
    entity: { kind: 'LINE', id: 'line-L3' },
    related: [{ kind: 'STATION', id: stationId }],
    before: { probe: probeId, description: null },
    after: { probe: probeId, description: label, nested: { list: [1, 2], ok: true } },
  };
}

async function probeExists(probeId: string): Promise<boolean> {
  return readTransaction(database, async (tx) => {
    const result = await tx.run('MATCH (p:AuditProbe {id: $probeId}) RETURN count(p) AS n', {
      probeId,
    });
    return result.records[0]?.get('n') === 1;
  });
}

async function auditRecordsAbout(probeId: string): Promise<number> {
  return readTransaction(database, async (tx) => {
    const result = await tx.run(
      'MATCH (a:AuditRecord) WHERE a.beforeJson CONTAINS $probeId RETURN count(a) AS n',
      { probeId },
    );
    return result.records[0]?.get('n') as number;
  });
}

describe('recordAudit', () => {
  it('writes who, when, what, before and after with the change, and increments the revision by one', async () => {
    const probeId = randomUUID();
    const revisionBefore = await readNetworkRevision(database);
    const receipt = await writeTransaction(database, async (tx) => {
      await tx.run('CREATE (:AuditProbe {id: $probeId})', { probeId });
      return recordAudit(tx, probeChange(probeId, 'uusi kuvaus'));
    });
    expect(receipt.revision).toBe(revisionBefore + 1);
    expect(await readNetworkRevision(database)).toBe(revisionBefore + 1);
    expect(Date.now() - Date.parse(receipt.at)).toBeLessThan(60_000);
    expect(await probeExists(probeId)).toBe(true);

    const entry = await readTransaction(database, async (tx) => {
      const [row] = recordsOf<Record<string, unknown>>(
        await tx.run('MATCH (a:AuditRecord {id: $id}) RETURN properties(a) AS a', {
          id: receipt.id,
        }),
      );
      return row?.a as Record<string, unknown>;
    });
    expect(entry).toMatchObject({
      action: 'LINE_DESCRIBE',
      entityKind: 'LINE',
      entityId: 'line-L3',
      subjects: ['LINE:line-L3', `STATION:${stationId}`],
      actorKind: 'ACCOUNT',
      actorId: viewer.account.id,
      actorEmail: viewer.account.email,
      actorRole: 'viewer',
      revision: receipt.revision,
      reversible: false,
    });
    expect(JSON.parse(String(entry.afterJson))).toEqual({
      probe: probeId,
      description: 'uusi kuvaus',
      nested: { list: [1, 2], ok: true },
    });
  });

  it('leaves neither the change nor an audit record nor a new revision when the transaction fails', async () => {
    const probeId = randomUUID();
    const revisionBefore = await readNetworkRevision(database);
    await expect(
      writeTransaction(database, async (tx) => {
        await tx.run('CREATE (:AuditProbe {id: $probeId})', { probeId });
        await recordAudit(tx, probeChange(probeId, 'ei tallennu'));
        throw new Error('the change failed after the audit record was written');
      }),
    ).rejects.toThrow(/failed after/);
    expect(await probeExists(probeId)).toBe(false);
    expect(await auditRecordsAbout(probeId)).toBe(0);
    expect(await readNetworkRevision(database)).toBe(revisionBefore);
  });

  it('gives concurrent changes distinct, consecutive revisions (no increment is lost)', async () => {
    const revisionBefore = await readNetworkRevision(database);
    const receipts = await Promise.all(
      Array.from({ length: 8 }, () =>
        writeTransaction(database, (tx) =>
          recordAudit(tx, probeChange(randomUUID(), 'rinnakkain')),
        ),
      ),
    );
    const revisions = receipts.map((receipt) => receipt.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 8 }, (_, i) => revisionBefore + 1 + i));
    expect(await readNetworkRevision(database)).toBe(revisionBefore + 8);
  });
});

const TRAIL = /* GraphQL */ `
  query Trail($lineCode: String, $stationId: ID, $first: Int) {
    auditTrail(lineCode: $lineCode, stationId: $stationId, first: $first) {
      totalCount
      nodes {
        id action revision at reversible undoOf undoneBy before after
        entity { kind id }
        subjects { kind id }
        actor { email role system }
      }
    }
  }`;

interface TrailData {
  auditTrail: {
    totalCount: number;
    nodes: Array<{
      id: string;
      action: string;
      revision: number;
      before: unknown;
      after: unknown;
      entity: { kind: string; id: string };
      subjects: Array<{ kind: string; id: string }>;
      actor: { email: string | null; role: string | null; system: string | null };
    }>;
  };
}

describe('auditTrail', () => {
  it('shows a line its changes, newest first, with who and the states as JSON', async () => {
    const probeId = randomUUID();
    const receipt = await writeTransaction(database, (tx) =>
      recordAudit(tx, probeChange(probeId, 'näkyy historiassa')),
    );
    const { data, errors } = await viewer.graphql<TrailData>(TRAIL, { lineCode: 'l3', first: 5 });
    expect(errors).toBeUndefined();
    const [newest] = data.auditTrail.nodes;
    expect(newest).toMatchObject({
      id: receipt.id,
      action: 'LINE_DESCRIBE',
      revision: receipt.revision,
      entity: { kind: 'LINE', id: 'line-L3' },
      actor: { email: viewer.account.email, role: 'viewer', system: null },
      before: { probe: probeId, description: null },
      after: { probe: probeId, description: 'näkyy historiassa' },
    });
    const revisions = data.auditTrail.nodes.map((node) => node.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => b - a));
    expect(data.auditTrail.totalCount).toBeGreaterThanOrEqual(data.auditTrail.nodes.length);
  });

  it('shows a change in the trail of a related station too', async () => {
    const probeId = randomUUID();
    const receipt = await writeTransaction(database, (tx) =>
      recordAudit(tx, probeChange(probeId, 'asemankin historiassa')),
    );
    const { data, errors } = await viewer.graphql<TrailData>(TRAIL, { stationId, first: 3 });
    expect(errors).toBeUndefined();
    expect(data.auditTrail.nodes[0]?.id).toBe(receipt.id);
    expect(data.auditTrail.nodes[0]?.subjects).toContainEqual({ kind: 'STATION', id: stationId });
  });

  it('names a system tool as the actor when no person made the change', async () => {
    const receipt = await writeTransaction(database, (tx) =>
      recordAudit(tx, {
        actor: { kind: 'SYSTEM', name: 'restore-cli' },
        action: 'STATION_PROBE',
        entity: { kind: 'STATION', id: stationId },
        before: null,
        after: { count: 1 },
      }),
    );
    const { data } = await viewer.graphql<TrailData>(TRAIL, { stationId, first: 1 });
    expect(data.auditTrail.nodes[0]).toMatchObject({
      id: receipt.id,
      actor: { email: null, role: null, system: 'restore-cli' },
      before: null,
    });
  });

  it('is refused to anonymous callers', async () => {
    const { data, errors } = await anonymous<TrailData>(TRAIL, { lineCode: 'L3' });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(errors?.[0]?.message).toMatch(/Sign in first/);
  });

  it('asks for exactly one of lineCode and stationId, and a line that exists', async () => {
    for (const variables of [{}, { lineCode: 'L3', stationId }]) {
      const { errors } = await viewer.graphql<TrailData>(TRAIL, variables);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'lineCode' });
    }
    const unknown = await viewer.graphql<TrailData>(TRAIL, { lineCode: 'L99' });
    expect(unknown.errors?.[0]?.message).toMatch(/there is no line L99/);
    const malformed = await viewer.graphql<TrailData>(TRAIL, { lineCode: 'kolme' });
    expect(malformed.errors?.[0]?.message).toMatch(/must be a line code/);
  });
});
