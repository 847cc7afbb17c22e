/**
 * Importing a staff list on the real Neo4j: a dry run reports each row (what it would do, or
 * every problem with it) and writes nothing; a real import writes every row in one audited
 * transaction, or nothing at all when one row is invalid; undo takes the import back. Works on
 * a line of its own (L94) and removes what it created at the end.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recordsOf, writeTransaction } from '../../server/src/database/neo4j-driver.ts';
import { readNetworkRevision } from '../../server/src/features/audit/audit.repository.ts';
import { refreshMapLayout } from '../../server/src/features/map/map-layout.service.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { anonymousCaller, type StaffMember, signedInStaff } from '../support/staff-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { yoga, mapLayout } = createApp({ database, logger: createLogger('silent') });
const anonymous = anonymousCaller(yoga);
const LINE = 'L94';
const members: StaffMember[] = [];
let admin: StaffMember;
let coordinator: StaffMember;
let viewer: StaffMember;
let researcher: StaffMember;

const IMPORT = /* GraphQL */ `
  mutation Import($format: StaffListFormat!, $content: String!, $dryRun: Boolean) {
    importStaffList(format: $format, content: $content, dryRun: $dryRun) {
      dryRun applied created updated
      rows { row name email action stationId problems { field message } }
      change { id action after }
    }
  }`;

interface Report {
  dryRun: boolean;
  applied: boolean;
  created: number;
  updated: number;
  rows: Array<{
    row: number;
    name: string | null;
    email: string | null;
    action: string | null;
    stationId: string | null;
    problems: Array<{ field: string; message: string }>;
  }>;
  change: { id: string; action: string } | null;
}

interface ImportError {
  message: string;
  extensions?: { code?: string; field?: string; problems?: Array<{ field: string }> };
}

async function importAs(
  member: StaffMember | null,
  variables: Record<string, unknown>,
): Promise<{ data: { importStaffList: Report } | null; errors?: ImportError[] }> {
  const caller = member ? member.graphql : anonymous;
  return (await caller(IMPORT, variables)) as {
    data: { importStaffList: Report } | null;
    errors?: ImportError[];
  };
}

const CSV = [
  'name,title,organisationId,serviceLevel,languages,regionCodes,channels,otShare,methodIds,email,phone,publicCard,lineCodes',
  `Tuotu Ensimmäinen,Psykologi,org-tays,DEMANDING,fi;sv,837,PHONE;VIDEO,"0,2",method-ipc,tuotu.ensimmainen@example.fi,+358 40 111 2222,ei,${LINE}`,
  `Tuotu Toinen,Sosiaalityöntekijä,,SPECIAL,fi;ar,837;536,CHAT,0.5,,tuotu.toinen@example.fi,,kyllä,${LINE}`,
].join('\n');

const BAD_CSV = [
  'name,title,serviceLevel,languages,regionCodes,channels,otShare,email,lineCodes',
  `Hyvä Rivi,Psykologi,SPECIAL,fi,837,PHONE,0.2,hyva.rivi@example.fi,${LINE}`,
  `X,Psykologi,HUGE,suomi,837,PHONE,2,ei-osoite,${LINE}`,
  `Kolmas Rivi,Psykologi,SPECIAL,fi,999999,PHONE,0.2,kolmas@example.fi,L3`,
].join('\n');

async function expertsNamed(prefix: string): Promise<Array<{ id: string; lines: string[] }>> {
  return writeTransaction(database, async (tx) =>
    recordsOf<{ id: string; lines: string[] }>(
      await tx.run(
        `MATCH (s:Expert) WHERE s.name STARTS WITH $prefix
         RETURN s.id AS id, COLLECT { MATCH (s)-[:ON_LINE]->(l:Line) RETURN l.code } AS lines`,
        { prefix },
      ),
    ),
  );
}

async function auditCount(): Promise<number> {
  return writeTransaction(database, async (tx) => {
    const [row] = recordsOf<{ n: number }>(
      await tx.run('MATCH (a:AuditRecord) RETURN count(a) AS n'),
    );
    return row?.n ?? 0;
  });
}

beforeAll(async () => {
  admin = await signedInStaff(database, yoga, { role: 'admin' });
  coordinator = await signedInStaff(database, yoga, { role: 'coordinator', lineCodes: [LINE] });
  viewer = await signedInStaff(database, yoga, { role: 'viewer' });
  researcher = await signedInStaff(database, yoga, { role: 'researcher' });
  members.push(admin, coordinator, viewer, researcher);
  const { errors } = await admin.graphql(
    `mutation { createLine(code: "${LINE}", name: { fi: "Tuontilinja" }, color: "#1a5e63") { line { code } } }`,
  );
  expect(errors).toBeUndefined();
});

afterAll(async () => {
  await mapLayout.settled();
  await writeTransaction(database, async (tx) => {
    await tx.run(
      `MATCH (s:Expert) WHERE s.name STARTS WITH 'Tuotu' OR s.name ENDS WITH 'Rivi' DETACH DELETE s`,
    );
    await tx.run('MATCH (l:Line {code: $code}) DETACH DELETE l', { code: LINE });
    const accountIds = members.map((member) => member.account.id);
    await tx.run('MATCH (s:Session) WHERE s.accountId IN $accountIds DELETE s', { accountIds });
    await tx.run('MATCH (a:Account) WHERE a.id IN $accountIds DELETE a', { accountIds });
  });
  await refreshMapLayout(database);
  await database.driver.close();
});

describe('importStaffList', () => {
  it('is refused to anonymous callers, viewers and researchers', async () => {
    expect(
      (await importAs(null, { format: 'CSV', content: CSV })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    for (const member of [viewer, researcher]) {
      const { errors } = await importAs(member, { format: 'CSV', content: CSV });
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('previews a valid list in a dry run, row by row, and writes nothing', async () => {
    // The layout run after the line was created increments the revision: let it finish first.
    await mapLayout.settled();
    const [records, revision] = [await auditCount(), await readNetworkRevision(database)];
    const { data, errors } = await importAs(coordinator, {
      format: 'CSV',
      content: CSV,
      dryRun: true,
    });
    expect(errors).toBeUndefined();
    expect(data?.importStaffList).toMatchObject({
      dryRun: true,
      applied: false,
      created: 2,
      updated: 0,
      change: null,
    });
    expect(
      data?.importStaffList.rows.map((row) => [
        row.row,
        row.name,
        row.action,
        row.problems,
        // A new expert's id is made at the import: a preview shows none (not a made-up one).
        row.stationId,
      ]),
    ).toEqual([
      [1, 'Tuotu Ensimmäinen', 'CREATE', [], null],
      [2, 'Tuotu Toinen', 'CREATE', [], null],
    ]);
    expect(await expertsNamed('Tuotu')).toEqual([]);
    expect(await auditCount()).toBe(records);
    expect(await readNetworkRevision(database)).toBe(revision);
  });

  it('lists every problem of every row in a dry run', async () => {
    const { data, errors } = await importAs(coordinator, { format: 'CSV', content: BAD_CSV });
    expect(errors).toBeUndefined();
    const rows = data?.importStaffList.rows ?? [];
    expect(rows[0]).toMatchObject({ row: 1, action: 'CREATE', problems: [] });
    expect(rows[1]?.problems.map((problem) => problem.field)).toEqual([
      'rows.2.name',
      'rows.2.serviceLevel',
      'rows.2.languages.0',
      'rows.2.otShare',
      'rows.2.email',
    ]);
    expect(rows[2]?.problems.map((problem) => problem.message)).toEqual([
      'row 3, regionCodes: no region 999999; use municipality codes (837)',
      'row 3, lineCodes: you do not coordinate line L3',
    ]);
    expect(await expertsNamed('Hyvä')).toEqual([]);
  });

  it('imports nothing when one row is invalid, with INVALID_INPUT naming each problem', async () => {
    const records = await auditCount();
    const { data, errors } = await importAs(coordinator, {
      format: 'CSV',
      content: BAD_CSV,
      dryRun: false,
    });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    expect(errors?.[0]?.message).toMatch(/7 problem\(s\) in the staff list; nothing was imported/);
    expect(errors?.[0]?.extensions?.problems).toHaveLength(7);
    expect(await expertsNamed('Hyvä')).toEqual([]);
    expect(await auditCount()).toBe(records);
  });

  it('refuses a file it cannot read, or with unknown columns', async () => {
    for (const [format, content, message] of [
      ['JSON', '{"experts": [', /cannot be read/],
      ['JSON', '[]', /has no rows/],
      ['CSV', 'name,shoeSize\nA,42', /unknown column shoeSize/],
    ] as const) {
      const { errors } = await importAs(admin, { format, content });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'content' });
      expect(errors?.[0]?.message).toMatch(message);
    }
  });

  it('imports every row in one audited change, and undo takes the import back', async () => {
    const first = await importAs(coordinator, { format: 'CSV', content: CSV, dryRun: false });
    expect(first.errors).toBeUndefined();
    expect(first.data?.importStaffList).toMatchObject({ applied: true, created: 2, updated: 0 });
    expect(first.data?.importStaffList.change?.action).toBe('EXPERTS_IMPORT');
    const imported = await expertsNamed('Tuotu');
    expect(imported).toHaveLength(2);
    expect(imported.every((expert) => expert.lines.includes(LINE))).toBe(true);

    const undo = await coordinator.graphql<{ undoChange: { action: string } }>(
      'mutation($id: ID!) { undoChange(auditId: $id) { action } }',
      { id: first.data?.importStaffList.change?.id },
    );
    expect(undo.errors).toBeUndefined();
    expect(await expertsNamed('Tuotu')).toEqual([]);
  });

  it('updates the expert with the same e-mail address on a later import', async () => {
    const first = await importAs(coordinator, { format: 'CSV', content: CSV, dryRun: false });
    expect(first.errors).toBeUndefined();
    const json = JSON.stringify({
      experts: [
        {
          name: 'Tuotu Toinen',
          title: 'Johtava sosiaalityöntekijä',
          serviceLevel: 'DEMANDING',
          languages: ['fi', 'ar', 'so'],
          regionCodes: ['837'],
          channels: ['CHAT', 'PHONE'],
          otShare: 0.6,
          email: 'TUOTU.TOINEN@example.fi',
          lineCodes: [LINE],
        },
      ],
    });
    const preview = await importAs(admin, { format: 'JSON', content: json });
    expect(preview.data?.importStaffList.rows[0]).toMatchObject({ action: 'UPDATE', problems: [] });
    const second = await importAs(admin, { format: 'JSON', content: json, dryRun: false });
    expect(second.errors).toBeUndefined();
    expect(second.data?.importStaffList).toMatchObject({ applied: true, created: 0, updated: 1 });
    const id = second.data?.importStaffList.rows[0]?.stationId;
    const title = async () =>
      (
        await admin.graphql<{ station: { title: string; languages: string[] } }>(
          'query($id: ID!) { station(id: $id) { ... on Expert { title languages } } }',
          { id },
        )
      ).data.station;
    expect(await title()).toEqual({
      title: 'Johtava sosiaalityöntekijä',
      languages: ['fi', 'ar', 'so'],
    });
    expect(await expertsNamed('Tuotu')).toHaveLength(2);

    await admin.graphql('mutation($id: ID!) { undoChange(auditId: $id) { id } }', {
      id: second.data?.importStaffList.change?.id,
    });
    expect(await title()).toEqual({ title: 'Sosiaalityöntekijä', languages: ['fi', 'ar'] });
  });
});
