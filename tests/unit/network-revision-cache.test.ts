/** The revision-keyed read cache and the revision reader, without a database. */
import { describe, expect, it } from 'vitest';
import {
  NetworkRevisionCache,
  RevisionReader,
} from '../../server/src/features/audit/network-revision-cache.ts';

/** A promise settled from outside, to order concurrent reads by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('NetworkRevisionCache', () => {
  it('loads once per revision and again when the revision changes', async () => {
    let loads = 0;
    const cache = new NetworkRevisionCache(async () => `graph ${++loads}`);
    expect(await cache.get(7)).toBe('graph 1');
    expect(await cache.get(7)).toBe('graph 1');
    expect(await cache.get(8)).toBe('graph 2');
    // Any other revision is a change, also a lower one (a database replaced by hand).
    expect(await cache.get(3)).toBe('graph 3');
    expect(loads).toBe(3);
  });

  it('shares one load among concurrent requests at the same revision', async () => {
    let loads = 0;
    const cache = new NetworkRevisionCache(async () => ++loads);
    expect(await Promise.all([cache.get(1), cache.get(1), cache.get(1)])).toEqual([1, 1, 1]);
    expect(loads).toBe(1);
  });

  it('keeps no failed load: the next request tries again', async () => {
    let attempt = 0;
    const cache = new NetworkRevisionCache(async () => {
      attempt++;
      if (attempt === 1) {
        throw new Error('Neo4j is away');
      }
      return 'graph';
    });
    await expect(cache.get(1)).rejects.toThrow('Neo4j is away');
    expect(await cache.get(1)).toBe('graph');
  });

  it('keeps the load that began last when loads end out of order', async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const pending = [slow, fast];
    const cache = new NetworkRevisionCache(() => (pending.shift() as typeof slow).promise);
    const old = cache.get(1);
    const current = cache.get(2);
    fast.resolve('revision 2');
    expect(await current).toBe('revision 2');
    slow.resolve('revision 1');
    expect(await old).toBe('revision 1');
    // Revision 2 is kept: asking again needs no load (none is left to give).
    expect(await cache.get(2)).toBe('revision 2');
  });
});

describe('RevisionReader', () => {
  it('never answers a request with a read that began before it', async () => {
    const reads: Array<ReturnType<typeof deferred<number>>> = [];
    const reader = new RevisionReader(() => {
      const read = deferred<number>();
      reads.push(read);
      return read.promise;
    });
    const first = reader.read();
    expect(reads).toHaveLength(1);
    // Arrive while the first read is under way: they wait for a read of their own...
    const second = reader.read();
    const third = reader.read();
    expect(reads).toHaveLength(1);
    // ...a change commits, then the first read answers with the old revision.
    reads[0]?.resolve(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    expect(reads).toHaveLength(2);
    reads[1]?.resolve(2);
    // The two late arrivals share the second read, which began after both of them.
    expect(await Promise.all([second, third])).toEqual([2, 2]);
    expect(reads).toHaveLength(2);
  });

  it('reads again for each request when they do not overlap, and passes failures on', async () => {
    let value = 0;
    const reader = new RevisionReader(async () => {
      value++;
      if (value === 2) {
        throw new Error('Neo4j is away');
      }
      return value;
    });
    expect(await reader.read()).toBe(1);
    await expect(reader.read()).rejects.toThrow('Neo4j is away');
    expect(await reader.read()).toBe(3);
  });
});
