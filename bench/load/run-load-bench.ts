/**
 * `npm run bench:load`: the production server (`server/src/main.ts`, NODE_ENV=production, in its
 * own process) under a concurrent load from autocannon on loopback, at demo and national scale.
 * Each scenario runs for a fixed time with the same number of connections:
 *   - lines, networkMap, search, routeCase alone, to see what each costs;
 *   - the mixed read workload a working day brings (the four in turn on every connection).
 * Figures: requests/s, p50/p95/p99 latency, errors and non-2xx answers. With --profile the server
 * records a CPU profile during the mixed demo run, and the functions that take the most time are
 * listed, to show where it saturates. Results go to bench/RESULTS.md.
 *
 *   --duration S      seconds per scenario (default 15)
 *   --connections N   concurrent connections (default 16)
 *   --scales LIST     demo,national (default both)
 *   --experts N       experts in the national network (default 5000)
 *   --profile         CPU profile of the server during the mixed demo run
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { findFreePort } from '../../neo4j/local-neo4j.ts';
import { refreshMapLayout } from '../../server/src/features/map/map-layout.service.ts';
import { NETWORK_MAP_QUERY } from '../../web/src/lib/network-map-request.ts';
import { startBenchDatabase } from '../bench-database.ts';
import { appendResults, machineDescription, percentile } from '../bench-results.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '16' },
    scales: { type: 'string', default: 'demo,national' },
    experts: { type: 'string', default: '5000' },
    profile: { type: 'boolean', default: false },
  },
});
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);
const scales = values.scales.split(',') as Array<'demo' | 'national'>;

/** The reads workers and the map make, as the web app sends them. */
const QUERIES = {
  lines: '{ lines { code color name keywords } }',
  networkMap: NETWORK_MAP_QUERY,
  search: '{ search(text: "kunniaväkivallasta", first: 20) { score kind id label } }',
  routeCase:
    '{ routeCase(input: { text: "Perheessä epäillään kunniaväkivaltaa ja äiti käyttää päihteitä", municipality: "Nokia", languages: ["ar"] }) { matchedLines { code } itineraries { score explanation stops { line { code } station { id name } reasons } } } }',
} as const;
type QueryName = keyof typeof QUERIES;

interface ScenarioResult {
  scale: string;
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

function graphqlRequest(name: QueryName) {
  return {
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: QUERIES[name], variables: { lang: 'FI' } }),
  };
}

async function startServer(neo4jUri: string, profileDir?: string) {
  const port = await findFreePort();
  const args = [
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    '--import',
    'tsx',
    'server/src/main.ts',
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_URI: neo4jUri,
      SEED_WHEN_EMPTY: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 480; attempt += 1) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return {
        base,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  child.kill('SIGKILL');
  throw new Error('The server did not become healthy within 2 minutes');
}

async function load(base: string, names: QueryName[], seconds: number) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolveRun, rejectRun) => {
    const instance = autocannon(
      { url: base, connections, duration: seconds, requests: names.map(graphqlRequest) },
      (error, finished) => (error ? rejectRun(error) : resolveRun(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  return { result, latencies };
}

async function runScenario(
  scale: string,
  base: string,
  scenario: string,
  names: QueryName[],
): Promise<ScenarioResult> {
  // Check the answers are real answers before measuring how fast they come.
  for (const name of names) {
    const response = await fetch(`${base}/graphql`, { ...graphqlRequest(name) });
    const body = (await response.json()) as { errors?: Array<{ message: string }> };
    if (!response.ok || body.errors) {
      throw new Error(`${name} failed: ${response.status} ${JSON.stringify(body.errors)}`);
    }
  }
  await load(base, names, 2); // warm-up
  const { result, latencies } = await load(base, names, durationSeconds);
  const row: ScenarioResult = {
    scale,
    scenario,
    requestsPerSecond: result.requests.total / result.duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
  console.log(row);
  return row;
}

/** Self time per function from a V8 CPU profile, largest first. */
function hottestFunctions(profileFile: string, count: number) {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as {
    nodes: Array<{
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number };
    }>;
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    if (!node) {
      return;
    }
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^.*\/node_modules\//, '').replace(/^.*\/work\/[^/]+\/[^/]+\//, '');
    const key =
      `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
  });
  return [...selfTime.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => ({ name, share: micros / total }));
}

const rows: ScenarioResult[] = [];
let hottest: Array<{ name: string; share: number }> = [];
for (const scale of scales) {
  const bench = await startBenchDatabase(`load-${scale}`);
  try {
    await loadSeedGraph(
      bench.database,
      generateNetwork({
        scale,
        ...(scale === 'national' ? { experts: Number(values.experts) } : {}),
      }),
      { reset: true },
    );
    await refreshMapLayout(bench.database);
    const profileDir =
      values.profile && scale === 'demo' ? mkdtempSync(join(tmpdir(), 'metro-prof-')) : undefined;
    const server = await startServer(bench.uri);
    try {
      for (const name of Object.keys(QUERIES) as QueryName[]) {
        rows.push(await runScenario(scale, server.base, name, [name]));
      }
    } finally {
      await server.stop();
    }
    // The mixed run gets a server of its own, so that a profile covers the mixed load alone.
    const profiled = await startServer(bench.uri, profileDir);
    try {
      rows.push(
        await runScenario(scale, profiled.base, 'mixed (lines, networkMap, search, routeCase)', [
          'lines',
          'networkMap',
          'search',
          'routeCase',
        ]),
      );
    } finally {
      await profiled.stop();
    }
    if (profileDir) {
      const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
      if (file) {
        hottest = hottestFunctions(join(profileDir, file), 12);
      }
      rmSync(profileDir, { recursive: true, force: true });
    }
  } finally {
    await bench.stop();
  }
}

const body = [
  `Machine: ${machineDescription()}; load average at the end ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ', ',
    )}. autocannon on loopback, ${connections} connections, ${durationSeconds} s per scenario after a 2 s warm-up, against \`server/src/main.ts\` with NODE_ENV=production in its own process (the load generator shares the 2 cores). p95 from every response time.`,
  '',
  '| scale | scenario | requests/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | requests |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (row) =>
      `| ${row.scale} | ${row.scenario} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.errors} | ${row.non2xx} | ${row.total} |`,
  ),
];
if (hottest.length > 0) {
  body.push(
    '',
    'Where the server spends its CPU during the mixed demo run (self time, V8 CPU profile):',
    '',
    '| function | share |',
    '| --- | ---: |',
    ...hottest.map((entry) => `| \`${entry.name}\` | ${(entry.share * 100).toFixed(1)} % |`),
  );
}
appendResults('load: the production server under concurrent reads', body);
