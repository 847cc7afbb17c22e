/**
 * The station card editor's logic, without the DOM: who may edit a card (mirroring the server's
 * authorization.ts, which stays the authority), the form's values, the changes a save sends
 * (only what changed) and where the server's per-field problems belong. Pure, so unit-tested.
 */
import { canEditStation } from './line-editing.ts';
import type { ChannelCode, ServiceLevelCode } from './messages.ts';
import type { SignedInAccount } from './session.svelte.ts';

/**
 * Whether `account` may edit the card of station `stationId` on `lineCodes`: admins, the
 * coordinators of one of its lines, and the expert themself (their own card and availability).
 */
export function canEditCard(
  account: SignedInAccount | null,
  stationId: string,
  lineCodes: readonly string[],
): boolean {
  return canEditStation(account, lineCodes) || (account?.expertId ?? null) === stationId;
}

export const STATION_EDITOR_QUERY = /* GraphQL */ `
  query StationEditor($id: ID!) {
    station(id: $id) {
      __typename id version name channels
      contact { email phone }
      regions { code }
      organisation { id }
      ... on Expert { title serviceLevel languages awayUntil otShare publicCard methods { id } }
      ... on Unit { description }
    }
  }`;

export const UPDATE_EXPERT = /* GraphQL */ `
  mutation UpdateExpertCard($stationId: ID!, $expectedVersion: Int!, $changes: ExpertChangesInput!) {
    updateExpert(stationId: $stationId, expectedVersion: $expectedVersion, changes: $changes) {
      station { id version }
      change { id }
    }
  }`;

export const CREATE_EXPERT = /* GraphQL */ `
  mutation CreateExpertCard($input: ExpertInput!, $lineCode: String) {
    createExpert(input: $input, lineCode: $lineCode) {
      station { id version }
      change { id }
    }
  }`;

export const CREATE_UNIT = /* GraphQL */ `
  mutation CreateUnitCard($input: UnitInput!, $lineCode: String) {
    createUnit(input: $input, lineCode: $lineCode) {
      station { id version }
      change { id }
    }
  }`;

/** What the editor offers to choose from: the methods and organisations, a page at a time. */
export const EDITOR_OPTIONS_QUERY = /* GraphQL */ `
  query CardEditorOptions($methodsAfter: String, $organisationsAfter: String) {
    methods(first: 200, after: $methodsAfter) {
      nodes { id name } pageInfo { hasNextPage endCursor }
    }
    organisations(first: 200, after: $organisationsAfter) {
      nodes { id name } pageInfo { hasNextPage endCursor }
    }
  }`;

export interface EditorOption {
  id: string;
  name: string;
}

export const UPDATE_UNIT = /* GraphQL */ `
  mutation UpdateUnitCard($stationId: ID!, $expectedVersion: Int!, $changes: UnitChangesInput!) {
    updateUnit(stationId: $stationId, expectedVersion: $expectedVersion, changes: $changes) {
      station { id version }
      change { id }
    }
  }`;

/** The station as the editor loads it. */
export interface EditableStation {
  __typename: 'Expert' | 'Unit';
  id: string;
  version: number;
  name: string;
  channels: ChannelCode[];
  contact: { email: string | null; phone: string | null } | null;
  regions: Array<{ code: string }>;
  organisation: { id: string } | null;
  methods?: Array<{ id: string }>;
  title?: string;
  serviceLevel?: ServiceLevelCode;
  languages?: string[];
  awayUntil?: string | null;
  otShare?: number;
  publicCard?: boolean;
  description?: string | null;
}

/** What the form holds: text fields as typed, lists as comma-separated text. */
export interface StationDraft {
  name: string;
  email: string;
  phone: string;
  channels: ChannelCode[];
  regionCodes: string;
  title: string;
  serviceLevel: ServiceLevelCode | '';
  languages: string;
  awayUntil: string;
  /** Per cent of working time, as typed. */
  otPercent: string;
  /** Contact details shown to anonymous users too (the expert's own choice). */
  publicCard: boolean;
  description: string;
  /** '' for none. */
  organisationId: string;
  methodIds: string[];
}

export type StationFieldId = keyof StationDraft;

export function draftOfStation(station: EditableStation): StationDraft {
  return {
    name: station.name,
    email: station.contact?.email ?? '',
    phone: station.contact?.phone ?? '',
    channels: [...station.channels],
    regionCodes: station.regions.map((region) => region.code).join(', '),
    title: station.title ?? '',
    serviceLevel: station.serviceLevel ?? '',
    languages: (station.languages ?? []).join(', '),
    awayUntil: station.awayUntil ?? '',
    otPercent: station.otShare === undefined ? '' : String(Math.round(station.otShare * 100)),
    publicCard: station.publicCard ?? false,
    organisationId: station.organisation?.id ?? '',
    methodIds: (station.methods ?? []).map((method) => method.id),
    description: station.description ?? '',
  };
}

function listOf(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * The changes a save sends: only the fields that differ from the loaded station, in the shapes
 * of ExpertChangesInput or UnitChangesInput. Emptied optional fields are sent as null (cleared);
 * values are sent as typed, so the server's validation speaks about what the user wrote.
 */
export function stationChanges(
  kind: EditableStation['__typename'],
  saved: StationDraft,
  draft: StationDraft,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const text = (field: 'name' | 'title' | 'description', key: string = field) => {
    if (draft[field].trim() !== saved[field].trim()) {
      changes[key] = draft[field].trim();
    }
  };
  const optional = (field: 'email' | 'phone' | 'awayUntil') => {
    if (draft[field].trim() !== saved[field].trim()) {
      changes[field] = draft[field].trim() === '' ? null : draft[field].trim();
    }
  };
  text('name');
  optional('email');
  optional('phone');
  if (!sameList(draft.channels, saved.channels)) {
    changes.channels = [...draft.channels];
  }
  if (!sameList(listOf(draft.regionCodes), listOf(saved.regionCodes))) {
    changes.regionCodes = listOf(draft.regionCodes);
  }
  if (draft.organisationId !== saved.organisationId) {
    changes.organisationId = draft.organisationId === '' ? null : draft.organisationId;
  }
  if (kind === 'Unit') {
    text('description');
    return changes;
  }
  text('title');
  optional('awayUntil');
  if (draft.serviceLevel !== saved.serviceLevel && draft.serviceLevel !== '') {
    changes.serviceLevel = draft.serviceLevel;
  }
  if (!sameList(listOf(draft.languages), listOf(saved.languages))) {
    changes.languages = listOf(draft.languages);
  }
  if (!sameList(draft.methodIds, saved.methodIds)) {
    changes.methodIds = [...draft.methodIds];
  }
  if (draft.publicCard !== saved.publicCard) {
    changes.publicCard = draft.publicCard;
  }
  if (draft.otPercent.trim() !== saved.otPercent.trim()) {
    changes.otShare = Math.round((percentOf(draft.otPercent) ?? 0) * 100) / 10_000;
  }
  return changes;
}

/** An empty form for a new expert; the server says what is missing. */
export function blankExpertDraft(): StationDraft {
  return {
    name: '',
    email: '',
    phone: '',
    channels: [],
    regionCodes: '',
    title: '',
    serviceLevel: '',
    languages: 'fi',
    awayUntil: '',
    otPercent: '',
    publicCard: false,
    description: '',
    organisationId: '',
    methodIds: [],
  };
}

/** A new expert's card as ExpertInput: every field, as typed (the server validates). */
export function newExpertInput(draft: StationDraft): Record<string, unknown> {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    name: draft.name.trim(),
    title: draft.title.trim(),
    email: optional(draft.email),
    phone: optional(draft.phone),
    awayUntil: optional(draft.awayUntil),
    serviceLevel: draft.serviceLevel === '' ? null : draft.serviceLevel,
    languages: listOf(draft.languages),
    regionCodes: listOf(draft.regionCodes),
    channels: [...draft.channels],
    otShare: Math.round((percentOf(draft.otPercent) ?? 0) * 100) / 10_000,
    publicCard: draft.publicCard,
    organisationId: optional(draft.organisationId),
    methodIds: [...draft.methodIds],
  };
}

/** A new unit's card as UnitInput. */
export function newUnitInput(draft: StationDraft): Record<string, unknown> {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    name: draft.name.trim(),
    description: optional(draft.description),
    email: optional(draft.email),
    phone: optional(draft.phone),
    regionCodes: listOf(draft.regionCodes),
    channels: [...draft.channels],
    organisationId: optional(draft.organisationId),
  };
}

/** The OT share as typed (per cent, decimal comma allowed), or null when it is not 0-100. */
export function percentOf(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

const FIELD_OF_CHANGE: Record<string, StationFieldId> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  channels: 'channels',
  regionCodes: 'regionCodes',
  title: 'title',
  serviceLevel: 'serviceLevel',
  languages: 'languages',
  awayUntil: 'awayUntil',
  otShare: 'otPercent',
  publicCard: 'publicCard',
  organisationId: 'organisationId',
  methodIds: 'methodIds',
  description: 'description',
};

/**
 * The server's problems (`changes.email`, `input.languages.0`) by form field; a problem the form
 * has no field for goes under `name`, the first field, so that it is never lost.
 */
export function stationProblemsByField(
  problems: ReadonlyArray<{ field: string; message: string }>,
): Partial<Record<StationFieldId, string[]>> {
  const result: Partial<Record<StationFieldId, string[]>> = {};
  for (const problem of problems) {
    const [head, key] = problem.field.split('.');
    const id =
      FIELD_OF_CHANGE[head === 'changes' || head === 'input' ? (key ?? '') : (head ?? '')] ??
      'name';
    result[id] = [...(result[id] ?? []), problem.message];
  }
  return result;
}
