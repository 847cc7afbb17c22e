/**
 * Validation of a seed graph before anything is written: each record's fields (zod) and the
 * references between records (a station's line, organisation and regions must exist...).
 * A bad record stops the load with a message that names the record and the field.
 */
import { z } from 'zod';
import type { SeedGraph } from './seed-types.ts';

const CHANNELS = [
  'PHONE',
  'VIDEO',
  'CHAT',
  'EMAIL',
  'ON_SITE',
  'NETWORK_MEETING',
  'WORK_PAIR',
] as const;
const SERVICE_LEVELS = ['BASIC', 'SPECIAL', 'DEMANDING', 'NATIONAL'] as const;
const SECTORS = ['SOCIAL', 'HEALTH', 'EDUCATION', 'POLICE', 'NGO', 'PARISH', 'RESEARCH'] as const;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be letters, digits and dashes');
const text = z.string().trim().min(1, 'must not be empty');
const translated = z.object({ fi: text, sv: text, en: text });
const isoDate = z.iso.date('must be an ISO date (YYYY-MM-DD)');
const lineCode = z.string().regex(/^L\d{1,3}$/, 'must look like L1, L2, ...');
const language = z.string().regex(/^([a-z]{2}|fse)$/, 'must be an ISO 639-1 code or fse');

const lineSchema = z.object({
  id,
  code: lineCode,
  name: translated,
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a #rrggbb colour'),
  description: translated,
  instructions: translated,
  keywords: z.array(text).min(1, 'needs at least one keyword'),
});

const regionSchema = z.object({
  code: z.string().regex(/^[A-Z0-9-]+$/, 'must be uppercase letters, digits and dashes'),
  name: text,
  nameSv: text.optional(),
  kind: z.enum(['MUNICIPALITY', 'COUNTY', 'AREA', 'COUNTRY']),
  partOf: z.string().optional(),
});

const organisationSchema = z.object({
  id,
  name: text,
  sector: z.enum(SECTORS),
  researchCategory: z
    .enum([
      'UNIVERSITY',
      'UNIVERSITY_HOSPITAL',
      'RESEARCH_INSTITUTE',
      'SOCIAL_WELFARE_CENTRE_OF_EXPERTISE',
      'UNIVERSITY_OF_APPLIED_SCIENCES',
    ])
    .optional(),
  regionCode: text,
});

const methodSchema = z.object({ id, name: text, description: text });

const membershipSchema = z.object({
  lineCode,
  position: z.number().int().min(1, 'must be 1 or more'),
  coordinator: z.boolean(),
});

const stationBase = {
  id,
  name: text,
  organisationId: id,
  lines: z.array(membershipSchema).min(1, 'a station must be on at least one line'),
  channels: z.array(z.enum(CHANNELS)).min(1, 'needs at least one consultation channel'),
  regionCodes: z.array(text).min(1, 'needs at least one region'),
};

const stationSchema = z.discriminatedUnion('kind', [
  z.object({
    ...stationBase,
    kind: z.literal('UNIT'),
    description: text,
    email: z.email('must be an e-mail address'),
    phone: text,
  }),
  z.object({
    ...stationBase,
    kind: z.literal('EXPERT'),
    title: text,
    serviceLevel: z.enum(SERVICE_LEVELS),
    languages: z.array(language).min(1, 'needs at least one language'),
    methodIds: z.array(id),
    otShare: z.number().min(0.05, 'must be at least 0.05').max(1, 'must be at most 1'),
    awayUntil: isoDate.optional(),
    email: z.email('must be an e-mail address'),
    phone: text,
    publicCard: z.boolean(),
    verifiedOn: isoDate,
  }),
]);

const researcherSchema = z.object({
  id,
  name: text,
  title: text,
  organisationId: id,
  doublePost: z.boolean(),
});

const projectSchema = z.object({
  id,
  title: text,
  organisationId: id,
  researcherIds: z.array(id),
  lineCodes: z.array(lineCode).min(1, 'a project informs at least one line'),
  startYear: z.number().int().min(2000).max(2100),
  endYear: z.number().int().min(2000).max(2100).optional(),
});

const vipNetworkSchema = z.object({
  id,
  name: text,
  description: text,
  regionCodes: z.array(text).min(1),
  lineCodes: z.array(lineCode),
});

const seedGraphSchema = z.object({
  lines: z.array(lineSchema).min(1, 'the graph needs at least one line'),
  regions: z.array(regionSchema),
  organisations: z.array(organisationSchema),
  methods: z.array(methodSchema),
  stations: z.array(stationSchema),
  researchers: z.array(researcherSchema),
  projects: z.array(projectSchema),
  vipNetworks: z.array(vipNetworkSchema),
});

/** Thrown for an invalid seed graph; `problems` lists every problem found, each naming its record. */
export class SeedValidationError extends Error {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 20).join('\n- ');
    const more = problems.length > 20 ? `\n...and ${problems.length - 20} more` : '';
    super(`The seed graph is invalid; nothing was written:\n- ${shown}${more}`);
    this.name = 'SeedValidationError';
  }
}

/** `stations[3] (expert-0004).lines[0].lineCode` */
function describePath(graph: unknown, path: PropertyKey[]): string {
  let label = '';
  let node: unknown = graph;
  for (const key of path) {
    if (node !== null && typeof node === 'object' && key in node) {
      node = (node as Record<PropertyKey, unknown>)[key];
    } else {
      node = undefined;
    }
    if (typeof key === 'number') {
      const recordId =
        node && typeof node === 'object'
          ? ((node as { id?: unknown; code?: unknown }).id ?? (node as { code?: unknown }).code)
          : undefined;
      label += recordId === undefined ? `[${key}]` : `[${key}] (${String(recordId)})`;
    } else {
      label += label ? `.${String(key)}` : String(key);
    }
  }
  return label;
}

function findDuplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) {
      duplicates.add(value);
    }
    seen.add(value);
  }
  return [...duplicates];
}

function checkReferences(graph: SeedGraph): string[] {
  const problems: string[] = [];
  const lineCodes = new Set(graph.lines.map((line) => line.code));
  const regionCodes = new Set(graph.regions.map((region) => region.code));
  const organisationIds = new Set(graph.organisations.map((organisation) => organisation.id));
  const methodIds = new Set(graph.methods.map((method) => method.id));
  const researcherIds = new Set(graph.researchers.map((researcher) => researcher.id));

  const unique = (what: string, values: string[]) => {
    for (const duplicate of findDuplicates(values)) {
      problems.push(`${what}: "${duplicate}" is used by more than one record`);
    }
  };
  unique(
    'lines.code',
    graph.lines.map((line) => line.code),
  );
  unique(
    'lines.id',
    graph.lines.map((line) => line.id),
  );
  unique(
    'regions.code',
    graph.regions.map((region) => region.code),
  );
  unique(
    'organisations.id',
    graph.organisations.map((organisation) => organisation.id),
  );
  unique(
    'methods.id',
    graph.methods.map((method) => method.id),
  );
  unique(
    'stations.id',
    graph.stations.map((station) => station.id),
  );
  unique(
    'researchers.id',
    graph.researchers.map((researcher) => researcher.id),
  );
  unique(
    'projects.id',
    graph.projects.map((project) => project.id),
  );

  graph.regions.forEach((region, index) => {
    if (region.partOf !== undefined && !regionCodes.has(region.partOf)) {
      problems.push(`regions[${index}] (${region.code}).partOf: unknown region "${region.partOf}"`);
    }
  });
  graph.organisations.forEach((organisation, index) => {
    if (!regionCodes.has(organisation.regionCode)) {
      problems.push(
        `organisations[${index}] (${organisation.id}).regionCode: unknown region "${organisation.regionCode}"`,
      );
    }
  });

  const positionsTaken = new Map<string, string>();
  graph.stations.forEach((station, index) => {
    const at = `stations[${index}] (${station.id})`;
    if (!organisationIds.has(station.organisationId)) {
      problems.push(`${at}.organisationId: unknown organisation "${station.organisationId}"`);
    }
    station.regionCodes.forEach((code, regionIndex) => {
      if (!regionCodes.has(code)) {
        problems.push(`${at}.regionCodes[${regionIndex}]: unknown region "${code}"`);
      }
    });
    station.lines.forEach((membership, lineIndex) => {
      if (!lineCodes.has(membership.lineCode)) {
        problems.push(`${at}.lines[${lineIndex}].lineCode: unknown line "${membership.lineCode}"`);
        return;
      }
      const slot = `${membership.lineCode}#${membership.position}`;
      const holder = positionsTaken.get(slot);
      if (holder) {
        problems.push(
          `${at}.lines[${lineIndex}].position: position ${membership.position} on ${membership.lineCode} is already taken by ${holder}`,
        );
      }
      positionsTaken.set(slot, station.id);
    });
    if (station.kind === 'EXPERT') {
      station.methodIds.forEach((methodId, methodIndex) => {
        if (!methodIds.has(methodId)) {
          problems.push(`${at}.methodIds[${methodIndex}]: unknown method "${methodId}"`);
        }
      });
    }
  });

  for (const line of graph.lines) {
    const hasCoordinator = graph.stations.some((station) =>
      station.lines.some(
        (membership) => membership.lineCode === line.code && membership.coordinator,
      ),
    );
    if (!hasCoordinator) {
      problems.push(`lines (${line.code}): the line has no coordinator station`);
    }
  }

  graph.researchers.forEach((researcher, index) => {
    if (!organisationIds.has(researcher.organisationId)) {
      problems.push(
        `researchers[${index}] (${researcher.id}).organisationId: unknown organisation "${researcher.organisationId}"`,
      );
    }
  });
  graph.projects.forEach((project, index) => {
    const at = `projects[${index}] (${project.id})`;
    if (!organisationIds.has(project.organisationId)) {
      problems.push(`${at}.organisationId: unknown organisation "${project.organisationId}"`);
    }
    for (const researcherId of project.researcherIds) {
      if (!researcherIds.has(researcherId)) {
        problems.push(`${at}.researcherIds: unknown researcher "${researcherId}"`);
      }
    }
    for (const code of project.lineCodes) {
      if (!lineCodes.has(code)) {
        problems.push(`${at}.lineCodes: unknown line "${code}"`);
      }
    }
  });
  graph.vipNetworks.forEach((network, index) => {
    const at = `vipNetworks[${index}] (${network.id})`;
    for (const code of network.regionCodes) {
      if (!regionCodes.has(code)) {
        problems.push(`${at}.regionCodes: unknown region "${code}"`);
      }
    }
    for (const code of network.lineCodes) {
      if (!lineCodes.has(code)) {
        problems.push(`${at}.lineCodes: unknown line "${code}"`);
      }
    }
  });
  return problems;
}

/**
 * Checks every record and every reference. Returns the graph unchanged when it is valid; throws
 * a SeedValidationError listing all problems otherwise.
 */
export function validateSeedGraph(graph: unknown): SeedGraph {
  const parsed = seedGraphSchema.safeParse(graph);
  if (!parsed.success) {
    throw new SeedValidationError(
      parsed.error.issues.map((issue) => `${describePath(graph, issue.path)}: ${issue.message}`),
    );
  }
  const problems = checkReferences(parsed.data as SeedGraph);
  if (problems.length > 0) {
    throw new SeedValidationError(problems);
  }
  return parsed.data as SeedGraph;
}
