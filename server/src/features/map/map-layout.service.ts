/**
 * Keeps the stored metro layout in step with the network: the layout is computed server-side
 * (metro-layout.ts) and stored in Neo4j, so the map loads with preset positions. It is computed
 * again only when the lines, their station order or the pinned positions changed, which a
 * fingerprint of exactly those inputs tells.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../database/neo4j-driver.ts';
import { MapLayoutRepository } from './map-layout.repository.ts';
import { computeMetroLayout } from './metro-layout.ts';

export interface LayoutRefresh {
  recomputed: boolean;
  stations: number;
  millis: number;
}

/** Recomputes and stores the layout when the network changed since it was last computed. */
export async function refreshMapLayout(
  database: Database,
  options: { force?: boolean } = {},
): Promise<LayoutRefresh> {
  const started = Date.now();
  const repository = new MapLayoutRepository(database);
  const source = await repository.readSource();
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ lines: source.lines, pinned: source.pinned }))
    .digest('hex');
  if (!options.force && fingerprint === source.storedFingerprint) {
    return { recomputed: false, stations: 0, millis: Date.now() - started };
  }
  const layout = computeMetroLayout({
    lines: source.lines,
    pinned: new Map(source.pinned.map((pin) => [pin.id, { x: pin.x, y: pin.y }])),
  });
  const positions = [...layout.positions].map(([id, point]) => ({ id, x: point.x, y: point.y }));
  await repository.store(positions, Object.fromEntries(layout.segmentLineOrder), fingerprint);
  return { recomputed: true, stations: positions.length, millis: Date.now() - started };
}

/**
 * Recomputes the layout after edits, one run at a time: edits call `schedule()` after they
 * commit and do not wait for it (a worker's edit is not held up by the layout), and changes
 * that arrive while a run is busy are covered by one more run after it. Pinned positions are
 * an input of every run, so they survive each re-layout.
 */
export class MapLayoutRefresher {
  private tail: Promise<void> = Promise.resolve();
  private next: Promise<void> | null = null;

  constructor(
    private readonly database: Database,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Schedules a refresh; the promise settles when the layout covers every change so far. */
  schedule(): Promise<void> {
    if (!this.next) {
      const run = this.tail.then(async () => {
        this.next = null;
        try {
          await refreshMapLayout(this.database);
        } catch (error) {
          this.onError(error);
        }
      });
      this.next = run;
      this.tail = run;
    }
    return this.next;
  }

  /** Settles when every scheduled refresh has run. */
  settled(): Promise<void> {
    return this.tail;
  }
}
