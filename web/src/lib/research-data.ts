/** The researchers' page's one request: the network analytics and the consultation statistics. */

export const RESEARCH_QUERY = /* GraphQL */ `
  query Research {
    networkAnalytics {
      revision stationCount edgeCount lineCodes betweennessExact betweennessSources
      centralStations(limit: 25) { id name lineCodes degree betweenness articulationPoint }
      bridgeStations(limit: 25) { id name lineCodes degree betweenness }
      articulationPoints { id name lineCodes degree }
      lineOverlaps { lineA lineB sharedStations }
      lineDependencies { lineCode experts availableExperts dependsOnOneExpert soleExperts { stationId name municipalities } }
      coverage(regionKind: MUNICIPALITY, gapsOnly: true) { lineCode regionCode regionName status availableStations awayStations }
      countyCoverage: coverage(regionKind: COUNTY, gapsOnly: true) { lineCode regionCode regionName status availableStations awayStations }
      lineResearch { lineCode projects { id } researchers { id } partners { id name } methods { id name experts } }
      linesWithoutResearch
    }
    consultationStatistics {
      total { key label count display }
      byLine { key label count display }
      byCounty { key label count display }
      byChannel { key label count display }
      byMonth { key label count display }
    }
  }`;

export interface AnalyticsStation {
  id: string;
  name: string;
  lineCodes: string[];
  degree: number;
  betweenness?: number;
  articulationPoint?: boolean;
}

export interface CoverageCell {
  lineCode: string;
  regionCode: string;
  regionName: string;
  status: 'COVERED' | 'PARTIAL' | 'AWAY_ONLY' | 'UNCOVERED';
  availableStations: number;
  awayStations: number;
}

export interface SuppressedCount {
  key: string;
  label: string;
  count: number | null;
  display: string;
}

export interface ResearchData {
  networkAnalytics: {
    revision: number;
    stationCount: number;
    edgeCount: number;
    lineCodes: string[];
    betweennessExact: boolean;
    betweennessSources: number;
    centralStations: AnalyticsStation[];
    bridgeStations: AnalyticsStation[];
    articulationPoints: AnalyticsStation[];
    lineOverlaps: Array<{ lineA: string; lineB: string; sharedStations: number }>;
    lineDependencies: Array<{
      lineCode: string;
      experts: number;
      availableExperts: number;
      dependsOnOneExpert: boolean;
      soleExperts: Array<{ stationId: string; name: string; municipalities: number }>;
    }>;
    coverage: CoverageCell[];
    /** Wellbeing services counties (hyvinvointialue) that a line does not fully cover. */
    countyCoverage: CoverageCell[];
    lineResearch: Array<{
      lineCode: string;
      projects: Array<{ id: string }>;
      researchers: Array<{ id: string }>;
      partners: Array<{ id: string; name: string }>;
      methods: Array<{ id: string; name: string; experts: number }>;
    }>;
    linesWithoutResearch: string[];
  };
  consultationStatistics: {
    total: SuppressedCount;
    byLine: SuppressedCount[];
    byCounty: SuppressedCount[];
    byChannel: SuppressedCount[];
    byMonth: SuppressedCount[];
  };
}
