/**
 * The request-scoped context: repositories, and DataLoaders that batch the relationship look-ups
 * of one request into one query per kind (no N+1 when a list asks for each item's lines).
 * Created per request, so caches never leak between users.
 */
import DataLoader from 'dataloader';
import type { Database } from '../database/neo4j-driver.ts';
import {
  analyticsServiceOf,
  type NetworkAnalyticsService,
} from '../features/analytics/analytics.service.ts';
import { AuditRepository } from '../features/audit/audit.repository.ts';
import type { Account } from '../features/auth/account.types.ts';
import type { LoginRateLimiter } from '../features/auth/login-rate-limiter.ts';
import { ConsultationRepository } from '../features/consultations/consultation.repository.ts';
import { consultationLimiterOf } from '../features/consultations/consultation-rate-limit.ts';
import { LineRepository } from '../features/lines/line.repository.ts';
import type { LineNode } from '../features/lines/line.types.ts';
import { NetworkMapRepository } from '../features/map/network-map.repository.ts';
import { MethodRepository } from '../features/methods/method.repository.ts';
import type { MethodNode } from '../features/methods/method.types.ts';
import { OrganisationRepository } from '../features/organisations/organisation.repository.ts';
import type { OrganisationNode } from '../features/organisations/organisation.types.ts';
import { RegionRepository } from '../features/regions/region.repository.ts';
import type { RegionNode } from '../features/regions/region.types.ts';
import { ResearchRepository } from '../features/research/research.repository.ts';
import type { ResearcherNode, ResearchProjectNode } from '../features/research/research.types.ts';
import { RoutingRepository } from '../features/routing/routing.repository.ts';
import { SearchRepository } from '../features/search/search.repository.ts';
import { StationRepository } from '../features/stations/station.repository.ts';
import type { StationNode } from '../features/stations/station.types.ts';
import { VipNetworkRepository } from '../features/vip-network/vip-network.repository.ts';
import { type NetworkReads, networkReads, type ReadCaches } from './network-reads.ts';

/** A loader over a batch function that answers `key -> value` for the keys it knows. */
function keyedLoader<V>(
  batch: (keys: readonly string[]) => Promise<Map<string, V>>,
  missing: V,
): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    const found = await batch(keys);
    return keys.map((key) => found.get(key) ?? missing);
  });
}

export function createLoaders(repositories: Repositories) {
  const { lines, stations, regions, organisations, methods, research } = repositories;
  return {
    linesOfStation: keyedLoader<LineNode[]>((ids) => lines.linesOfStations(ids), []),
    lineByCode: keyedLoader<LineNode | null>((codes) => lines.findByCodes(codes), null),
    stationById: keyedLoader<StationNode | null>((ids) => stations.findByIds(ids), null),
    stationsOfLine: keyedLoader<StationNode[]>((ids) => stations.stationsOfLines(ids), []),
    coordinatorsOfLine: keyedLoader<StationNode[]>(
      (ids) => stations.stationsOfLines(ids, true),
      [],
    ),
    regionsOf: keyedLoader<RegionNode[]>((ids) => regions.regionsOf(ids), []),
    regionByCode: keyedLoader<RegionNode | null>((codes) => regions.findByCodes(codes), null),
    organisationOf: keyedLoader<OrganisationNode | null>(
      (ids) => organisations.organisationsOf(ids),
      null,
    ),
    methodsOfExpert: keyedLoader<MethodNode[]>((ids) => methods.methodsOfExperts(ids), []),
    methodsOfLine: keyedLoader<MethodNode[]>((ids) => methods.methodsOfLines(ids), []),
    projectsOfLine: keyedLoader<ResearchProjectNode[]>((ids) => research.projectsOfLines(ids), []),
    researchersOfProject: keyedLoader<ResearcherNode[]>(
      (ids) => research.researchersOfProjects(ids),
      [],
    ),
    /** Lines a research project informs or a VIP network links to. */
    linesOf: keyedLoader<LineNode[]>((ids) => research.linesOf(ids), []),
  };
}

function createRepositories(database: Database) {
  return {
    lines: new LineRepository(database),
    stations: new StationRepository(database),
    regions: new RegionRepository(database),
    organisations: new OrganisationRepository(database),
    methods: new MethodRepository(database),
    research: new ResearchRepository(database),
    vipNetworks: new VipNetworkRepository(database),
    search: new SearchRepository(database),
    networkMap: new NetworkMapRepository(database),
    routing: new RoutingRepository(database),
    audit: new AuditRepository(database),
    consultations: new ConsultationRepository(database),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export type Loaders = ReturnType<typeof createLoaders>;

export interface RequestContext {
  /** The database, for the edit engine's write transactions. */
  database: Database;
  repositories: Repositories;
  loaders: Loaders;
  /** The routing snapshot, the map and the line list: cached by network revision unless READ_CACHE=false. */
  reads: NetworkReads;
  /** Today in Finland (ISO date): decides who is away. */
  today: string;
  /** The signed-in account (from the session cookie), or null for anonymous callers. */
  account: Account | null;
  /** The analytics of the network, cached per revision and shared by all requests. */
  analytics: NetworkAnalyticsService;
  /** The caller's address: keys the in-memory rate limit of recordConsultation only. */
  clientAddress: string;
  /** Rate limit of recorded consultations, shared by the requests of one app instance. */
  consultationLimiter: LoginRateLimiter;
  /** `account !== null`: contact details of experts are shown to signed-in staff only. */
  signedIn: boolean;
  /** Called after an edit that changed what the map layout is computed from. */
  networkChanged: () => void;
}

/** Today's date in Finland, where the centre works, as YYYY-MM-DD. */
/** Made once: building a DateTimeFormat costs more than a whole small request (CPU profile). */
const HELSINKI_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' });

export function finnishToday(now: Date = new Date()): string {
  return HELSINKI_DATE.format(now);
}

export function createContext(
  database: Database,
  account: Account | null = null,
  caches: ReadCaches | null = null,
  clientAddress = 'unknown',
  options: { networkChanged?: () => void } = {},
): RequestContext {
  const repositories = createRepositories(database);
  return {
    database,
    repositories,
    loaders: createLoaders(repositories),
    reads: networkReads(repositories, caches),
    today: finnishToday(),
    account,
    analytics: analyticsServiceOf(database),
    clientAddress,
    consultationLimiter: consultationLimiterOf(database),
    signedIn: account !== null,
    networkChanged: options.networkChanged ?? (() => {}),
  };
}
