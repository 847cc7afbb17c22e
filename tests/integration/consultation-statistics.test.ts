/**
 * Consultation statistics through GraphQL on a real Neo4j: a worker records a consultation with
 * one call, only a counter is stored (nothing about who, when within the month, or the case),
 * researchers see counts with small ones suppressed, and abuse is rate-limited.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../server/src/database/neo4j-driver.ts';
import { finnishMonth } from '../../server/src/features/consultations/consultation-statistics.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { anonymousCaller, type StaffMember, signedInStaff } from '../support/staff-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { yoga } = createApp({ database, logger: createLogger('silent') });
const anonymous = anonymousCaller(yoga);
let researcher: StaffMember;
let viewer: StaffMember;

const RECORD = /* GraphQL */ `
  mutation Record($lines: [String!]!, $municipality: String!, $channel: Channel!) {
    recordConsultation(lines: $lines, municipality: $municipality, channel: $channel)
  }`;
const STATISTICS = /* GraphQL */ `
  query {
    consultationStatistics {
      total { count display }
      byLine { key count display }
      byMunicipality { key label count display }
      byChannel { key count display }
      byMonth { key count display }
    }
  }`;

interface Count {
  key: string;
  label?: string;
  count: number | null;
  display: string;
}

async function clearCounts() {
  await writeTransaction(database, (tx) => tx.run('MATCH (c:ConsultationCount) DETACH DELETE c'));
}

beforeAll(async () => {
  await clearCounts();
  researcher = await signedInStaff(database, yoga, { role: 'researcher' });
  viewer = await signedInStaff(database, yoga, { role: 'viewer' });
});

afterAll(async () => {
  await clearCounts();
  await database.driver.close();
});

describe('consultation statistics', () => {
  it('records consultations with one call and hides counts under 5 so that none can be derived', async () => {
    for (let i = 0; i < 6; i += 1) {
      const { data, errors } = await viewer.graphql<{ recordConsultation: boolean }>(RECORD, {
        lines: ['l8', 'L3'],
        municipality: 'Tampere',
        channel: 'PHONE',
      });
      expect(errors).toBeUndefined();
      expect(data.recordConsultation).toBe(true);
    }
    for (let i = 0; i < 2; i += 1) {
      const { errors } = await anonymous(RECORD, {
        lines: ['L8'],
        municipality: '536',
        channel: 'VIDEO',
      });
      expect(errors).toBeUndefined();
    }
    const { data, errors } = await researcher.graphql<{
      consultationStatistics: Record<string, Count[]> & { total: Count };
    }>(STATISTICS);
    expect(errors).toBeUndefined();
    const stats = data.consultationStatistics;
    const find = (list: Count[] | undefined, key: string) => list?.find((c) => c.key === key);
    expect(stats.total).toEqual({ count: 8, display: '8' });
    expect(find(stats.byLine, 'L8')).toEqual({ key: 'L8', count: 8, display: '8' });
    expect(find(stats.byLine, 'L3')).toEqual({ key: 'L3', count: 6, display: '6' });
    // Nokia's 2 is hidden, and Tampere's 6 with it: else 8 - 6 would give Nokia's away.
    expect(find(stats.byMunicipality, '536')).toMatchObject({ count: null, display: '<5' });
    expect(find(stats.byMunicipality, '837')).toMatchObject({
      label: 'Tampere',
      count: null,
      display: '..',
    });
    expect(find(stats.byChannel, 'VIDEO')).toMatchObject({ count: null, display: '<5' });
    expect(find(stats.byChannel, 'PHONE')).toMatchObject({ count: null, display: '..' });
    expect(find(stats.byMonth, finnishMonth())).toMatchObject({ count: 8 });
  });

  it('stores counters only: no account, no time, no case, no address', async () => {
    const nodes = await readTransaction(database, async (tx) =>
      recordsOf<{ labels: string[]; properties: Record<string, unknown> }>(
        await tx.run(
          'MATCH (c:ConsultationCount) RETURN labels(c) AS labels, properties(c) AS properties',
        ),
      ),
    );
    expect(nodes).toHaveLength(2);
    for (const node of nodes) {
      expect(node.labels).toEqual(['ConsultationCount']);
      expect(Object.keys(node.properties).sort()).toEqual(
        ['channel', 'count', 'key', 'lineCodes', 'month', 'municipalityCode'].sort(),
      );
      expect(node.properties.month).toMatch(/^\d{4}-\d{2}$/);
    }
    const [linked] = await readTransaction(database, async (tx) =>
      recordsOf<{ n: number }>(
        await tx.run('MATCH (c:ConsultationCount)--() RETURN count(*) AS n'),
      ),
    );
    expect(linked?.n).toBe(0);
    const [audit] = await readTransaction(database, async (tx) =>
      recordsOf<{ n: number }>(
        await tx.run(
          "MATCH (a:AuditRecord) WHERE a.action CONTAINS 'CONSULT' RETURN count(a) AS n",
        ),
      ),
    );
    expect(audit?.n).toBe(0);
  });

  it('refuses unknown lines and municipalities with typed errors, and writes nothing', async () => {
    const unknownLine = await anonymous(RECORD, {
      lines: ['L99'],
      municipality: 'Tampere',
      channel: 'PHONE',
    });
    expect(unknownLine.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'lines',
    });
    const unknownPlace = await anonymous(RECORD, {
      lines: ['L3'],
      municipality: 'Atlantis',
      channel: 'PHONE',
    });
    expect(unknownPlace.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'municipality',
    });
    const { data } = await researcher.graphql<{ consultationStatistics: { total: Count } }>(
      STATISTICS,
    );
    expect(data.consultationStatistics.total.count).toBe(8);
  });

  it('shows statistics to researchers only: anonymous UNAUTHENTICATED, viewers FORBIDDEN', async () => {
    expect((await anonymous(STATISTICS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await viewer.graphql(STATISTICS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rate-limits one caller beyond 30 records an hour', async () => {
    const worker = await signedInStaff(database, yoga, { role: 'viewer' });
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 31; i += 1) {
      const { errors } = await worker.graphql(RECORD, {
        lines: ['L1'],
        municipality: 'Nokia',
        channel: 'CHAT',
      });
      codes.push(errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, 30).every((code) => code === undefined)).toBe(true);
    expect(codes[30]).toBe('RATE_LIMITED');
  });
});
