/**
 * Record shapes of the seed graph: what `graph-seed/` generates and `load-seed.ts` writes.
 * The zod schemas in `seed-schema.ts` validate these before anything reaches Neo4j.
 * The model is described in docs/data-model.md.
 */

export type LangCode = 'fi' | 'sv' | 'en';
export type Translated = Record<LangCode, string>;

export type ServiceLevel = 'BASIC' | 'SPECIAL' | 'DEMANDING' | 'NATIONAL';
export type Channel =
  | 'PHONE'
  | 'VIDEO'
  | 'CHAT'
  | 'EMAIL'
  | 'ON_SITE'
  | 'NETWORK_MEETING'
  | 'WORK_PAIR';
export type Sector = 'SOCIAL' | 'HEALTH' | 'EDUCATION' | 'POLICE' | 'NGO' | 'PARISH' | 'RESEARCH';

/** A coloured service-need line (palvelutarve), L1-L10 in the demo. */
export interface LineRecord {
  /** Stable id, e.g. `line-L8`. */
  id: string;
  /** `L1`...`L10` (synthetic national lines keep the same codes). */
  code: string;
  name: Translated;
  /** `#rrggbb` */
  color: string;
  description: Translated;
  /** Consultation instructions, Markdown, per language. */
  instructions: Translated;
  /** Matching terms: Finnish first (with inflected and compound forms), then Swedish and English. */
  keywords: string[];
}

export type RegionKind = 'MUNICIPALITY' | 'COUNTY' | 'AREA' | 'COUNTRY';

/** Municipality -> wellbeing services county -> cooperation area (OT area) -> country. */
export interface RegionRecord {
  /** Municipality: Statistics Finland 3-digit code (`837` Tampere); county: `HV06`; area: `YTA-TAMPERE`; `FI`. */
  code: string;
  name: string;
  /** Swedish name where one exists (e.g. Tampere -> Tammerfors). */
  nameSv?: string;
  kind: RegionKind;
  /** Code of the region this one is part of; none for the country. */
  partOf?: string;
}

export interface OrganisationRecord {
  id: string;
  name: string;
  sector: Sector;
  /** Research partner category, when the organisation is one (university, university hospital...). */
  researchCategory?:
    | 'UNIVERSITY'
    | 'UNIVERSITY_HOSPITAL'
    | 'RESEARCH_INSTITUTE'
    | 'SOCIAL_WELFARE_CENTRE_OF_EXPERTISE'
    | 'UNIVERSITY_OF_APPLIED_SCIENCES';
  /** Region code of its home municipality or county. */
  regionCode: string;
}

export interface MethodRecord {
  id: string;
  name: string;
  description: string;
}

/** Where a station sits on a line: its order on the line and whether it coordinates the line. */
export interface LineMembership {
  lineCode: string;
  /** 1-based order of the station along the line. */
  position: number;
  /** A coordinating responsible worker (koordinoiva vastuutyöntekijä) of the line. */
  coordinator: boolean;
}

interface StationBase {
  id: string;
  name: string;
  organisationId: string;
  lines: LineMembership[];
  channels: Channel[];
  /** Region codes the station serves (municipalities, counties or whole areas). */
  regionCodes: string[];
}

/** A fixed unit or team as a station (e.g. the child and adolescent forensic psychiatry unit). */
export interface UnitRecord extends StationBase {
  kind: 'UNIT';
  description: string;
  email: string;
  phone: string;
}

/** An individual expert: a fictional person in the demo graph. */
export interface ExpertRecord extends StationBase {
  kind: 'EXPERT';
  title: string;
  serviceLevel: ServiceLevel;
  /** ISO 639-1 codes, `fse` for Finnish Sign Language. */
  languages: string[];
  methodIds: string[];
  /** Share of working time given to OT work, 0.1-1.0 (1.0: full-time coordinator). */
  otShare: number;
  /** ISO date when an away expert is back; absent when available. */
  awayUntil?: string;
  email: string;
  phone: string;
  /** Contact details may be shown to anonymous users. */
  publicCard: boolean;
  /** ISO date the card was last checked by its owner or a coordinator. */
  verifiedOn: string;
}

export type StationRecord = UnitRecord | ExpertRecord;

export interface ResearcherRecord {
  id: string;
  name: string;
  title: string;
  organisationId: string;
  /** Kaksoisvirka: a doctoral candidate or specialising worker researching OT themes. */
  doublePost: boolean;
}

export interface ResearchProjectRecord {
  id: string;
  title: string;
  organisationId: string;
  researcherIds: string[];
  lineCodes: string[];
  startYear: number;
  endYear?: number;
}

/** An education-side VIP network (vaativan erityisen tuen VIP-verkosto): a layer on the map. */
export interface VipNetworkRecord {
  id: string;
  name: string;
  description: string;
  regionCodes: string[];
  lineCodes: string[];
}

export interface SeedGraph {
  lines: LineRecord[];
  regions: RegionRecord[];
  organisations: OrganisationRecord[];
  methods: MethodRecord[];
  stations: StationRecord[];
  researchers: ResearcherRecord[];
  projects: ResearchProjectRecord[];
  vipNetworks: VipNetworkRecord[];
}
