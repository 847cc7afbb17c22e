/**
 * SIGTERM under load, against the real server process (`server/src/main.ts` on the test Neo4j):
 * the request in flight gets its full answer, a new request on an open connection gets a clear
 * 503, the process exits 0 after closing the driver, and a restarted server serves the same graph.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '../../neo4j/local-neo4j.ts';
import '../support/provided-context.ts';

const neo4jUri = inject('neo4jUri');

interface RunningServer {
  process: ChildProcess;
  base: string;
  output: string[];
  exited: Promise<number | null>;
}

const started: RunningServer[] = [];

async function startServer(): Promise<RunningServer> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_URI: neo4jUri,
      SEED_WHEN_EMPTY: 'false',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '20000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  const server = { process: child, base: `http://127.0.0.1:${port}`, output, exited };
  started.push(server);
  // Ready when /healthz says the graph answers.
  for (let attempt = 0; attempt < 240; attempt += 1) {
    const ok = await fetch(`${server.base}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) {
      return server;
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`The server did not start:\n${output.join('')}`);
}

afterEach(async () => {
  for (const server of started.splice(0)) {
    if (server.process.exitCode === null) {
      server.process.kill('SIGKILL');
      await server.exited;
    }
  }
});

const LINES_QUERY = JSON.stringify({ query: '{ lines { code } }' });

/**
 * A GraphQL request whose body is held back: `accepted` resolves once the server has read the
 * headers and started on it (100-continue); `finish()` sends the body; `answer` is the response.
 */
function heldRequest(base: string, agent: Agent) {
  const request = httpRequest(`${base}/graphql`, {
    method: 'POST',
    agent,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(LINES_QUERY),
      expect: '100-continue',
    },
  });
  const accepted = new Promise<void>((resolveAccepted, rejectAccepted) => {
    request.once('continue', () => resolveAccepted());
    request.once('error', rejectAccepted);
  });
  const answer = new Promise<{ status: number; body: string }>((resolveAnswer, rejectAnswer) => {
    request.once('error', rejectAnswer);
    request.once('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.once('end', () => resolveAnswer({ status: response.statusCode ?? 0, body }));
    });
  });
  request.flushHeaders();
  return { accepted, answer, finish: () => request.end(LINES_QUERY) };
}

describe('SIGTERM', () => {
  it('finishes the request in flight, refuses new ones clearly, exits 0, and restarts with the same graph', {
    timeout: 180_000,
  }, async () => {
    const server = await startServer();
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 4 });

    // A kept-alive connection from before the stop, in fetch's pool.
    const warm = await fetch(`${server.base}/healthz`);
    expect(warm.status).toBe(200);

    const inFlight = heldRequest(server.base, keepAlive);
    await inFlight.accepted;
    server.process.kill('SIGTERM');
    await expect
      .poll(() => server.output.join(''), { timeout: 10_000 })
      .toContain('Shutting down: finishing 1 request(s) in flight');

    // A new request: the listening socket is closed (refused), or, on a connection that was
    // already open, a 503 with the typed code. Never a hang, never a half answer.
    const refused = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: LINES_QUERY,
    }).then(
      async (response) => ({ status: response.status, body: await response.text() }),
      (error: Error) => ({
        status: 0,
        body: String((error.cause as Error | undefined)?.message ?? error),
      }),
    );
    if (refused.status === 0) {
      expect(refused.body).toMatch(/ECONNREFUSED|ECONNRESET|socket/);
    } else {
      expect(refused.status).toBe(503);
      expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('SHUTTING_DOWN');
    }

    // The request in flight still gets its whole answer.
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.lines).toHaveLength(10);

    expect(await server.exited).toBe(0);
    expect(server.output.join('')).toContain('Stopped');
    keepAlive.destroy();

    // Nothing lost: a new instance serves the same graph.
    const restarted = await startServer();
    const lines = await fetch(`${restarted.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: LINES_QUERY,
    }).then((response) => response.json());
    expect(lines.data.lines).toHaveLength(10);
    restarted.process.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  });
});
