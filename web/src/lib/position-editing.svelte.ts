/**
 * Pinned map positions, for coordinators and admins: whether each station is pinned and the
 * version its next edit must carry, the map's "edit positions" mode, and pinning (a dragged
 * station) or unpinning (from its card). The server checks who may pin what, and keeps pinned
 * positions through every re-layout.
 */
import { getContext, setContext } from 'svelte';
import { errorCode, requestGraphQL } from './graphql-client.ts';

const PINS_QUERY = /* GraphQL */ `
  query PinnedPositions {
    lines { stations { id version pinnedPosition { x y } } }
  }
`;

const STATION_PIN_QUERY = /* GraphQL */ `
  query StationPin($id: ID!) {
    station(id: $id) { id version pinnedPosition { x y } }
  }
`;

const PIN_MUTATION = /* GraphQL */ `
  mutation PinStation($stationId: ID!, $expectedVersion: Int!, $position: MapPositionInput) {
    pinStation(stationId: $stationId, expectedVersion: $expectedVersion, position: $position) {
      station { id version pinnedPosition { x y } }
    }
  }
`;

export interface Point {
  x: number;
  y: number;
}

export interface StationPin {
  version: number;
  position: Point | null;
}

interface PinRow {
  id: string;
  version: number;
  pinnedPosition: Point | null;
}

/** How a pin or unpin ended, for the UI to say. */
export type PinOutcome = 'saved' | 'conflict' | 'forbidden' | 'failed';

/** The last pin or unpin and how it ended, for the UI to announce. */
export interface PinReport {
  stationId: string;
  unpinned: boolean;
  outcome: PinOutcome;
}

export class PositionEditingState {
  /** The map's "edit positions" mode. */
  editing = $state(false);
  status = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  pins = $state.raw<ReadonlyMap<string, StationPin>>(new Map());
  lastPin = $state.raw<PinReport | null>(null);
  pinnedIds: ReadonlySet<string> = $derived(
    new Set([...this.pins].filter(([, pin]) => pin.position !== null).map(([id]) => id)),
  );

  #take(rows: readonly PinRow[]): void {
    const pins = new Map(this.pins);
    for (const row of rows) {
      pins.set(row.id, { version: row.version, position: row.pinnedPosition });
    }
    this.pins = pins;
  }

  /** The pins of every station on a line. */
  async loadAll(): Promise<void> {
    this.status = 'loading';
    try {
      const data = await requestGraphQL<{ lines: Array<{ stations: PinRow[] }> }>(PINS_QUERY);
      this.#take(data.lines.flatMap((line) => line.stations));
      this.status = 'ready';
    } catch {
      this.status = 'failed';
    }
  }

  /** The pin of one station (for its card). */
  async loadStation(id: string): Promise<void> {
    try {
      const data = await requestGraphQL<{ station: PinRow | null }>(STATION_PIN_QUERY, { id });
      if (data.station) {
        this.#take([data.station]);
      }
    } catch {
      // The card says nothing about the pin until it is known.
    }
  }

  setEditing(on: boolean): void {
    this.editing = on;
    if (on) {
      void this.loadAll();
    }
  }

  /** Pins station `id` at `position`, or unpins it with null, with the version last seen. */
  async pin(id: string, position: Point | null): Promise<PinOutcome> {
    const outcome = await this.#pin(id, position);
    this.lastPin = { stationId: id, unpinned: position === null, outcome };
    return outcome;
  }

  async #pin(id: string, position: Point | null): Promise<PinOutcome> {
    const known = this.pins.get(id);
    if (!known) {
      await this.loadStation(id);
    }
    const version = this.pins.get(id)?.version;
    if (version === undefined) {
      return 'failed';
    }
    try {
      const data = await requestGraphQL<{ pinStation: { station: PinRow } }>(PIN_MUTATION, {
        stationId: id,
        expectedVersion: version,
        position: position && { x: Math.round(position.x), y: Math.round(position.y) },
      });
      this.#take([data.pinStation.station]);
      return 'saved';
    } catch (error) {
      const code = errorCode(error);
      if (code === 'CONFLICT') {
        await this.loadStation(id);
        return 'conflict';
      }
      return code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? 'forbidden' : 'failed';
    }
  }
}

const KEY = Symbol('position-editing');

export function setPositionEditingState(): PositionEditingState {
  return setContext(KEY, new PositionEditingState());
}

export function getPositionEditingState(): PositionEditingState {
  return getContext<PositionEditingState>(KEY);
}
