/** What the data-health checks read from the graph, and what they report: plain values, no GraphQL. */
import type {
  AnalyticsLineRow,
  AnalyticsRegionRow,
  CoverageStationRow,
} from '../analytics/analytics.types.ts';

/** An active line with its stations in line order and its coordinating responsible workers. */
export interface HealthLineRow extends AnalyticsLineRow {
  /** Stations marked coordinator (koordinoiva vastuutyöntekijä) on the line. */
  coordinatorIds: string[];
}

/** A station of the network map with the date its card was last checked. */
export interface HealthStationRow extends CoverageStationRow {
  /** ISO date the expert card was last verified (null: never; units have no card to verify). */
  verifiedOn: string | null;
}

/** Everything the checks are computed from; read in one transaction per network revision. */
export interface DataHealthInput {
  lines: HealthLineRow[];
  stations: HealthStationRow[];
  regions: AnalyticsRegionRow[];
}

/** A station named in a finding, so that the panel can open it on the map. */
export interface HealthStation {
  stationId: string;
  name: string;
}

/** (a) A line with at most one expert (away or not). */
export interface ThinLine {
  lineCode: string;
  experts: number;
  /** The line's only expert, when it has one. */
  expert: HealthStation | null;
}

/** (c) An expert away today on a line where no other expert is available today. */
export interface UncoveredAbsence extends HealthStation {
  lineCode: string;
  /** The first day back (ISO date). */
  awayUntil: string;
}

/** (d) An expert card last verified on or before the cut-off, or never. */
export interface StaleCard extends HealthStation {
  verifiedOn: string | null;
  /** Active lines the expert is on, in line order. */
  lineCodes: string[];
}

/** A municipality of the centre's area that a line does not reach today. */
export interface MunicipalityGap {
  code: string;
  name: string;
  /** AWAY_ONLY: only stations that are away serve it; UNCOVERED: no station of the line does. */
  status: 'AWAY_ONLY' | 'UNCOVERED';
}

/** (e) The municipalities a line does not reach. */
export interface LineReachGap {
  lineCode: string;
  municipalities: MunicipalityGap[];
}

export interface DataHealthReport {
  /** The network revision the findings were computed from. */
  revision: number;
  /** The Finnish date the findings hold for (who is away, which cards are stale). */
  today: string;
  /** Cards verified on or before this date (six months before today) count as stale. */
  staleCutoff: string;
  /** Active lines, in line order. */
  lineCodes: string[];
  /** Municipalities of the centre's area, against which reach is checked. */
  areaMunicipalities: number;
  thinLines: ThinLine[];
  linesWithoutCoordinator: string[];
  uncoveredAbsences: UncoveredAbsence[];
  staleCards: StaleCard[];
  unreachedMunicipalities: LineReachGap[];
}
