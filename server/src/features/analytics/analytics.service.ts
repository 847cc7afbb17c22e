/**
 * The analytics of the current network, computed once per network revision (and Finnish day,
 * which decides who is away) in a worker thread, and shared by every request until the graph
 * changes. The rows are kept with the shared NetworkRevisionCache, so concurrent requests for a
 * revision share one read and one computation.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database } from '../../database/neo4j-driver.ts';
import { NetworkRevisionCache, RevisionReader } from '../audit/network-revision-cache.ts';
import { AnalyticsRepository } from './analytics.repository.ts';
import type { AnalyticsInput, NetworkAnalyticsResult } from './analytics.types.ts';
import { computeNetworkAnalytics } from './network-analytics.ts';

/** Runs the computation in a worker thread; falls back to this thread when no worker starts. */
export function computeInWorker(
  input: AnalyticsInput,
  revision: number,
  today: string,
): Promise<NetworkAnalyticsResult> {
  let worker: Worker;
  try {
    // The worker loads TypeScript through tsx's loader API, as the server itself runs on tsx.
    const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
    const entry = new URL('./analytics-worker.ts', import.meta.url).href;
    const bootstrap = `(async () => {
      const { register } = await import(${JSON.stringify(tsxApi)});
      register();
      await import(${JSON.stringify(entry)});
    })().catch((error) => { throw error; });`;
    worker = new Worker(bootstrap, { eval: true, workerData: { input, revision, today } });
  } catch {
    return Promise.resolve(computeNetworkAnalytics(input, { revision, today }));
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (result: NetworkAnalyticsResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
    worker.once('exit', (code) => {
      if (!settled) {
        settled = true;
        reject(new Error(`The analytics worker stopped with code ${code}`));
      }
    });
  });
}

/** The rows of one revision, and the analytics computed from them for the last day asked. */
interface RevisionEntry {
  revision: number;
  input: AnalyticsInput;
  results: Map<string, Promise<NetworkAnalyticsResult>>;
}

export class NetworkAnalyticsService {
  private readonly revisions: RevisionReader;
  private readonly rows: NetworkRevisionCache<RevisionEntry>;

  constructor(
    database: Database,
    private readonly compute: typeof computeInWorker = computeInWorker,
  ) {
    const repository = new AnalyticsRepository(database);
    this.revisions = RevisionReader.of(database);
    this.rows = new NetworkRevisionCache(async () => ({
      ...(await repository.load()),
      results: new Map(),
    }));
  }

  /** The analytics of the current revision: from the cache, or computed once for it. */
  async current(today: string): Promise<NetworkAnalyticsResult> {
    const entry = await this.rows.get(await this.revisions.read());
    const known = entry.results.get(today);
    if (known) {
      return known;
    }
    // Only today's figures are kept: who is away changes at midnight.
    entry.results.clear();
    const result = this.compute(entry.input, entry.revision, today);
    entry.results.set(today, result);
    result.catch(() => {
      // A failed computation is not kept: the next request tries again.
      if (entry.results.get(today) === result) {
        entry.results.delete(today);
      }
    });
    return result;
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
