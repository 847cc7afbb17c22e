/**
 * The data-health checks of the coordination team, computed from plain rows with no I/O, so that
 * they can be unit-tested on a hand-made graph. Coverage (who reaches which municipality) is the
 * analytics' own computation, shared rather than repeated.
 *
 * Definitions (also in docs/data-health.md):
 * - a thin line has at most one expert station, away or not (units do not count: a line needs
 *   people who can be consulted by name);
 * - a line without a coordinator has no station marked coordinator (koordinoiva
 *   vastuutyöntekijä) on it;
 * - an absence is uncovered when an expert is away today (awayUntil after today) and no other
 *   expert station of the same line is available today; units are not counted as substitutes;
 * - a card is stale when the expert's card was last verified six calendar months before today or
 *   earlier, or never; only experts on active lines are checked (units have no card to verify);
 * - a line does not reach a municipality of the centre's area when no available station (expert
 *   or unit) of the line serves it: only away ones do (AWAY_ONLY) or none does (UNCOVERED). The
 *   centre's area is every cooperation area in which some station of an active line serves a
 *   region; stations that serve the whole country do not widen it.
 */
import {
  coverageAndDependencies,
  isAway,
  serviceAreaMunicipalities,
} from '../analytics/network-analytics.ts';
import type {
  DataHealthInput,
  DataHealthReport,
  HealthStationRow,
  LineReachGap,
  StaleCard,
  ThinLine,
  UncoveredAbsence,
} from './data-health.types.ts';

/** How long a card may go unverified. */
export const STALE_AFTER_MONTHS = 6;

/**
 * The same day `months` calendar months before `isoDate` (YYYY-MM-DD), or the month's last day
 * when it is shorter (31 August -> 28 or 29 February).
 */
export function monthsBefore(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fi');

/** Runs every check on the network as it is on `today` (ISO date in Finland). */
export function computeDataHealth(
  input: DataHealthInput,
  options: { revision: number; today: string },
): DataHealthReport {
  const { today } = options;
  const lines = [...input.lines].sort((a, b) => a.number - b.number);
  const stationById = new Map(input.stations.map((station) => [station.id, station]));
  const expertsOf = (stationIds: string[]): HealthStationRow[] =>
    [...new Set(stationIds)]
      .map((id) => stationById.get(id))
      .filter((station): station is HealthStationRow => station?.kind === 'EXPERT');
  const { coverage, dependencies } = coverageAndDependencies({ ...input, lines }, today);

  const thinLines: ThinLine[] = dependencies
    .filter((dependency) => dependency.experts <= 1)
    .map((dependency) => {
      const line = lines.find((candidate) => candidate.code === dependency.lineCode);
      const [only] = expertsOf(line?.stationIds ?? []);
      return {
        lineCode: dependency.lineCode,
        experts: dependency.experts,
        expert: only ? { stationId: only.id, name: only.name } : null,
      };
    });

  const uncoveredAbsences: UncoveredAbsence[] = [];
  for (const line of lines) {
    const experts = expertsOf(line.stationIds);
    if (experts.some((expert) => !isAway(expert.awayUntil, today))) {
      continue;
    }
    for (const expert of experts.sort(byName)) {
      uncoveredAbsences.push({
        lineCode: line.code,
        stationId: expert.id,
        name: expert.name,
        awayUntil: expert.awayUntil as string,
      });
    }
  }

  const staleCutoff = monthsBefore(today, STALE_AFTER_MONTHS);
  const linesOfStation = new Map<string, string[]>();
  for (const line of lines) {
    for (const id of new Set(line.stationIds)) {
      linesOfStation.set(id, [...(linesOfStation.get(id) ?? []), line.code]);
    }
  }
  const staleCards: StaleCard[] = input.stations
    .filter(
      (station) =>
        station.kind === 'EXPERT' &&
        linesOfStation.has(station.id) &&
        (station.verifiedOn === null || station.verifiedOn <= staleCutoff),
    )
    .map((station) => ({
      stationId: station.id,
      name: station.name,
      verifiedOn: station.verifiedOn,
      lineCodes: linesOfStation.get(station.id) ?? [],
    }))
    // Never verified first, then the longest unverified.
    .sort((a, b) => (a.verifiedOn ?? '').localeCompare(b.verifiedOn ?? '') || byName(a, b));

  const area = serviceAreaMunicipalities(input);
  const unreachedMunicipalities: LineReachGap[] = lines
    .map((line) => ({
      lineCode: line.code,
      municipalities: coverage
        .filter(
          (cell) =>
            cell.lineCode === line.code &&
            cell.regionKind === 'MUNICIPALITY' &&
            cell.status !== 'COVERED' &&
            area.has(cell.regionCode),
        )
        .map((cell) => ({
          code: cell.regionCode,
          name: cell.regionName,
          status: cell.status as 'AWAY_ONLY' | 'UNCOVERED',
        }))
        .sort(byName),
    }))
    .filter((gap) => gap.municipalities.length > 0);

  return {
    revision: options.revision,
    today,
    staleCutoff,
    lineCodes: lines.map((line) => line.code),
    areaMunicipalities: area.size,
    thinLines,
    linesWithoutCoordinator: lines
      .filter((line) => line.coordinatorIds.length === 0)
      .map((line) => line.code),
    uncoveredAbsences,
    staleCards,
    unreachedMunicipalities,
  };
}
