/**
 * The reads that serve the whole network and change only when the network does: the routing
 * snapshot of routeCase, the networkMap payload and the line list. With READ_CACHE on (the
 * default) each is kept per app instance and reused while the network revision is unchanged
 * (features/audit/network-revision-cache.ts): a request costs one revision read, once however
 * many of these it uses. With READ_CACHE=false every request reads Neo4j as before.
 */
import type { Database } from '../database/neo4j-driver.ts';
import { NetworkRevisionCache, RevisionReader } from '../features/audit/network-revision-cache.ts';
import { LineRepository } from '../features/lines/line.repository.ts';
import type { LineNode } from '../features/lines/line.types.ts';
import { NetworkMapRepository } from '../features/map/network-map.repository.ts';
import { buildNetworkMap, type NetworkMap } from '../features/map/network-map.ts';
import type { NetworkMapRows } from '../features/map/network-map.types.ts';
import { RoutingRepository } from '../features/routing/routing.repository.ts';
import {
  buildRoutingSnapshot,
  liveRoutingSource,
  type RoutingSnapshot,
  type RoutingSource,
  snapshotRoutingSource,
} from '../features/routing/routing-source.ts';
import type { StationRepository } from '../features/stations/station.repository.ts';

/** The map rows at one revision, with the map built from them for the last day asked. */
interface MapEntry {
  rows: NetworkMapRows;
  built?: { today: string; map: NetworkMap };
}

/** The caches of one app instance, shared by its requests. */
export interface ReadCaches {
  revisions: RevisionReader;
  lines: NetworkRevisionCache<LineNode[]>;
  map: NetworkRevisionCache<MapEntry>;
  routing: NetworkRevisionCache<RoutingSnapshot>;
}

export function createReadCaches(database: Database): ReadCaches {
  const lines = new LineRepository(database);
  const map = new NetworkMapRepository(database);
  const routing = new RoutingRepository(database);
  return {
    revisions: RevisionReader.of(database),
    lines: new NetworkRevisionCache(() => lines.listActive()),
    map: new NetworkRevisionCache(async () => ({ rows: await map.load() })),
    routing: new NetworkRevisionCache(async () => buildRoutingSnapshot(await routing.snapshot())),
  };
}

/** What one request reads through the caches (or, without them, from Neo4j). */
export interface NetworkReads {
  /** Active lines, L1 first. */
  activeLines(): Promise<LineNode[]>;
  /** The metro map; who is away is decided by `today`. */
  networkMap(today: string): Promise<NetworkMap>;
  routing(): Promise<RoutingSource>;
}

export function networkReads(
  repositories: {
    lines: LineRepository;
    networkMap: NetworkMapRepository;
    routing: RoutingRepository;
    stations: StationRepository;
  },
  caches: ReadCaches | null,
): NetworkReads {
  if (caches === null) {
    return {
      activeLines: () => repositories.lines.listActive(),
      networkMap: async (today) => buildNetworkMap(await repositories.networkMap.load(), today),
      routing: async () => liveRoutingSource(repositories),
    };
  }
  // One revision read per request, made when the request first needs it.
  let revision: Promise<number> | undefined;
  const current = () => {
    revision ??= caches.revisions.read();
    return revision;
  };
  return {
    activeLines: async () => caches.lines.get(await current()),
    networkMap: async (today) => {
      const entry = await caches.map.get(await current());
      if (entry.built?.today !== today) {
        entry.built = { today, map: buildNetworkMap(entry.rows, today) };
      }
      return entry.built.map;
    },
    routing: async () => snapshotRoutingSource(await caches.routing.get(await current())),
  };
}
