/**
 * `npm run bench:analytics`: all researchers' analytics at national scale (5,034 stations): the
 * read from Neo4j, each computation alone, the whole computation in a worker thread (what a
 * request after a network change waits for), and a request answered from the per-revision cache.
 * Results go to bench/RESULTS.md.
 *
 *   --runs N      measured runs of each step (default 3)
 *   --experts N   experts in the national network (default 5000)
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { betweenness as betweennessCentrality } from 'graphology-metrics/centrality/index.js';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { AnalyticsRepository } from '../../server/src/features/analytics/analytics.repository.ts';
import {
  computeInWorker,
  NetworkAnalyticsService,
} from '../../server/src/features/analytics/analytics.service.ts';
import {
  articulationPoints,
  computeNetworkAnalytics,
  coverageAndDependencies,
  lineOverlaps,
  lineResearch,
  stationGraph,
} from '../../server/src/features/analytics/network-analytics.ts';
import { finnishToday } from '../../server/src/graphql/context.ts';
import { startBenchDatabase } from '../bench-database.ts';
import { appendResults, machineDescription } from '../bench-results.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    experts: { type: 'string', default: '5000' },
  },
});
const runs = Number(values.runs);

async function timed(run: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const loadBefore = loadavg();
const bench = await startBenchDatabase('analytics-bench');
try {
  const { database } = bench;
  const today = finnishToday();
  const graph = generateNetwork({ scale: 'national', experts: Number(values.experts), today });
  await loadSeedGraph(database, graph, { reset: true });
  const repository = new AnalyticsRepository(database);
  const { input, revision } = await repository.load();
  const stationGraphOf = stationGraph(input);
  const label = `national (${stationGraphOf.order} stations, ${stationGraphOf.size} edges, ${input.lines.length} lines)`;

  const rows: Array<[string, number[]]> = [
    ['read the network from Neo4j (one transaction)', await timed(() => repository.load())],
    ['station graph (graphology)', await timed(() => stationGraph(input))],
    [
      'betweenness + degree (graphology-metrics, unweighted Brandes)',
      await timed(() => betweennessCentrality(stationGraphOf, { getEdgeWeight: null })),
    ],
    [
      'articulation points (Cytoscape.js Hopcroft-Tarjan)',
      await timed(() => articulationPoints(stationGraphOf)),
    ],
    ['line overlap matrix', await timed(() => lineOverlaps(input))],
    [
      'coverage matrix + single-expert dependencies',
      await timed(() => coverageAndDependencies(input, today)),
    ],
    ['research and methods per line', await timed(() => lineResearch(input))],
    [
      'all analytics, this thread',
      await timed(() => computeNetworkAnalytics(input, { revision, today })),
    ],
    [
      'all analytics in a worker thread (incl. worker start)',
      await timed(() => computeInWorker(input, revision, today)),
    ],
  ];
  const service = new NetworkAnalyticsService(database);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const fresh = new NetworkAnalyticsService(database);
    let started = performance.now();
    await fresh.current(today);
    cold.push(performance.now() - started);
    started = performance.now();
    await fresh.current(today);
    warm.push(performance.now() - started);
  }
  await service.current(today);
  rows.push(['first request after a change: read + compute in a worker', cold]);
  rows.push(['later requests of the same revision (cache)', warm]);

  const loadAfter = loadavg();
  const fmt = (load: number[]) => load.map((value) => value.toFixed(1)).join(' / ');
  appendResults('researchers’ analytics at national scale', [
    `Machine: ${machineDescription()}; load average (1 / 5 / 15 min) ${fmt(loadBefore)} at the start, ${fmt(loadAfter)} at the end. Network: ${label}, synthetic national graph in a real Neo4j 5.26 on loopback. ${runs} runs each, in this order; median (all samples) in ms.`,
    '',
    '| step | median ms | samples |',
    '|---|---:|---|',
    ...rows.map(
      ([step, samples]) =>
        `| ${step} | ${median(samples).toFixed(0)} | ${samples.map((s) => s.toFixed(0)).join(', ')} |`,
    ),
  ]);
} finally {
  await bench.stop();
}
