/**
 * Backups against the real Neo4j: export -> wipe -> restore gives the same graph (checked by an
 * export and, independently, by a digest Cypher computes of every node and relationship), an
 * invalid file or a non-empty database is refused with nothing written, a failed replace leaves
 * the old graph, the command line, and the admins' download.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTransaction, writeTransaction } from '../../server/src/database/neo4j-driver.ts';
import { AccountRepository } from '../../server/src/features/auth/account.repository.ts';
import { hashPassword } from '../../server/src/features/auth/password-hash.ts';
import { DatabaseNotEmptyError } from '../../server/src/features/backup/backup.repository.ts';
import { exportBackup, restoreBackup } from '../../server/src/features/backup/backup.service.ts';
import type { BackupFile } from '../../server/src/features/backup/backup.types.ts';
import { BackupValidationError } from '../../server/src/features/backup/backup-format.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const neo4jUri = inject('neo4jUri');
const database = connectTestDatabase(neo4jUri, 60_000);
const run = randomBytes(4).toString('hex');
const PASSWORD = 'varmuuskopio hevonen 42';
const workDir = mkdtempSync(join(tmpdir(), 'metrokartta-backup-test-'));

/**
 * A digest of the whole graph but sessions, computed by Cypher alone: every node's labels and
 * each property's value and type, every relationship's type, ends and properties. It does not
 * use the backup code, so a property the export forgot would change it. The revision counter's
 * value is read by `revision()`.
 */
async function graphDigest(): Promise<{ nodes: number; relationships: number; hash: string }> {
  const lines = await readTransaction(database, async (tx) => {
    // The revision counter's value is left out: a restore over content moves it on purpose.
    const propertyList = (variable: string) => /* cypher */ `
      [k IN keys(${variable}) WHERE NOT (${variable}:NetworkRevision AND k = 'value')
        | k + '=' + valueType(${variable}[k]) + ':' + CASE
        WHEN valueType(${variable}[k]) STARTS WITH 'LIST'
          THEN reduce(s = '', x IN ${variable}[k] | s + toString(x) + '|')
        ELSE toString(${variable}[k]) END]`;
    const nodes = await tx.run(/* cypher */ `
      MATCH (n) WHERE NOT n:Session
      RETURN labels(n) AS labels, ${propertyList('n')} AS props`);
    const relationships = await tx.run(/* cypher */ `
      MATCH (a)-[r]->(b) WHERE NOT a:Session AND NOT b:Session
      RETURN type(r) AS type, labels(a) AS fromLabels, coalesce(a.id, a.code, a.key) AS fromKey,
             labels(b) AS toLabels, coalesce(b.id, b.code, b.key) AS toKey, ${propertyList('r')} AS props`);
    const sorted = (values: string[]) => [...values].sort();
    return {
      nodes: nodes.records.map((record) =>
        JSON.stringify([sorted(record.get('labels')), sorted(record.get('props'))]),
      ),
      relationships: relationships.records.map((record) =>
        JSON.stringify([
          record.get('type'),
          sorted(record.get('fromLabels')),
          record.get('fromKey'),
          sorted(record.get('toLabels')),
          record.get('toKey'),
          sorted(record.get('props')),
        ]),
      ),
    };
  });
  const hash = createHash('sha256')
    .update(JSON.stringify([lines.nodes.sort(), lines.relationships.sort()]))
    .digest('hex');
  return { nodes: lines.nodes.length, relationships: lines.relationships.length, hash };
}

async function revision(): Promise<number | null> {
  return readTransaction(database, async (tx) => {
    const result = await tx.run(
      "MATCH (r:NetworkRevision {key: 'network'}) RETURN r.value AS value",
    );
    return (result.records[0]?.get('value') as number | undefined) ?? null;
  });
}

async function wipe(): Promise<void> {
  await writeTransaction(database, (tx) => tx.run('MATCH (n) DETACH DELETE n'));
}

async function nodeCount(): Promise<number> {
  return readTransaction(database, async (tx) =>
    Number((await tx.run('MATCH (n) RETURN count(n) AS n')).records[0]?.get('n')),
  );
}

/** The file without its export time, for comparing two exports. */
function content(file: BackupFile) {
  const { exportedAt: _exportedAt, ...rest } = file;
  return JSON.stringify(rest);
}

let sessionIdHash = '';
let accountEmail = '';

beforeAll(async () => {
  // An account with a session, so that the backup is seen to keep the one and drop the other.
  accountEmail = `backup-admin-${run}@example.fi`;
  const account = await new AccountRepository(database).create({
    email: accountEmail,
    role: 'admin',
    passwordHash: await hashPassword(PASSWORD),
    expertId: null,
    lineCodes: [],
  });
  sessionIdHash = createHash('sha256').update(`session-${run}`).digest('hex');
  await writeTransaction(database, (tx) =>
    tx.run(
      `CREATE (:Session {idHash: $idHash, accountId: $accountId, csrfToken: $csrf,
         createdAt: datetime(), expiresAt: datetime() + duration('PT1H')})`,
      { idHash: sessionIdHash, accountId: account.id, csrf: `csrf-${run}` },
    ),
  );
});

afterAll(async () => {
  await database.driver.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('export -> wipe -> restore', () => {
  let original: BackupFile;
  let originalDigest: Awaited<ReturnType<typeof graphDigest>>;
  let originalRevision: number | null;

  beforeAll(async () => {
    originalDigest = await graphDigest();
    originalRevision = await revision();
    const exported = await exportBackup(database, { includeAccounts: true });
    expect(exported.warnings).toEqual([]);
    original = exported.file;
  });

  it('exports every node but sessions, with accounts, and no session secret', () => {
    expect(original.counts.nodes).toBe(originalDigest.nodes);
    expect(original.counts.relationships).toBe(originalDigest.relationships);
    const labels = new Set(original.nodes.flatMap((node) => node.labels));
    for (const label of ['Line', 'Station', 'Expert', 'Unit', 'Region', 'Organisation']) {
      expect(labels).toContain(label);
    }
    for (const label of ['Method', 'Researcher', 'ResearchProject', 'VipNetwork', 'MapLayout']) {
      expect(labels).toContain(label);
    }
    expect(labels).toContain('Account');
    expect(labels).toContain('NetworkRevision');
    expect(labels).not.toContain('Session');
    const text = JSON.stringify(original);
    expect(text).toContain(accountEmail);
    expect(text).not.toContain(sessionIdHash);
    expect(text).not.toContain(`csrf-${run}`);
    // The layout survives: stations carry their positions.
    const station = original.nodes.find((node) => node.labels.includes('Station'));
    expect(station?.types).toMatchObject({ x: 'FLOAT', y: 'FLOAT' });
  });

  it('refuses to restore into a database with content, and writes nothing', async () => {
    await expect(restoreBackup(database, original, { replace: false })).rejects.toThrow(
      DatabaseNotEmptyError,
    );
    expect(await graphDigest()).toEqual(originalDigest);
  });

  it('refuses an invalid file, listing its problems, and writes nothing even with replace', async () => {
    const broken = structuredClone(original);
    const station = broken.nodes.find((node) => node.labels.includes('Expert'));
    if (!station) {
      throw new Error('the demo graph has experts');
    }
    station.properties.kind = 'PERSON';
    broken.relationships[0] = { ...broken.relationships[0], to: 'Line:nowhere' } as never;
    const error = await restoreBackup(database, broken, { replace: true }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BackupValidationError);
    const { problems } = error as BackupValidationError;
    expect(problems).toContain(
      `nodes[${broken.nodes.indexOf(station)}] (${station.ref}).properties.kind: must be EXPERT or UNIT`,
    );
    expect(problems.some((problem) => problem.includes('no node has the ref "Line:nowhere"'))).toBe(
      true,
    );
    expect(await graphDigest()).toEqual(originalDigest);
  });

  it('restores into an empty database the identical graph', async () => {
    await wipe();
    expect(await nodeCount()).toBe(0);
    const summary = await restoreBackup(database, JSON.parse(JSON.stringify(original)), {
      replace: false,
    });
    expect(summary.nodesCreated).toBe(original.counts.nodes);
    expect(summary.relationshipsCreated).toBe(original.counts.relationships);
    expect(await graphDigest()).toEqual(originalDigest);
    expect(await revision()).toBe(originalRevision);
    const again = await exportBackup(database, { includeAccounts: true });
    expect(content(again.file)).toBe(content(original));
    // The account came back (the download test below signs in with it); its session did not.
    const sessions = await readTransaction(database, async (tx) =>
      Number((await tx.run('MATCH (s:Session) RETURN count(s) AS n')).records[0]?.get('n')),
    );
    expect(sessions).toBe(0);
  });

  it('replaces a database with content in one transaction: a failure leaves the old graph', async () => {
    // A uniqueness rule the file's validation does not know makes the write fail half-way,
    // after the old content was deleted in the same transaction.
    const session = database.driver.session();
    try {
      await session.run(
        'CREATE CONSTRAINT backup_test_method_name IF NOT EXISTS FOR (m:Method) REQUIRE m.name IS UNIQUE',
      );
      const clashing = structuredClone(original);
      const methods = clashing.nodes.filter((node) => node.labels.includes('Method'));
      const [first, second] = methods;
      if (!first || !second) {
        throw new Error('the demo graph has methods');
      }
      second.properties.name = first.properties.name as string;
      await expect(restoreBackup(database, clashing, { replace: true })).rejects.toThrow(
        /already exists/,
      );
      expect(await graphDigest()).toEqual(originalDigest);
    } finally {
      await session.run('DROP CONSTRAINT backup_test_method_name IF EXISTS');
      await session.close();
    }
    const before = await revision();
    const replaced = await restoreBackup(database, original, { replace: true });
    // Everything but the revision counter, which is taken over rather than deleted.
    expect(replaced.nodesDeleted).toBe(original.counts.nodes - 1);
    expect(await graphDigest()).toEqual(originalDigest);
    // Running app instances must see that the graph changed, though the file is older.
    expect(await revision()).toBe((before ?? 0) + 1);
  });

  it('restores a file without accounts over a database, keeping its accounts', async () => {
    const networkOnly = (await exportBackup(database, { includeAccounts: false })).file;
    expect(networkOnly.nodes.some((node) => node.labels.includes('Account'))).toBe(false);
    await restoreBackup(database, networkOnly, { replace: true });
    expect(await graphDigest()).toEqual(originalDigest);
  });
});

describe('npm run backup:export / backup:restore', () => {
  const execFileAsync = promisify(execFile);
  const cli = (args: string[]) =>
    execFileAsync('node_modules/.bin/tsx', ['server/src/features/backup/backup-cli.ts', ...args], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, NEO4J_URI: neo4jUri, LOG_LEVEL: 'silent' },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );

  it('exports to a file only its owner can read, and restores it with --replace', {
    timeout: 120_000,
  }, async () => {
    const digest = await graphDigest();
    const out = join(workDir, 'backup.json');
    const exported = await cli(['export', '--out', out]);
    expect(exported.code, exported.output).toBe(0);
    expect(exported.output).toMatch(/Exported \d+ nodes and \d+ relationships .* with accounts/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(out, 'utf8')) as BackupFile;
    expect(file.counts.nodes).toBe(digest.nodes);

    const refused = await cli(['restore', '--in', out]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/The database is not empty .* pass --replace/);

    const restored = await cli(['restore', '--in', out, '--replace']);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toMatch(/Restored \d+ nodes and \d+ relationships/);
    expect(await graphDigest()).toEqual(digest);
  });

  it('checks a file without writing, and names the problems of a broken one', {
    timeout: 60_000,
  }, async () => {
    const out = join(workDir, 'broken.json');
    writeFileSync(
      out,
      JSON.stringify({
        format: 'metrokartta-backup',
        version: 1,
        exportedAt: '2026-11-23T08:00:00Z',
        includesAccounts: false,
        counts: { nodes: 1, relationships: 0 },
        nodes: [{ ref: 'Line:x', labels: ['Line'], properties: { id: 'x', code: 'L1' } }],
        relationships: [],
      }),
    );
    const checked = await cli(['restore', '--in', out, '--check']);
    expect(checked.code).toBe(1);
    expect(checked.output).toContain('The backup file is invalid; nothing was written');
    expect(checked.output).toContain('nodes[0] (Line:x).properties.nameFi: is missing');
  });
});

describe('GET /admin/backup', () => {
  it('gives an admin the network as a download, without accounts; others are refused', async () => {
    const viewerEmail = `backup-viewer-${run}@example.fi`;
    await new AccountRepository(database).create({
      email: viewerEmail,
      role: 'viewer',
      passwordHash: await hashPassword(PASSWORD),
      expertId: null,
      lineCodes: [],
    });
    const { server } = createApp({ database, logger: createLogger('silent') });
    await new Promise<void>((resolveListening) => server.listen(0, '127.0.0.1', resolveListening));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const signIn = async (email: string) => {
      const response = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      expect(response.status).toBe(200);
      return (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    };
    try {
      expect((await fetch(`${base}/admin/backup`)).status).toBe(401);
      const viewer = await fetch(`${base}/admin/backup`, {
        headers: { cookie: await signIn(viewerEmail) },
      });
      expect(viewer.status).toBe(403);
      const admin = await fetch(`${base}/admin/backup`, {
        headers: { cookie: await signIn(accountEmail) },
      });
      expect(admin.status).toBe(200);
      expect(admin.headers.get('content-disposition')).toMatch(
        /^attachment; filename="metrokartta-backup-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      const text = await admin.text();
      expect(text).not.toContain('$scrypt$');
      const file = JSON.parse(text) as BackupFile;
      expect(file.includesAccounts).toBe(false);
      expect(file.nodes.some((node) => node.labels.includes('Account'))).toBe(false);
      expect(file.nodes.filter((node) => node.labels.includes('Line'))).toHaveLength(10);
      expect(
        (await fetch(`${base}/admin/backup`, { method: 'POST', headers: { cookie: '' } })).status,
      ).toBe(405);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
    }
  });
});
