/**
 * `npm run bench:startup` (part of `npm run bench`): start-up and seed-load figures, measured side by side in one run and written to
 * bench/RESULTS.md with the date and machine (these machines are shared and noisy: compare the
 * ratios within one run rather than absolute times across runs).
 *
 *   --runs N       repetitions of each measurement (default 3; the median is reported)
 *   --experts N    experts in the national network (default 5000)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { findFreePort, startLocalNeo4j } from '../../neo4j/local-neo4j.ts';
import { connectDatabase } from '../../server/src/database/neo4j-driver.ts';
import { setUpSchema } from '../../server/src/database/schema-setup.ts';
import { appendResults, machineDescription, percentile } from '../bench-results.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, experts: { type: 'string', default: '5000' } },
});
const runs = Number(values.runs);
const nationalExperts = Number(values.experts);

const median = (samples: number[]) => percentile(samples, 0.5);

interface Row {
  what: string;
  samples: number[];
}
const rows: Row[] = [];

const demo = generateNetwork({ scale: 'demo' });
const national = generateNetwork({ scale: 'national', experts: nationalExperts });

/** One fresh database: start-up time, then both loads into an empty graph. */
async function freshDatabase<T>(
  work: (uri: string) => Promise<T>,
): Promise<{ startupMs: number; result: T }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'metrokartta-bench-'));
  const neo4j = await startLocalNeo4j({ port: await findFreePort(), dataDir, heap: '1g' });
  try {
    return { startupMs: neo4j.startupMs, result: await work(neo4j.uri) };
  } finally {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timedLoad(uri: string, graph: unknown, reset: boolean): Promise<number> {
  const database = connectDatabase({
    uri,
    user: 'neo4j',
    password: '',
    database: 'neo4j',
    timeoutMs: 600_000,
  });
  try {
    await setUpSchema(database);
    const started = performance.now();
    await loadSeedGraph(database, graph, { reset });
    return Math.round(performance.now() - started);
  } finally {
    await database.driver.close();
  }
}

const startups: number[] = [];
const demoLoads: number[] = [];
const demoReloads: number[] = [];
const nationalLoads: number[] = [];
for (let run = 0; run < runs; run++) {
  const { startupMs, result } = await freshDatabase(async (uri) => ({
    demo: await timedLoad(uri, demo, false),
    demoAgain: await timedLoad(uri, demo, false),
    national: await timedLoad(uri, national, true),
  }));
  startups.push(startupMs);
  demoLoads.push(result.demo);
  demoReloads.push(result.demoAgain);
  nationalLoads.push(result.national);
  console.log(
    `run ${run + 1}: start ${startupMs} ms, demo ${result.demo} ms, again ${result.demoAgain} ms, national ${result.national} ms`,
  );
}
rows.push({ what: 'Neo4j start-up (JVM spawn to Bolt ready, fresh store)', samples: startups });
rows.push({
  what: `Seed load, demo (${demo.stations.length} stations), empty graph`,
  samples: demoLoads,
});
rows.push({ what: 'Seed load, demo again (idempotent MERGE, nothing new)', samples: demoReloads });
rows.push({
  what: `Seed load, national (${national.stations.length} stations, --reset)`,
  samples: nationalLoads,
});

const demoMedian = median(demoLoads);
appendResults('start-up and seed load', [
  `Machine: ${machineDescription()}. Runs: ${runs} (fresh Neo4j 5.26 store each run; median, then all samples).`,
  '',
  '| measurement | median ms | samples ms | ratio to demo load |',
  '|---|---:|---|---:|',
  ...rows.map(
    (row) =>
      `| ${row.what} | ${median(row.samples)} | ${row.samples.join(', ')} | ${(median(row.samples) / demoMedian).toFixed(2)} |`,
  ),
]);
