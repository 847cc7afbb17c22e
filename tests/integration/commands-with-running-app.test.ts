/**
 * The command-line tools while the app runs without NEO4J_URI: `npm run user:add` uses the local
 * Neo4j the app started (same data folder and port) instead of starting a second one on the same
 * store, and a port held by something else ends with a message saying what to do, not a stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../neo4j/local-neo4j.ts';
import { loadConfig } from '../../server/src/config.ts';
import { readTransaction } from '../../server/src/database/neo4j-driver.ts';
import { type OpenedDatabase, openDatabase } from '../../server/src/database/open-database.ts';

const PASSWORD = 'pitkä salasana komentoriviltä';
const dataDir = mkdtempSync(join(tmpdir(), 'metrokartta-running-app-'));
const otherDataDir = mkdtempSync(join(tmpdir(), 'metrokartta-other-checkout-'));
let port: number;
let app: OpenedDatabase;

beforeAll(async () => {
  port = await findFreePort();
  // Exactly what `npm start` does without NEO4J_URI: it starts the local Neo4j and owns it.
  app = await openDatabase(
    loadConfig({ NEO4J_PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: '512m' }),
  );
}, 180_000);

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(otherDataDir, { recursive: true, force: true });
});

const execFileAsync = promisify(execFile);

/** Runs `npm run user:add` as a user would in a second terminal: NEO4J_URI unset. */
function userAdd(email: string, env: { NEO4J_PORT: string; NEO4J_DATA_DIR: string }) {
  const { NEO4J_URI: _unset, ...inherited } = process.env;
  return execFileAsync(
    'node_modules/.bin/tsx',
    ['server/src/features/auth/user-add-cli.ts', '--email', email, '--role', 'admin'],
    {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...inherited, NEO4J_HEAP: '512m', ...env, METRO_PASSWORD: PASSWORD },
    },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

function roleOf(email: string): Promise<string | undefined> {
  return readTransaction(app.database, async (tx) => {
    const result = await tx.run('MATCH (a:Account {email: $email}) RETURN a.role AS role', {
      email,
    });
    return result.records[0]?.get('role') as string | undefined;
  });
}

/** Stack frames, Java's (`at org.neo4j...`) or Node's (`at file:///...`). */
const STACK_FRAME = /^\s+at \S/m;

describe('commands while the app runs on the local Neo4j', () => {
  it('user:add creates the account in the running database without starting a second Neo4j', {
    timeout: 120_000,
  }, async () => {
    const email = 'paakayttaja@example.fi';
    const added = await userAdd(email, { NEO4J_PORT: String(port), NEO4J_DATA_DIR: dataDir });

    expect(added.output).toContain(`Created the account ${email} (admin)`);
    expect(added.code).toBe(0);
    expect(added.output).toContain(
      `Using the local Neo4j that already runs at bolt://127.0.0.1:${port}`,
    );
    expect(added.output).not.toContain('Starting the local Neo4j');
    expect(await roleOf(email)).toBe('admin');
    // The command left the app's database running: it neither started nor stopped one.
    expect(app.local?.process.exitCode).toBeNull();
  });

  it('refuses to write into another checkout’s Neo4j that answers on the port', {
    timeout: 120_000,
  }, async () => {
    const email = 'vaara-tietokanta@example.fi';
    const added = await userAdd(email, {
      NEO4J_PORT: String(port),
      NEO4J_DATA_DIR: otherDataDir,
    });

    expect(added.code).toBe(1);
    expect(added.output).toMatch(
      new RegExp(
        `Port ${port} on 127.0.0.1 serves another Neo4j.*NEO4J_URI=bolt://127.0.0.1:${port}`,
        's',
      ),
    );
    expect(added.output).not.toMatch(STACK_FRAME);
    expect(await roleOf(email)).toBeUndefined();
  });

  // The reported symptom: the store is locked by a Neo4j that does not answer on NEO4J_PORT (the
  // app's is still starting, or runs on another port). One JVM start that fails on the lock.
  it('says what to do when the data folder is held by a Neo4j on another port', {
    timeout: 180_000,
  }, async () => {
    const email = 'lukittu@example.fi';
    const added = await userAdd(email, {
      NEO4J_PORT: String(await findFreePort()),
      NEO4J_DATA_DIR: dataDir,
    });

    expect(added.code).toBe(1);
    expect(added.output).toMatch(
      new RegExp(`data folder ${dataDir} is in use by another running Neo4j.*NEO4J_URI=`, 's'),
    );
    expect(added.output).not.toMatch(STACK_FRAME);
    expect(added.output).not.toContain('Exception');
    expect(await roleOf(email)).toBeUndefined();
  });

  it('says what to do when the port is held by something that is not Neo4j', {
    timeout: 120_000,
  }, async () => {
    // A plain TCP service that answers with a line of text and hangs up, as a web server would.
    const blocker: Server = createServer((socket) =>
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'),
    );
    await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', listening));
    const blockedPort = (blocker.address() as { port: number }).port;
    try {
      const added = await userAdd('ei-neo4j@example.fi', {
        NEO4J_PORT: String(blockedPort),
        NEO4J_DATA_DIR: otherDataDir,
      });

      expect(added.code).toBe(1);
      expect(added.output).toMatch(
        new RegExp(
          `Port ${blockedPort} on 127.0.0.1 is taken by something.*NEO4J_PORT.*NEO4J_URI`,
          's',
        ),
      );
      expect(added.output).not.toMatch(STACK_FRAME);
      expect(added.output).not.toContain('Starting the local Neo4j');
    } finally {
      blocker.close();
    }
  });
});
