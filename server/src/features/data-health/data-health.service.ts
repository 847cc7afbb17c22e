/**
 * The data-health report of the current network. The rows are read once per network revision
 * (NetworkRevisionCache); the findings depend on the date too (who is away, which cards are six
 * months old), so they are kept for one Finnish day of that revision and computed again after
 * midnight.
 */
import type { Database } from '../../database/neo4j-driver.ts';
import { NetworkRevisionCache, RevisionReader } from '../audit/network-revision-cache.ts';
import { DataHealthRepository } from './data-health.repository.ts';
import type { DataHealthInput, DataHealthReport } from './data-health.types.ts';
import { computeDataHealth } from './data-health-checks.ts';

interface RevisionEntry {
  revision: number;
  input: DataHealthInput;
  /** The report for the last day asked. */
  report?: DataHealthReport;
}

export class DataHealthService {
  private readonly revisions: RevisionReader;
  private readonly rows: NetworkRevisionCache<RevisionEntry>;

  constructor(database: Database) {
    const repository = new DataHealthRepository(database);
    this.revisions = RevisionReader.of(database);
    this.rows = new NetworkRevisionCache(() => repository.load());
  }

  /** The findings of the current revision on `today` (ISO date in Finland). */
  async current(today: string): Promise<DataHealthReport> {
    const entry = await this.rows.get(await this.revisions.read());
    if (entry.report?.today !== today) {
      entry.report = computeDataHealth(entry.input, { revision: entry.revision, today });
    }
    return entry.report;
  }
}

const services = new WeakMap<Database, DataHealthService>();

/** The one data-health service (and cache) of a database connection. */
export function dataHealthServiceOf(database: Database): DataHealthService {
  let service = services.get(database);
  if (!service) {
    service = new DataHealthService(database);
    services.set(database, service);
  }
  return service;
}
