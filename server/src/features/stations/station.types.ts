/** Stations as the repository returns them: an expert or a fixed unit, plain values. */
import type { LineNode } from '../lines/line.types.ts';

export type StationKind = 'EXPERT' | 'UNIT';

export interface StationNode {
  id: string;
  kind: StationKind;
  name: string;
  channels: string[];
  email: string | null;
  phone: string | null;
  /** Contact details may be shown to anonymous users. Units' contacts are always public. */
  publicCard: boolean;
  /** Expert only. */
  title: string | null;
  serviceLevel: string | null;
  languages: string[];
  otShare: number | null;
  /** ISO date, or null when the expert is not away. */
  awayUntil: string | null;
  verifiedOn: string | null;
  /** Unit only. */
  description: string | null;
  /** Incremented by every edit; an edit names the version it saw (optimistic concurrency). */
  version: number;
  /** A coordinator-pinned map position, kept by every re-layout; null when not pinned. */
  pinnedX?: number | null;
  pinnedY?: number | null;
}

/** Filters of the expert list; all optional, combined with AND. */
export interface ExpertFilter {
  lineCode?: string | undefined;
  /** A municipality, county or area code: experts serving it or a region containing it. */
  regionCode?: string | undefined;
  language?: string | undefined;
  serviceLevel?: string | undefined;
  methodId?: string | undefined;
  channel?: string | undefined;
  /** true: only available now; false: only away now. */
  available?: boolean | undefined;
}

export interface ExpertPage {
  /** Each expert with its lines, read in the same query so the page needs one round trip. */
  nodes: Array<StationNode & { lines: LineNode[] }>;
  totalCount: number;
}
