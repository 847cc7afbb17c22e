/**
 * The analytics of the current network, computed once per network revision (and Finnish day,
 * which decides who is away) on a pool of worker threads, and shared by every request until the
 * graph changes. The rows are kept with the shared NetworkRevisionCache, so concurrent requests for a
 * revision share one read and one computation.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Database } from '../../database/neo4j-driver.ts';
import { NetworkRevisionCache, RevisionReader } from '../audit/network-revision-cache.ts';
import { AnalyticsRepository } from './analytics.repository.ts';
import type { AnalyticsInput, NetworkAnalyticsResult } from './analytics.types.ts';
import type { AnalyticsTask, AnalyticsTaskResult } from './analytics-worker.ts';
import { betweennessSources, combineBetweenness, compactGraph } from './betweenness-parts.ts';
import {
  computeNetworkAnalytics,
  stationGraph,
  withArticulationPoints,
  withBetweenness,
} from './network-analytics.ts';

let pool: Piscina<AnalyticsTask, AnalyticsTaskResult> | undefined;

/**
 * The analytics threads, one per core, started on first use and kept a while after it: starting
 * a thread (and compiling TypeScript in it) costs about a quarter of a second. Idle threads do
 * not keep the process alive.
 */
function analyticsPool() {
  if (!pool) {
    // Workers load TypeScript with tsx's loader, as the server itself runs on tsx.
    const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const tsxLoader = pathToFileURL(join(tsxRoot, 'dist/loader.mjs')).href;
    pool = new Piscina({
      filename: fileURLToPath(new URL('./analytics-worker.ts', import.meta.url)),
      execArgv: ['--import', tsxLoader],
      minThreads: 0,
      maxThreads: Math.max(1, availableParallelism()),
      idleTimeout: 30 * 60_000,
    });
  }
  return pool;
}

/**
 * Stations counted from for the first answer after a change of a large network: about half a
 * second of betweenness at national scale instead of seconds, within a few per cent of the
 * exact figures (bench/RESULTS.md); the exact figures follow in the background.
 */
export const BETWEENNESS_SAMPLE = 1000;

/** The first answer for a revision, and the exact one when the first is an estimate. */
export interface AnalyticsRun {
  first: Promise<NetworkAnalyticsResult>;
  exact: Promise<NetworkAnalyticsResult>;
}

/**
 * Computes the analytics on the pool's threads, all at once: the articulation points in one task,
 * the counting analyses in another, and betweenness in several parts, which are then added up.
 * Several parts per thread keep every core busy to the end whatever each task costs. A network of more than `sampleSize`
 * stations first gets estimated betweenness, then exact betweenness. Falls back to this thread
 * when no worker starts.
 */
export function computeInWorker(
  input: AnalyticsInput,
  revision: number,
  today: string,
  sampleSize = BETWEENNESS_SAMPLE,
): AnalyticsRun {
  let threads: ReturnType<typeof analyticsPool>;
  try {
    threads = analyticsPool();
  } catch {
    const local = Promise.resolve(computeNetworkAnalytics(input, { revision, today }));
    return { first: local, exact: local };
  }
  const graph = compactGraph(stationGraph(input));
  const order = graph.nodes.length;
  const betweenness = async (sources: Uint32Array) => {
    const parts = Math.min(sources.length, threads.options.maxThreads * 3);
    const results = await Promise.all(
      Array.from({ length: parts }, (_, part) =>
        threads.run({
          kind: 'betweenness',
          graph,
          sources: sources.filter((_source, index) => index % parts === part),
        }),
      ),
    );
    return combineBetweenness(graph.nodes, results as Float64Array[], sources.length);
  };
  // The longest single task first, so that the betweenness parts fill the other threads.
  const cuts = threads.run({ kind: 'articulation', graph }) as Promise<string[]>;
  const rest = threads.run({
    kind: 'analytics',
    input,
    revision,
    today,
  }) as Promise<NetworkAnalyticsResult>;
  const firstSources = betweennessSources(order, sampleSize);
  const exactFirst = firstSources.length >= order;
  const first = Promise.all([rest, cuts, betweenness(firstSources)]).then(
    ([analytics, cutIds, values]) =>
      withBetweenness(withArticulationPoints(analytics, cutIds), values, {
        sources: firstSources.length,
        exact: exactFirst,
      }),
  );
  if (exactFirst) {
    return { first, exact: first };
  }
  // Started once the estimate is out, so the two do not share the cores.
  const exact = first.then(async (estimate) =>
    withBetweenness(estimate, await betweenness(betweennessSources(order, order)), {
      sources: order,
      exact: true,
    }),
  );
  return { first, exact };
}

/** The rows of one revision, and the analytics computed from them for the last day asked. */
interface RevisionEntry {
  revision: number;
  input: AnalyticsInput;
  results: Map<string, DayAnalytics>;
}

/** The analytics of one revision and day: the first answer, replaced by the exact one. */
interface DayAnalytics {
  run: AnalyticsRun;
  exact?: NetworkAnalyticsResult;
}

export class NetworkAnalyticsService {
  private readonly revisions: RevisionReader;
  private readonly rows: NetworkRevisionCache<RevisionEntry>;

  constructor(
    database: Database,
    private readonly compute: (
      input: AnalyticsInput,
      revision: number,
      today: string,
    ) => AnalyticsRun = computeInWorker,
  ) {
    const repository = new AnalyticsRepository(database);
    this.revisions = RevisionReader.of(database);
    this.rows = new NetworkRevisionCache(async () => ({
      ...(await repository.load()),
      results: new Map(),
    }));
  }

  /**
   * The analytics of the current revision: exact when computed, else the first answer (for a
   * large network an estimate of betweenness, while the exact figures are computed).
   */
  async current(today: string): Promise<NetworkAnalyticsResult> {
    const day = await this.day(today);
    return day.exact ?? day.run.first;
  }

  /** The exact analytics of the current revision, waiting for them if needed (bench, tests). */
  async exact(today: string): Promise<NetworkAnalyticsResult> {
    return (await this.day(today)).run.exact;
  }

  private async day(today: string): Promise<DayAnalytics> {
    const entry = await this.rows.get(await this.revisions.read());
    const known = entry.results.get(today);
    if (known) {
      return known;
    }
    // Only today's figures are kept: who is away changes at midnight.
    entry.results.clear();
    const day: DayAnalytics = { run: this.compute(entry.input, entry.revision, today) };
    entry.results.set(today, day);
    day.run.exact.then(
      (exact) => {
        day.exact = exact;
      },
      () => {
        // A failed computation is not kept: the next request tries again.
        if (entry.results.get(today) === day) {
          entry.results.delete(today);
        }
      },
    );
    day.run.first.catch(() => {
      // Handled through `exact`, which fails with it.
    });
    return day;
  }
}

const services = new WeakMap<Database, NetworkAnalyticsService>();

/** The one analytics service (and cache) of a database connection. */
export function analyticsServiceOf(database: Database): NetworkAnalyticsService {
  let service = services.get(database);
  if (!service) {
    service = new NetworkAnalyticsService(database);
    services.set(database, service);
  }
  return service;
}
