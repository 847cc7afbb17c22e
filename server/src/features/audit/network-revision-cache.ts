/**
 * Values derived from the graph, kept in memory while the network revision is unchanged.
 *
 * Every change to the network increments `(:NetworkRevision {key: 'network'}).value` in its own
 * transaction (recordAudit, bumpNetworkRevision, the backup restore). A cached value remembers the
 * revision it was read at; a request reads the current revision once (one cheap read, however many
 * caches it uses) and gets the kept value when the revisions are equal, otherwise a fresh one.
 * Because the revision lives in Neo4j, several app instances against one database see each other's
 * changes on their next request: no message between instances, no time-to-live.
 *
 * Correctness rests on two rules:
 * - The revision is read before the value. A change committed in between gives a value newer than
 *   its revision, which the next request replaces (wasted work, never a stale answer); the other
 *   order could keep an old value under a new revision for good.
 * - A request never uses a revision read that began before the request did: a change committed
 *   before the request arrived (on this instance or another) is always seen. Concurrent requests
 *   share one read only when it began after all of them arrived ({@link RevisionReader}).
 *
 * Every write that changes what a cache holds must increment the revision in its transaction.
 * Caches hold shared objects: callers must not modify what they get.
 */
import type { Database } from '../../database/neo4j-driver.ts';
import { readNetworkRevision } from './audit.repository.ts';

/**
 * Reads the network revision for requests. A request that arrives while a read is under way waits
 * for the next read, which starts when that one ends and serves everyone who arrived meanwhile: at
 * most two reads are in flight, and no request gets an answer older than itself.
 */
export class RevisionReader {
  private inFlight: Promise<number> | undefined;
  private queued: Promise<number> | undefined;

  constructor(private readonly readRevision: () => Promise<number>) {}

  static of(database: Database): RevisionReader {
    return new RevisionReader(() => readNetworkRevision(database));
  }

  /** The revision as committed at some moment after this call. */
  read(): Promise<number> {
    if (this.inFlight === undefined) {
      return this.start();
    }
    if (this.queued === undefined) {
      const ignore = () => undefined;
      this.queued = this.inFlight.then(ignore, ignore).then(() => {
        this.queued = undefined;
        return this.start();
      });
    }
    return this.queued;
  }

  private start(): Promise<number> {
    const read = this.readRevision().finally(() => {
      if (this.inFlight === read) {
        this.inFlight = undefined;
      }
    });
    this.inFlight = read;
    return read;
  }
}

/**
 * One value computed from Neo4j, reused while the network revision is the one it was loaded at.
 * Concurrent requests at the same revision share one load; a failed load is not kept.
 *
 * @example
 * const lines = new NetworkRevisionCache(() => lineRepository.listActive());
 * const active = await lines.get(await revisions.read());
 */
export class NetworkRevisionCache<T> {
  private kept: { revision: number; value: T; order: number } | undefined;
  private loading: { revision: number; value: Promise<T> } | undefined;
  private loads = 0;

  constructor(private readonly load: () => Promise<T>) {}

  /** The value at `revision`, a revision read after the request arrived. */
  get(revision: number): Promise<T> {
    if (this.kept?.revision === revision) {
      return Promise.resolve(this.kept.value);
    }
    if (this.loading?.revision === revision) {
      return this.loading.value;
    }
    const order = ++this.loads;
    const value = this.load().then((loaded) => {
      // Loads may end out of order: keep the one that began last.
      if (this.kept === undefined || this.kept.order < order) {
        this.kept = { revision, value: loaded, order };
      }
      return loaded;
    });
    const loading = { revision, value };
    this.loading = loading;
    const done = () => {
      if (this.loading === loading) {
        this.loading = undefined;
      }
    };
    value.then(done, done);
    return value;
  }
}
