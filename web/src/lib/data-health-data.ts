/** The data-health view's one request, and the shape of its answer. */

export const DATA_HEALTH_QUERY = /* GraphQL */ `
  query DataHealth {
    dataHealth {
      revision today staleCutoff areaMunicipalities
      thinLines { lineCode experts expert { stationId name } }
      linesWithoutCoordinator
      uncoveredAbsences { lineCode stationId name awayUntil }
      staleCards { stationId name verifiedOn lineCodes }
      unreachedMunicipalities { lineCode municipalities { code name status } }
    }
  }`;

export interface DataHealthData {
  dataHealth: {
    revision: number;
    today: string;
    staleCutoff: string;
    areaMunicipalities: number;
    thinLines: Array<{
      lineCode: string;
      experts: number;
      expert: { stationId: string; name: string } | null;
    }>;
    linesWithoutCoordinator: string[];
    uncoveredAbsences: Array<{
      lineCode: string;
      stationId: string;
      name: string;
      awayUntil: string;
    }>;
    staleCards: Array<{
      stationId: string;
      name: string;
      verifiedOn: string | null;
      lineCodes: string[];
    }>;
    unreachedMunicipalities: Array<{
      lineCode: string;
      municipalities: Array<{ code: string; name: string; status: 'AWAY_ONLY' | 'UNCOVERED' }>;
    }>;
  };
}
