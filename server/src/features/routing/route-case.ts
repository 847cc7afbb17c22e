/**
 * Routes one consultation need: text and picked lines -> needed lines -> itineraries. Glue between
 * the pure modules (case-text-matcher, route-score) and the repositories.
 *
 * Privacy: the description is only handed to the in-memory matcher. It is not sent to Neo4j
 * (not even as a full-text query: the repositories receive line and region codes only), not
 * logged, and not part of the answer (`matchedTerms` are the lines' own curated keywords).
 */
import type { RequestContext } from '../../graphql/context.ts';
import { InvalidInputError } from '../../graphql/errors.ts';
import type { Lang } from '../../graphql/lang.ts';
import type { LineNode } from '../lines/line.types.ts';
import type { StationNode } from '../stations/station.types.ts';
import { createCaseTextMatcher, type LineMatch } from './case-text-matcher.ts';
import {
  type ExplanationLang,
  explainItinerary,
  formatReason,
  planRoutes,
  type RegionChain,
  ROUTE_WEIGHTS,
} from './route-score.ts';
import type { RegionTreeRow } from './routing.repository.ts';

export interface CaseInputValues {
  text?: string | null | undefined;
  lineCodes?: string[] | null | undefined;
  municipality?: string | null | undefined;
  languages?: string[] | null | undefined;
  urgency?: 'ACUTE' | 'SOON' | 'ROUTINE' | null | undefined;
  channels?: string[] | null | undefined;
}

export interface RouteStopResult {
  line: LineNode;
  station: StationNode;
  reasons: string[];
  reasonCodes: string[];
}

export interface ItineraryResult {
  score: number;
  stops: RouteStopResult[];
  explanation: string;
  transfer: boolean;
  fallback: boolean;
}

export interface LineMatchResult {
  line: LineNode;
  score: number;
  /** Curated keywords or names of the line that the description matched (never the text). */
  matchedTerms: string[];
  picked: boolean;
}

export interface RoutePlanResult {
  matchedLines: LineNode[];
  lineMatches: LineMatchResult[];
  itineraries: ItineraryResult[];
  emergencyNotice: string | null;
  /** Set when no line could be found: what the worker can do instead. */
  notice: string | null;
}

const EMERGENCY_NOTICE: Record<ExplanationLang, string> = {
  fi: 'Jos joku on välittömässä vaarassa, soita heti hätänumeroon 112. Kun henki tai terveys on uhattuna, poliisi tulee paikalle 112:n kautta. Kiireellinen lastensuojelun tarve: ota yhteys alueesi sosiaalipäivystykseen (virka-ajan ulkopuolella hätäkeskuksen 112 kautta). Konsultoi OT-keskusta vasta, kun välitön turvallisuus on varmistettu.',
  sv: 'Om någon är i omedelbar fara, ring genast nödnumret 112. När liv eller hälsa är hotade kommer polisen via 112. Brådskande barnskyddsbehov: kontakta socialjouren i ditt område (utanför tjänstetid via nödcentralen 112). Konsultera OT-centret först när den omedelbara säkerheten är tryggad.',
  en: "If anyone is in immediate danger, call the emergency number 112 now. When a life or health is threatened, the police come through 112. Urgent child-protection need: contact your area's social emergency service, sosiaalipäivystys (outside office hours through the emergency centre 112). Consult the OT centre once immediate safety is secured.",
};

const NO_MATCH_NOTICE: Record<ExplanationLang, string> = {
  fi: 'Kuvauksesta ei tunnistettu yhtään linjaa. Valitse linja listasta tai kuvaa huoli toisin sanoin.',
  sv: 'Ingen linje kändes igen i beskrivningen. Välj en linje i listan eller beskriv oron med andra ord.',
  en: 'No line was recognised in the description. Pick a line from the list or describe the concern in other words.',
};

function explanationLang(lang: Lang | null | undefined): ExplanationLang {
  return lang === 'SV' ? 'sv' : lang === 'EN' ? 'en' : 'fi';
}

/**
 * The worker's municipality, county and area, from a municipality name (Finnish or Swedish) or
 * code, looked up in the region tree already read.
 */
function regionChain(
  regions: readonly RegionTreeRow[],
  municipality: string | null | undefined,
  ancestors: (code: string) => string[],
): RegionChain {
  const wanted = municipality?.trim().toLowerCase();
  if (!wanted) {
    return {};
  }
  const region = regions.find(
    (row) =>
      row.kind === 'MUNICIPALITY' &&
      (row.code === wanted ||
        row.name.toLowerCase() === wanted ||
        row.nameSv?.toLowerCase() === wanted),
  );
  if (!region) {
    throw new InvalidInputError(
      `municipality: no municipality "${municipality?.trim()}"; give its name (Tampere, Tammerfors) or code (837)`,
      'input.municipality',
    );
  }
  const [municipalityCode, county, area] = ancestors(region.code);
  return {
    ...(municipalityCode ? { municipality: municipalityCode } : {}),
    ...(county ? { county } : {}),
    ...(area ? { area } : {}),
  };
}

type Matcher = ReturnType<typeof createCaseTextMatcher>;

/** One matcher per set of lines: building it costs milliseconds, the lines rarely change. */
let cachedMatcher: { signature: string; match: Matcher } | null = null;
/** The line list of a cached snapshot is the same array while the network is unchanged. */
const matcherByLines = new WeakMap<readonly LineNode[], Matcher>();

function matcherFor(lines: readonly LineNode[]): Matcher {
  const known = matcherByLines.get(lines);
  if (known) {
    return known;
  }
  const matchable = lines.map((line) => ({
    code: line.code,
    keywords: line.keywords,
    names: [line.nameFi, line.nameSv, line.nameEn].filter((name): name is string => Boolean(name)),
  }));
  const signature = JSON.stringify(matchable);
  if (cachedMatcher?.signature !== signature) {
    cachedMatcher = { signature, match: createCaseTextMatcher(matchable) };
  }
  matcherByLines.set(lines, cachedMatcher.match);
  return cachedMatcher.match;
}

/**
 * The lines to route, best first: picked lines weigh as much as the best text match (so that a
 * picked line and a described one are routed together), and lines far below the best are left
 * out by the same rule the planner applies (ROUTE_WEIGHTS.minRelativeLineScore).
 */
function neededLines(
  picked: readonly string[],
  matches: readonly LineMatch[],
): Array<{ lineCode: string; score: number }> {
  const pickedScore = matches[0]?.score ?? 1;
  const needed = new Map<string, number>(picked.map((code) => [code, pickedScore]));
  for (const match of matches) {
    if (!needed.has(match.lineCode)) {
      needed.set(match.lineCode, match.score);
    }
  }
  const top = Math.max(0, ...needed.values());
  return [...needed]
    .filter(([, score]) => score > 0 && score >= top * ROUTE_WEIGHTS.minRelativeLineScore)
    .sort(([, a], [, b]) => b - a)
    .map(([lineCode, score]) => ({ lineCode, score }));
}

export async function routeCase(
  context: RequestContext,
  input: CaseInputValues,
  lang: Lang | null | undefined,
): Promise<RoutePlanResult> {
  const language = explanationLang(lang);
  const network = await context.reads.routing();
  const lines = await network.activeLines();
  const lineByCode = new Map(lines.map((line) => [line.code, line]));
  const picked = [...new Set((input.lineCodes ?? []).map((code) => code.toUpperCase()))];
  for (const code of picked) {
    if (!lineByCode.has(code)) {
      throw new InvalidInputError(
        `lineCodes: there is no line ${code}; lines are L1-L10`,
        'input.lineCodes',
      );
    }
  }

  const textMatches = input.text?.trim() ? matcherFor(lines)(input.text) : [];
  const needed = neededLines(picked, textMatches);
  const emergencyNotice = input.urgency === 'ACUTE' ? EMERGENCY_NOTICE[language] : null;

  const lineMatches: LineMatchResult[] = [
    ...picked.map((code) => ({
      line: lineByCode.get(code) as LineNode,
      score: 1,
      matchedTerms: [],
      picked: true,
    })),
    ...textMatches
      .filter((match) => !picked.includes(match.lineCode) && lineByCode.has(match.lineCode))
      .map((match) => ({
        line: lineByCode.get(match.lineCode) as LineNode,
        score: match.score,
        matchedTerms: match.matchedTerms,
        picked: false,
      })),
  ];
  if (needed.length === 0) {
    return {
      matchedLines: [],
      lineMatches,
      itineraries: [],
      emergencyNotice,
      notice: input.text?.trim() || picked.length > 0 ? NO_MATCH_NOTICE[language] : null,
    };
  }

  const { rows: regions, index: regionIndex } = await network.regionTree();
  const region = regionChain(regions, input.municipality, (code) => regionIndex.ancestors(code));
  const candidates = await network.candidates(
    needed.map((line) => line.lineCode),
    region.area ?? null,
  );
  const itineraries = planRoutes(
    {
      lines: needed,
      region,
      languages: input.languages ?? [],
      channels: input.channels ?? [],
      urgency: input.urgency ?? 'ROUTINE',
      today: context.today,
    },
    candidates,
    regionIndex,
    // The hour spreads consultations over equally good experts without any stored state.
    { maxItineraries: 3, loadSpreadKey: new Date().getHours() },
  );

  const stationIds = [
    ...new Set(itineraries.flatMap((i) => i.stops.map((stop) => stop.stationId))),
  ];
  const stations = await network.stationsByIds(stationIds);
  const names = {
    station: (id: string) => stations.get(id)?.name ?? id,
    line: (code: string) => {
      const line = lineByCode.get(code);
      const name = language === 'sv' ? line?.nameSv : language === 'en' ? line?.nameEn : null;
      // The explanation puts the code beside the name itself.
      return name ?? line?.nameFi ?? code;
    },
  };
  return {
    matchedLines: needed.map((line) => lineByCode.get(line.lineCode) as LineNode),
    lineMatches,
    itineraries: itineraries.map((itinerary) => ({
      score: itinerary.score,
      transfer: itinerary.transfer,
      fallback: itinerary.fallback,
      explanation: explainItinerary(itinerary, language, names),
      stops: itinerary.stops.flatMap((stop) => {
        const station = stations.get(stop.stationId);
        const line = lineByCode.get(stop.lineCode);
        return station && line
          ? [
              {
                line,
                station,
                reasonCodes: stop.reasons,
                reasons: stop.reasons.map((code) => formatReason(code, language)),
              },
            ]
          : [];
      }),
    })),
    emergencyNotice,
    notice: null,
  };
}
