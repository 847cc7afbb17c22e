/** What the analytics read from the graph, and what they compute: plain values, no GraphQL. */

/** A line with its stations in line order. */
export interface AnalyticsLineRow {
  code: string;
  number: number;
  stationIds: string[];
}

/** A station of the network map, with what the coverage of a line needs of it. */
export interface CoverageStationRow {
  id: string;
  name: string;
  kind: 'EXPERT' | 'UNIT';
  /** ISO date; away until (exclusive) that day, as elsewhere in the app. */
  awayUntil: string | null;
  /** Codes of the regions it serves (any kind: a county or area serves all municipalities in it). */
  regionCodes: string[];
}

/** A station of the network map, with what the analytics need of it. */
export interface AnalyticsStationRow extends CoverageStationRow {
  /** Ids of the methods an expert practises. */
  methodIds: string[];
}

export interface AnalyticsRegionRow {
  code: string;
  name: string;
  kind: 'MUNICIPALITY' | 'COUNTY' | 'AREA' | 'COUNTRY';
  parentCode: string | null;
}

export interface AnalyticsMethodRow {
  id: string;
  name: string;
}

/** A research project with the lines it informs, its researchers and partners. */
export interface AnalyticsProjectRow {
  id: string;
  title: string;
  lineCodes: string[];
  researchers: Array<{ id: string; name: string }>;
  partners: Array<{ id: string; name: string }>;
}

/** What line x region coverage is computed from (the analytics and the data-health checks). */
export interface CoverageInput {
  lines: AnalyticsLineRow[];
  stations: CoverageStationRow[];
  regions: AnalyticsRegionRow[];
}

/** Everything the analytics are computed from; read in one transaction per network revision. */
export interface AnalyticsInput {
  lines: AnalyticsLineRow[];
  stations: AnalyticsStationRow[];
  regions: AnalyticsRegionRow[];
  methods: AnalyticsMethodRow[];
  projects: AnalyticsProjectRow[];
}

export interface StationCentrality {
  id: string;
  name: string;
  kind: 'EXPERT' | 'UNIT';
  lineCodes: string[];
  /** Neighbouring stations along all lines. */
  degree: number;
  /** Normalised betweenness centrality (0-1) in the station graph. */
  betweenness: number;
  /** A station whose removal splits the station graph (an articulation point). */
  articulationPoint: boolean;
  away: boolean;
}

export interface LineOverlap {
  lineA: string;
  lineB: string;
  sharedStations: number;
}

export interface LineDependency {
  lineCode: string;
  experts: number;
  /** Experts who are not away today. */
  availableExperts: number;
  /** At most one available expert: the line stands or falls with one person. */
  dependsOnOneExpert: boolean;
  /** Available experts who are the only available station of the line in some municipality. */
  soleExperts: Array<{ stationId: string; name: string; municipalities: number }>;
}

export type CoverageStatus = 'COVERED' | 'PARTIAL' | 'AWAY_ONLY' | 'UNCOVERED';

/** One cell of the line x region coverage matrix. */
export interface CoverageCell {
  lineCode: string;
  regionCode: string;
  regionName: string;
  regionKind: 'MUNICIPALITY' | 'COUNTY';
  /**
   * Municipality: COVERED (an available station serves it), AWAY_ONLY (only away ones),
   * UNCOVERED (none). County: COVERED when every municipality in it is covered, PARTIAL when
   * some are, AWAY_ONLY or UNCOVERED when none is.
   */
  status: CoverageStatus;
  /** Available stations of the line serving it (for a county: any part of it). */
  availableStations: number;
  awayStations: number;
}

export interface LineResearch {
  lineCode: string;
  projects: Array<{ id: string; title: string }>;
  researchers: Array<{ id: string; name: string }>;
  partners: Array<{ id: string; name: string }>;
  /** Methods practised by experts of the line, most common first. */
  methods: Array<{ id: string; name: string; experts: number }>;
}

export interface NetworkAnalyticsResult {
  /** The network revision the figures were computed from. */
  revision: number;
  /** The Finnish date that decided who is away. */
  today: string;
  computedAt: string;
  stationCount: number;
  edgeCount: number;
  lineCodes: string[];
  /** Every station, by betweenness (highest first). */
  stations: StationCentrality[];
  /**
   * How many stations betweenness was counted from: all of them (exact), or a sample while the
   * exact figures of a large network are still being computed (an estimate).
   */
  betweennessSources: number;
  /** Whether betweenness is exact (every station a source) rather than an estimate. */
  betweennessExact: boolean;
  overlaps: LineOverlap[];
  dependencies: LineDependency[];
  coverage: CoverageCell[];
  research: LineResearch[];
  linesWithoutResearch: string[];
}
