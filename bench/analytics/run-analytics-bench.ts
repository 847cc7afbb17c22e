/**
 * `npm run bench:analytics`: all researchers' analytics at national scale (5,034 stations): the
 * read from Neo4j, each computation alone in this thread, the whole computation on the worker
 * pool (first answer with estimated betweenness, what a request after a network change waits
 * for, and the exact figures that follow), a request answered from the per-revision cache, and
 * how far the estimate is from the exact betweenness.
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
import type { NetworkAnalyticsResult } from '../../server/src/features/analytics/analytics.types.ts';
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

/** `runs` timings of `run`; `settle` (untimed) finishes what a run left going before the next. */
async function timed<T>(
  run: () => Promise<T> | T,
  settle: (result: T) => unknown = () => undefined,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const result = await run();
    samples.push(performance.now() - started);
    await settle(result);
  }
  return samples;
}

async function timedOnce(run: () => unknown): Promise<number[]> {
  const started = performance.now();
  await run();
  return [performance.now() - started];
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** How far the first answer's betweenness is from the exact one, on the exact top 25. */
function estimateAccuracy(
  estimate: NetworkAnalyticsResult | undefined,
  exact: NetworkAnalyticsResult | undefined,
) {
  if (!estimate || !exact) {
    throw new Error('The bench ran no analytics');
  }
  const estimated = new Map(estimate.stations.map((station) => [station.id, station.betweenness]));
  const exactTop = exact.stations.slice(0, 25);
  const errors = exactTop.map(
    (station) =>
      (100 * Math.abs((estimated.get(station.id) ?? 0) - station.betweenness)) /
      station.betweenness,
  );
  const estimatedTop = new Set(estimate.stations.slice(0, 25).map((station) => station.id));
  return {
    sources: estimate.betweennessSources,
    stations: exact.betweennessSources,
    maxRelativeErrorTop25: Math.max(...errors).toFixed(1),
    medianRelativeErrorTop25: median(errors).toFixed(1),
    top25Overlap: exactTop.filter((station) => estimatedTop.has(station.id)).length,
  };
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
      'worker pool start and first computation (first use after the server starts, exact)',
      await timedOnce(
        () => computeInWorker(input, revision, today, Number.POSITIVE_INFINITY).first,
      ),
    ],
    [
      'all analytics on the worker pool: first answer (betweenness from 1,000 sampled sources)',
      await timed(
        async () => {
          const run = computeInWorker(input, revision, today);
          await run.first;
          // The exact figures that follow are not timed here, but the next run waits for them, so
          // that runs do not share the threads.
          return run;
        },
        (run) => run.exact,
      ),
    ],
    [
      'all analytics on the worker pool: exact, alone',
      await timed(() => computeInWorker(input, revision, today, Number.POSITIVE_INFINITY).first),
    ],
  ];
  const cold: number[] = [];
  const exact: number[] = [];
  const warm: number[] = [];
  let estimate: NetworkAnalyticsResult | undefined;
  let exactResult: NetworkAnalyticsResult | undefined;
  for (let i = 0; i < runs; i += 1) {
    const fresh = new NetworkAnalyticsService(database);
    let started = performance.now();
    estimate = await fresh.current(today);
    cold.push(performance.now() - started);
    exactResult = await fresh.exact(today);
    exact.push(performance.now() - started);
    started = performance.now();
    await fresh.current(today);
    warm.push(performance.now() - started);
  }
  rows.push(['first request after a change: read + first answer on the pool', cold]);
  rows.push(['  … until the exact figures replace it', exact]);
  rows.push(['later requests of the same revision (cache, exact)', warm]);
  const accuracy = estimateAccuracy(estimate, exactResult);

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
    '',
    `Estimated against exact betweenness (${accuracy.sources} of ${accuracy.stations} stations as sources): the 25 most central stations differ from their exact value by at most ${accuracy.maxRelativeErrorTop25} % (median ${accuracy.medianRelativeErrorTop25} %); ${accuracy.top25Overlap} of the exact top 25 are in the estimated top 25.`,
  ]);
} finally {
  await bench.stop();
}
