/**
 * The deterministic demo network of the Tampere OT-keskus, and a synthetic national network over
 * all five cooperation areas for benchmarks. Everything curated (lines, regions, organisations,
 * units, methods, name lists) lives in `data/`; this module only draws fictional people and their
 * memberships from a seeded faker, so the same options always give the same graph.
 */
import { base, en, Faker, fi, sv } from '@faker-js/faker';
import { LINES } from './data/lines.ts';
import { METHODS } from './data/methods.ts';
import { ORGANISATIONS, UNITS } from './data/organisations.ts';
import {
  EXPERT_TITLES,
  EXPERTISE_BY_LINE,
  IMMIGRANT_BACKGROUND_NAMES,
  RESEARCH_PROJECT_TOPICS,
  RESEARCHER_TITLES,
} from './data/people.ts';
import { OTHER_AREA_MUNICIPALITIES, REGIONS, TAMPERE_AREA_COUNTY_CODES } from './data/regions.ts';
import { VIP_NETWORKS } from './data/vip-networks.ts';
import type {
  Channel,
  ExpertRecord,
  LineMembership,
  OrganisationRecord,
  RegionRecord,
  ResearcherRecord,
  ResearchProjectRecord,
  SeedGraph,
  ServiceLevel,
  StationRecord,
  UnitRecord,
} from './seed-types.ts';

export interface NetworkOptions {
  /** `demo`: the Tampere OT-keskus; `national`: all five cooperation areas. */
  scale: 'demo' | 'national';
  /** Number of individual experts (demo default 200, national default 5000). */
  experts?: number;
  /** Random seed; the same seed gives the same graph. */
  seed?: number;
  /** ISO date that availability and verification dates are relative to (default: today). */
  today?: string;
}

export const DEMO_EXPERTS = 200;
export const NATIONAL_EXPERTS = 5000;
const TAMPERE_AREA = 'YTA-TAMPERE';

/**
 * Lines that often meet in one case, so that an expert on the first plausibly also serves the
 * second: these pairs make the interchanges of the demo map.
 */
const RELATED_LINES: Record<string, string[]> = {
  L1: ['L5', 'L10', 'L2'],
  L2: ['L3', 'L4', 'L1', 'L8'],
  L3: ['L8', 'L2', 'L9'],
  L4: ['L2', 'L10', 'L7'],
  L5: ['L1', 'L6'],
  L6: ['L7', 'L5', 'L4'],
  L7: ['L10', 'L6', 'L9'],
  L8: ['L3', 'L2', 'L7'],
  L9: ['L3', 'L7'],
  L10: ['L7', 'L1', 'L4'],
};

const ALL_CHANNELS: Channel[] = [
  'PHONE',
  'VIDEO',
  'CHAT',
  'EMAIL',
  'ON_SITE',
  'NETWORK_MEETING',
  'WORK_PAIR',
];

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Lowercase ASCII for e-mail addresses: "Äijälä" -> "aijala". */
function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface AreaPlan {
  areaCode: string;
  counties: RegionRecord[];
  /** municipality code -> county code */
  municipalities: RegionRecord[];
  /** The organisations that employ experts in this area. */
  employers: OrganisationRecord[];
}

/** Builds the whole network; pure apart from reading the curated data. */
export function generateNetwork(options: NetworkOptions): SeedGraph {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const faker = new Faker({ locale: [fi, en, base] });
  const fakerSv = new Faker({ locale: [sv, en, base] });
  const seed = options.seed ?? 2018;
  faker.seed(seed);
  fakerSv.seed(seed + 1);

  // The demo holds the Tampere area's municipalities, plus the few elsewhere (Helsinki) where
  // national partner organisations sit.
  const homesOfOrganisations = new Set(
    ORGANISATIONS.map((organisation) => organisation.regionCode),
  );
  const regions: RegionRecord[] = [
    ...REGIONS,
    ...OTHER_AREA_MUNICIPALITIES.filter(
      (municipality) => options.scale === 'national' || homesOfOrganisations.has(municipality.code),
    ),
  ];
  const organisations: OrganisationRecord[] = [...ORGANISATIONS];
  const areaPlans = planAreas(options.scale, regions, organisations);
  const expertCount =
    options.experts ?? (options.scale === 'national' ? NATIONAL_EXPERTS : DEMO_EXPERTS);

  const stations: StationRecord[] = [];
  const usedEmails = new Set<string>();
  const membershipsByLine = new Map<
    string,
    Array<{ stationId: string; membership: LineMembership; sortKey: string }>
  >();
  const join = (
    station: StationRecord,
    lineCode: string,
    coordinator: boolean,
    sortKey: string,
  ) => {
    const membership: LineMembership = { lineCode, position: 0, coordinator };
    station.lines.push(membership);
    const members = membershipsByLine.get(lineCode) ?? [];
    members.push({ stationId: station.id, membership, sortKey });
    membershipsByLine.set(lineCode, members);
  };

  // Fixed units: the Tampere ones as named in the source; in the national network each other
  // area gets its own counterpart of each unit.
  for (const plan of areaPlans) {
    for (const unit of UNITS) {
      const inTampere = plan.areaCode === TAMPERE_AREA;
      const areaName = regions.find((r) => r.code === plan.areaCode)?.name ?? plan.areaCode;
      const record: UnitRecord = {
        kind: 'UNIT',
        id: inTampere ? unit.id : `${unit.id}-${asciiSlug(plan.areaCode)}`,
        name: inTampere ? unit.name : `${unit.name} (${areaName})`,
        organisationId: inTampere
          ? unit.organisationId
          : (plan.employers[0]?.id ?? unit.organisationId),
        description: unit.description,
        channels: [...unit.channels],
        regionCodes: inTampere ? [...unit.regionCodes] : [plan.areaCode],
        email: inTampere ? unit.email : unit.email.replace('@', `.${asciiSlug(plan.areaCode)}@`),
        phone: unit.phone,
        lines: [],
      };
      stations.push(record);
      for (const lineCode of unit.lineCodes) {
        // "~" sorts after letters and digits: units are the termini at the end of their lines.
        join(record, lineCode, false, `~${record.name}`);
      }
    }
  }

  // Experts, spread over the areas in proportion to their municipalities.
  const totalMunicipalities = areaPlans.reduce((sum, plan) => sum + plan.municipalities.length, 0);
  let expertNumber = 0;
  for (const plan of areaPlans) {
    const share =
      areaPlans.length === 1
        ? expertCount
        : Math.round((expertCount * plan.municipalities.length) / totalMunicipalities);
    const coordinatorsNeeded = new Set(LINES.map((line) => line.code));
    for (let index = 0; index < share; index++) {
      expertNumber++;
      const expert = drawExpert(faker, fakerSv, plan, expertNumber, today, usedEmails);
      const home = expert.homeMunicipality;
      const countyOrder = plan.counties.findIndex((county) => county.code === home.partOf);
      const sortKey = `${String(countyOrder).padStart(2, '0')}|${home.name}|${expert.record.name}`;

      // The first experts of an area coordinate its lines: full-time, whole-area, never away.
      const coordinating = [...coordinatorsNeeded][0];
      if (coordinating !== undefined) {
        coordinatorsNeeded.delete(coordinating);
        const record = expert.record;
        record.otShare = 1;
        record.serviceLevel = 'DEMANDING';
        record.title = `Koordinoiva vastuutyöntekijä, ${faker.helpers.arrayElement(
          EXPERTISE_BY_LINE[coordinating] ?? ['OT-keskus'],
        )}`;
        record.regionCodes = [plan.areaCode];
        delete record.awayUntil;
        join(record, coordinating, true, sortKey);
        stations.push(record);
        continue;
      }

      const lineCodes = pickLines(faker, expertNumber);
      const record = expert.record;
      const expertise = EXPERTISE_BY_LINE[lineCodes[0] ?? 'L1'];
      if (expertise && faker.datatype.boolean({ probability: 0.35 })) {
        record.title = `${record.title}, ${faker.helpers.arrayElement(expertise)}`;
      }
      for (const lineCode of lineCodes) {
        join(record, lineCode, false, sortKey);
      }
      stations.push(record);
    }
  }

  // The interchange the source itself names: an honour-culture expert on L8, L3 and L2.
  const honourExpert = stations.find(
    (station): station is ExpertRecord =>
      station.kind === 'EXPERT' &&
      !station.lines.some((membership) => membership.coordinator) &&
      station.lines.some((membership) => membership.lineCode === 'L8'),
  );
  if (honourExpert) {
    honourExpert.title = 'Erikoissosiaalityöntekijä, kunniakulttuurin asiantuntija';
    delete honourExpert.awayUntil;
    for (const lineCode of ['L3', 'L2']) {
      if (!honourExpert.lines.some((membership) => membership.lineCode === lineCode)) {
        join(honourExpert, lineCode, false, `00|honour|${honourExpert.name}`);
      }
    }
  }

  // Line order: along each line, stations travel from county to county and end at the units.
  for (const members of membershipsByLine.values()) {
    members.sort(
      (a, b) => a.sortKey.localeCompare(b.sortKey, 'fi') || a.stationId.localeCompare(b.stationId),
    );
    members.forEach(({ membership }, index) => {
      membership.position = index + 1;
    });
  }

  const { researchers, projects } = drawResearch(faker, organisations);
  return {
    lines: LINES.map((line) => ({ ...line, keywords: [...line.keywords] })),
    regions,
    organisations,
    methods: [...METHODS],
    stations,
    researchers,
    projects,
    vipNetworks: VIP_NETWORKS.map((network) => ({ ...network })),
  };
}

function planAreas(
  scale: NetworkOptions['scale'],
  regions: RegionRecord[],
  organisations: OrganisationRecord[],
): AreaPlan[] {
  const areas = regions.filter((region) => region.kind === 'AREA');
  const chosen = scale === 'demo' ? areas.filter((area) => area.code === TAMPERE_AREA) : areas;
  return chosen.map((area) => {
    const counties = regions.filter(
      (region) =>
        region.kind === 'COUNTY' &&
        region.partOf === area.code &&
        (area.code !== TAMPERE_AREA || TAMPERE_AREA_COUNTY_CODES.includes(region.code)),
    );
    const countyCodes = new Set(counties.map((county) => county.code));
    const municipalities = regions.filter(
      (region) => region.kind === 'MUNICIPALITY' && countyCodes.has(region.partOf ?? ''),
    );
    let employers = organisations.filter(
      (organisation) =>
        organisation.sector !== 'RESEARCH' &&
        (countyCodes.has(organisation.regionCode) ||
          municipalities.some((municipality) => municipality.code === organisation.regionCode)),
    );
    if (employers.length === 0) {
      // Other areas of the national network: one wellbeing county organisation per county.
      employers = counties.map((county) => ({
        id: `org-${asciiSlug(county.code)}-hyvinvointialue`,
        name: county.name.includes('hyvinvointialue')
          ? county.name
          : `${county.name} (hyvinvointialue)`,
        sector: 'SOCIAL' as const,
        regionCode: county.code,
      }));
      organisations.push(...employers);
    }
    return { areaCode: area.code, counties, municipalities, employers };
  });
}

/** One to three lines: a primary line, and for some experts related lines (interchanges). */
function pickLines(faker: Faker, expertNumber: number): string[] {
  // Round-robin primary lines keep every line staffed; the rest is drawn.
  const primary = LINES[expertNumber % LINES.length]?.code ?? 'L1';
  const lines = [primary];
  if (faker.datatype.boolean({ probability: 0.28 })) {
    const related = RELATED_LINES[primary] ?? [];
    const second = faker.helpers.arrayElement(related);
    lines.push(second);
    if (faker.datatype.boolean({ probability: 0.2 })) {
      const third = (RELATED_LINES[second] ?? []).find((code) => !lines.includes(code));
      if (third) {
        lines.push(third);
      }
    }
  }
  return lines;
}

interface DrawnExpert {
  record: ExpertRecord;
  homeMunicipality: RegionRecord;
}

function drawExpert(
  faker: Faker,
  fakerSv: Faker,
  plan: AreaPlan,
  expertNumber: number,
  today: string,
  usedEmails: Set<string>,
): DrawnExpert {
  const background = faker.number.float({ min: 0, max: 1 });
  const languages = new Set<string>(['fi']);
  let first: string;
  let last: string;
  if (background < 0.14) {
    const person = faker.helpers.arrayElement(IMMIGRANT_BACKGROUND_NAMES);
    first = person.first;
    last = faker.helpers.arrayElement(IMMIGRANT_BACKGROUND_NAMES).last;
    for (const language of person.languages) {
      languages.add(language);
    }
  } else if (background < 0.2) {
    first = fakerSv.person.firstName();
    last = fakerSv.person.lastName();
    languages.add('sv');
  } else {
    first = faker.person.firstName();
    last = faker.person.lastName();
  }
  if (faker.datatype.boolean({ probability: 0.6 })) {
    languages.add('en');
  }
  if (faker.datatype.boolean({ probability: 0.08 })) {
    languages.add('sv');
  }
  if (faker.datatype.boolean({ probability: 0.03 })) {
    languages.add('fse');
  }

  const title = faker.helpers.arrayElement(EXPERT_TITLES);
  const serviceLevel: ServiceLevel = faker.helpers.arrayElement(
    title.levels.length > 0 ? title.levels : ['SPECIAL'],
  );
  const homeMunicipality = faker.helpers.arrayElement(plan.municipalities);
  const employer = faker.helpers.arrayElement(plan.employers);
  const regionCodes = faker.datatype.boolean({ probability: 0.5 })
    ? [homeMunicipality.partOf ?? homeMunicipality.code]
    : [
        homeMunicipality.code,
        ...faker.helpers
          .arrayElements(plan.municipalities, { min: 0, max: 3 })
          .map((municipality) => municipality.code)
          .filter((code) => code !== homeMunicipality.code),
      ];

  const channels = faker.helpers.arrayElements(ALL_CHANNELS, { min: 2, max: 5 });
  if (!channels.includes('PHONE') && !channels.includes('EMAIL')) {
    channels.unshift('PHONE');
  }

  const away = faker.datatype.boolean({ probability: 0.1 });
  const baseEmail = `${asciiSlug(first)}.${asciiSlug(last)}`;
  let email = `${baseEmail}@ot-keskus.example`;
  for (let suffix = 2; usedEmails.has(email); suffix++) {
    email = `${baseEmail}${suffix}@ot-keskus.example`;
  }
  usedEmails.add(email);

  const record: ExpertRecord = {
    kind: 'EXPERT',
    id: `expert-${String(expertNumber).padStart(4, '0')}`,
    name: `${first} ${last}`,
    title: title.title,
    serviceLevel,
    organisationId: employer.id,
    languages: [...languages],
    methodIds: faker.helpers.arrayElements(METHODS, { min: 0, max: 3 }).map((method) => method.id),
    channels,
    regionCodes: [...new Set(regionCodes)],
    otShare: faker.helpers.arrayElement([0.1, 0.2, 0.2, 0.3, 0.4, 0.5]),
    email,
    // Numbers in a range no one has: fictional people get fictional numbers.
    phone: `+358 40 000 ${String(1000 + expertNumber).slice(-4)}`,
    publicCard: faker.datatype.boolean({ probability: 0.2 }),
    verifiedOn: addDays(today, -faker.number.int({ min: 0, max: 300 })),
    lines: [],
  };
  if (away) {
    record.awayUntil = addDays(today, faker.number.int({ min: 3, max: 90 }));
  }
  return { record, homeMunicipality };
}

function drawResearch(
  faker: Faker,
  organisations: OrganisationRecord[],
): { researchers: ResearcherRecord[]; projects: ResearchProjectRecord[] } {
  const partners = organisations.filter((organisation) => organisation.researchCategory);
  const researchers: ResearcherRecord[] = [];
  const projects: ResearchProjectRecord[] = [];
  if (partners.length === 0) {
    return { researchers, projects };
  }
  RESEARCH_PROJECT_TOPICS.forEach((topic, index) => {
    const host = faker.helpers.arrayElement(partners);
    const team: string[] = [];
    const teamSize = faker.number.int({ min: 1, max: 3 });
    for (let member = 0; member < teamSize; member++) {
      const title = faker.helpers.arrayElement(RESEARCHER_TITLES);
      const researcher: ResearcherRecord = {
        id: `researcher-${String(researchers.length + 1).padStart(3, '0')}`,
        name: `${faker.person.firstName()} ${faker.person.lastName()}`,
        title,
        organisationId: member === 0 ? host.id : faker.helpers.arrayElement(partners).id,
        doublePost: /kaksoisvirka|erikoistuva/i.test(title),
      };
      researchers.push(researcher);
      team.push(researcher.id);
    }
    const startYear = faker.number.int({ min: 2019, max: 2026 });
    projects.push({
      id: `project-${String(index + 1).padStart(3, '0')}`,
      title: topic.title,
      organisationId: host.id,
      researcherIds: team,
      lineCodes: [...topic.lineCodes],
      startYear,
      ...(faker.datatype.boolean({ probability: 0.4 })
        ? { endYear: startYear + faker.number.int({ min: 2, max: 4 }) }
        : {}),
    });
  });
  return { researchers, projects };
}
