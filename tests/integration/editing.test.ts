/**
 * The edit mutations on the real Neo4j, through the in-process server with real sessions. Every
 * mutation is tried the same way: anonymous (UNAUTHENTICATED), each role that may not make it
 * (FORBIDDEN), invalid input (INVALID_INPUT naming the field), a stale version (CONFLICT with the
 * current state), then allowed: the change is visible, the version moved on by one, the audit
 * record holds who and the states before and after, and undo puts everything back. A refused
 * edit writes nothing: neither the entity nor an audit record nor a new network revision.
 *
 * The file works on lines of its own (L91, L92) and stations it creates, and removes them at the
 * end, so that the seed graph other files read is as it was.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recordsOf, writeTransaction } from '../../server/src/database/neo4j-driver.ts';
import { readNetworkRevision } from '../../server/src/features/audit/audit.repository.ts';
import { refreshMapLayout } from '../../server/src/features/map/map-layout.service.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import {
  anonymousCaller,
  type GraphQLCaller,
  type StaffMember,
  signedInStaff,
} from '../support/staff-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { yoga, mapLayout } = createApp({ database, logger: createLogger('silent') });
const anonymous = anonymousCaller(yoga);

/** The file's own lines: the coordinator coordinates L91, the other coordinator L92. */
const LINE = 'L91';
const OTHER_LINE = 'L92';
const createdLines = new Set<string>([LINE, OTHER_LINE, 'L93']);
const createdStations = new Set<string>();

let admin: StaffMember;
let coordinator: StaffMember;
let otherCoordinator: StaffMember;
let viewer: StaffMember;
let researcher: StaffMember;
/** A viewer whose own expert card is `ownExpertId`. */
let expertSelf: StaffMember;
let ownExpertId: string;
/** Stations on L91, in order, and one that is on no line of the file. */
let onLine: string[] = [];
let offLine: string;

interface GraphQLError {
  message: string;
  extensions?: {
    code?: string;
    field?: string;
    problems?: Array<{ field: string; message: string }>;
    current?: { version?: number } | null;
  };
}

async function call<T = Record<string, unknown>>(
  caller: GraphQLCaller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: T | null; errors?: GraphQLError[] }> {
  return (await caller<T>(query, variables)) as { data: T | null; errors?: GraphQLError[] };
}

/** Runs a query that must succeed, and returns its data. */
async function ok<T = Record<string, unknown>>(
  caller: GraphQLCaller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const { data, errors } = await call<T>(caller, query, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data as T;
}

const LINE_STATE = /* GraphQL */ `
  query LineState($code: String!) {
    line(code: $code) {
      code version color retired keywords
      name nameSv: name(lang: SV) nameEn: name(lang: EN)
      description descriptionEn: description(lang: EN)
      instructions instructionsSv: instructions(lang: SV)
      keywordsFi: keywordsIn(lang: FI) keywordsSv: keywordsIn(lang: SV)
      stations { id }
      coordinators { id }
    }
  }`;

const STATION_STATE = /* GraphQL */ `
  query StationState($id: ID!) {
    station(id: $id) {
      id name version
      pinnedPosition { x y }
      lines { code }
      regions { code }
      channels
      contact { email phone }
      organisation { id }
      ... on Expert { title serviceLevel languages otShare awayUntil verifiedOn methods { id } }
      ... on Unit { description }
    }
  }`;

type State = Record<string, unknown> & { version: number };

async function lineState(code: string): Promise<State | null> {
  return (await ok<{ line: State | null }>(admin.graphql, LINE_STATE, { code })).line;
}

async function stationState(id: string): Promise<State | null> {
  return (await ok<{ station: State | null }>(admin.graphql, STATION_STATE, { id })).station;
}

async function stateOf(kind: 'LINE' | 'STATION', key: string): Promise<State | null> {
  return kind === 'LINE' ? lineState(key) : stationState(key);
}

/** The state without its version, to compare before and after an undo. */
function content(state: State | null): Record<string, unknown> | null {
  if (!state) {
    return null;
  }
  const { version: _version, verifiedOn: _verifiedOn, ...rest } = state;
  return rest;
}

const CHANGE_FIELDS = /* GraphQL */ `
  change {
    id action reversible undoOf undoneBy before after
    entity { kind id }
    subjects { kind id }
    actor { email role }
  }`;

const EXPERT_INPUT = {
  name: 'Testi Asiantuntija',
  title: 'Erityissosiaalityöntekijä',
  organisationId: 'org-tays',
  serviceLevel: 'DEMANDING',
  languages: ['fi', 'sv'],
  regionCodes: ['837'],
  channels: ['PHONE', 'VIDEO'],
  otShare: 0.2,
  methodIds: ['method-ipc'],
  email: 'testi.asiantuntija@example.fi',
  phone: '+358 40 123 4567',
};

const CREATE_EXPERT = /* GraphQL */ `
  mutation CreateExpert($input: ExpertInput!, $lineCode: String, $position: Int) {
    createExpert(input: $input, lineCode: $lineCode, position: $position) {
      station { id version lines { code } }
      ${CHANGE_FIELDS}
    }
  }`;

const CREATE_UNIT = /* GraphQL */ `
  mutation CreateUnit($input: UnitInput!, $lineCode: String, $position: Int) {
    createUnit(input: $input, lineCode: $lineCode, position: $position) {
      station { id version lines { code } }
      ${CHANGE_FIELDS}
    }
  }`;

const CREATE_LINE = /* GraphQL */ `
  mutation CreateLine($code: String!, $name: LineNamesInput!, $color: String!, $description: LineTextsInput) {
    createLine(code: $code, name: $name, color: $color, description: $description) {
      line { code version color stations { id } }
      ${CHANGE_FIELDS}
    }
  }`;

const UNDO = /* GraphQL */ `
  mutation Undo($auditId: ID!) {
    undoChange(auditId: $auditId) {
      id action undoOf reversible before after actor { email }
    }
  }`;

/** An expert created by the admin, on `lineCode` when given; removed at the end of the file. */
async function newExpert(lineCode: string | null = LINE, name = 'Testi Asiantuntija') {
  const data = await ok<{ createExpert: { station: { id: string } } }>(
    admin.graphql,
    CREATE_EXPERT,
    { input: { ...EXPERT_INPUT, name }, lineCode },
  );
  createdStations.add(data.createExpert.station.id);
  return data.createExpert.station.id;
}

async function newUnit(lineCode: string | null = LINE) {
  const data = await ok<{ createUnit: { station: { id: string } } }>(admin.graphql, CREATE_UNIT, {
    input: { name: 'Testiyksikkö', regionCodes: ['837'], channels: ['PHONE'] },
    lineCode,
  });
  createdStations.add(data.createUnit.station.id);
  return data.createUnit.station.id;
}

async function auditCount(): Promise<number> {
  return writeTransaction(database, async (tx) => {
    const [row] = recordsOf<{ n: number }>(
      await tx.run('MATCH (a:AuditRecord) RETURN count(a) AS n'),
    );
    return row?.n ?? 0;
  });
}

beforeAll(async () => {
  admin = await signedInStaff(database, yoga, { role: 'admin' });
  coordinator = await signedInStaff(database, yoga, { role: 'coordinator', lineCodes: [LINE] });
  otherCoordinator = await signedInStaff(database, yoga, {
    role: 'coordinator',
    lineCodes: [OTHER_LINE],
    name: 'other-coordinator',
  });
  viewer = await signedInStaff(database, yoga, { role: 'viewer' });
  researcher = await signedInStaff(database, yoga, { role: 'researcher' });
  for (const [code, color] of [
    [LINE, '#004488'],
    [OTHER_LINE, '#bb5566'],
  ] as const) {
    await ok(admin.graphql, CREATE_LINE, {
      code,
      name: { fi: `Testilinja ${code}`, sv: `Testlinje ${code}`, en: `Test line ${code}` },
      color,
    });
  }
  onLine = [await newExpert(LINE, 'Asema Yksi'), await newExpert(LINE, 'Asema Kaksi')];
  onLine.push(await newExpert(LINE, 'Asema Kolme'));
  offLine = await newExpert(OTHER_LINE, 'Asema Muualla');
  ownExpertId = await newExpert(LINE, 'Oma Kortti');
  expertSelf = await signedInStaff(database, yoga, {
    role: 'viewer',
    expertId: ownExpertId,
    name: 'expert-self',
  });
});

afterAll(async () => {
  await mapLayout.settled();
  await writeTransaction(database, async (tx) => {
    await tx.run('MATCH (l:Line) WHERE l.code IN $codes DETACH DELETE l', {
      codes: [...createdLines],
    });
    await tx.run('MATCH (s:Station) WHERE s.id IN $ids DETACH DELETE s', {
      ids: [...createdStations],
    });
  });
  await refreshMapLayout(database);
  await database.driver.close();
});

/**
 * One edit of an existing entity, tried by everyone. `valid` and `invalid` give the mutation's
 * variables besides `expectedVersion`; `effect` checks the state after the allowed edit.
 */
interface EditCase {
  mutation: string;
  kind: 'LINE' | 'STATION';
  /** The line code or station id the edit targets (created fresh where needed). */
  target: () => Promise<string>;
  document: string;
  valid: (target: string) => Promise<Record<string, unknown>> | Record<string, unknown>;
  invalid: (target: string) => Record<string, unknown>;
  invalidField: string;
  /** Callers refused with FORBIDDEN besides the viewer and the researcher. */
  alsoForbidden?: () => StaffMember[];
  /** Who makes the allowed edit (default: the coordinator of L91). */
  allowed?: () => StaffMember;
  effect: (after: State, before: State) => void;
}

function lineDocument(mutation: string, params: string, args: string): string {
  return /* GraphQL */ `
    mutation Edit($code: String!, $expectedVersion: Int!${params}) {
      ${mutation}(code: $code, expectedVersion: $expectedVersion${args}) {
        line { code version }
        ${CHANGE_FIELDS}
      }
    }`;
}

function stationDocument(mutation: string, params: string, args: string): string {
  return /* GraphQL */ `
    mutation Edit($stationId: ID!, $expectedVersion: Int!${params}) {
      ${mutation}(stationId: $stationId, expectedVersion: $expectedVersion${args}) {
        station { id version }
        ${CHANGE_FIELDS}
      }
    }`;
}

const lineTarget = async () => LINE;

const CASES: EditCase[] = [
  {
    mutation: 'renameLine',
    kind: 'LINE',
    target: lineTarget,
    document: lineDocument('renameLine', ', $name: LineNamesInput!', ', name: $name'),
    valid: () => ({ name: { fi: 'Uusi nimi', sv: 'Nytt namn', en: 'New name' } }),
    invalid: () => ({ name: { fi: ' x ', sv: null, en: null } }),
    invalidField: 'name.fi',
    effect: (after) =>
      expect(after).toMatchObject({ name: 'Uusi nimi', nameSv: 'Nytt namn', nameEn: 'New name' }),
  },
  {
    mutation: 'recolourLine',
    kind: 'LINE',
    target: lineTarget,
    document: lineDocument('recolourLine', ', $color: String!', ', color: $color'),
    valid: () => ({ color: '#228833' }),
    invalid: () => ({ color: '#ffff00' }),
    invalidField: 'color',
    effect: (after) => expect(after.color).toBe('#228833'),
  },
  {
    mutation: 'describeLine',
    kind: 'LINE',
    target: lineTarget,
    document: lineDocument(
      'describeLine',
      ', $description: LineTextsInput!',
      ', description: $description',
    ),
    valid: () => ({ description: { fi: 'Kuvaus', sv: null, en: 'Description' } }),
    invalid: () => ({ description: { fi: 'x'.repeat(1001) } }),
    invalidField: 'description.fi',
    effect: (after) =>
      expect(after).toMatchObject({ description: 'Kuvaus', descriptionEn: 'Description' }),
  },
  {
    mutation: 'setLineInstructions',
    kind: 'LINE',
    target: lineTarget,
    document: lineDocument(
      'setLineInstructions',
      ', $instructions: LineTextsInput!',
      ', instructions: $instructions',
    ),
    valid: () => ({
      instructions: { fi: '## Ennen konsultaatiota\n\n- Kerro tilanne ilman nimiä', sv: 'Ring' },
    }),
    invalid: () => ({ instructions: { sv: 'x'.repeat(20_001) } }),
    invalidField: 'instructions.sv',
    effect: (after) =>
      expect(after).toMatchObject({
        instructions: '## Ennen konsultaatiota\n\n- Kerro tilanne ilman nimiä',
        instructionsSv: 'Ring',
      }),
  },
  {
    mutation: 'setLineKeywords',
    kind: 'LINE',
    target: lineTarget,
    document: lineDocument(
      'setLineKeywords',
      ', $keywords: LineKeywordsInput!',
      ', keywords: $keywords',
    ),
    valid: () => ({
      keywords: {
        fi: ['testiväkivalta', 'Testiväkivalta', 'koeuhka'],
        sv: ['testvåld'],
        en: ['test violence'],
      },
    }),
    invalid: () => ({ keywords: { fi: [], sv: [], en: [] } }),
    invalidField: 'keywords.fi',
    effect: (after) =>
      expect(after).toMatchObject({
        keywords: ['testiväkivalta', 'koeuhka', 'testvåld', 'test violence'],
        keywordsFi: ['testiväkivalta', 'koeuhka'],
        keywordsSv: ['testvåld'],
      }),
  },
  {
    mutation: 'retireLine',
    kind: 'LINE',
    target: lineTarget,
    document: lineDocument('retireLine', '', ''),
    valid: () => ({}),
    invalid: () => ({ code: 'linja' }),
    invalidField: 'code',
    effect: (after) => expect(after.retired).toBe(true),
  },
  {
    mutation: 'addStationToLine',
    kind: 'LINE',
    target: lineTarget,
    document: lineDocument(
      'addStationToLine',
      ', $stationId: ID!, $position: Int',
      ', stationId: $stationId, position: $position',
    ),
    valid: () => ({ stationId: offLine, position: 2 }),
    invalid: () => ({ stationId: offLine, position: 0 }),
    invalidField: 'position',
    effect: (after, before) => {
      const ids = (after.stations as Array<{ id: string }>).map((s) => s.id);
      const old = (before.stations as Array<{ id: string }>).map((s) => s.id);
      expect(ids).toEqual([old[0], offLine, ...old.slice(1)]);
    },
  },
  {
    mutation: 'removeStationFromLine',
    kind: 'LINE',
    target: lineTarget,
    document: lineDocument('removeStationFromLine', ', $stationId: ID!', ', stationId: $stationId'),
    valid: () => ({ stationId: onLine[2] }),
    invalid: () => ({ stationId: '' }),
    invalidField: 'stationId',
    effect: (after) =>
      expect((after.stations as Array<{ id: string }>).map((s) => s.id)).not.toContain(onLine[2]),
  },
  {
    mutation: 'reorderLineStations',
    kind: 'LINE',
    target: lineTarget,
    document: lineDocument(
      'reorderLineStations',
      ', $stationIds: [ID!]!',
      ', stationIds: $stationIds',
    ),
    valid: async () => {
      const line = await lineState(LINE);
      return { stationIds: (line!.stations as Array<{ id: string }>).map((s) => s.id).reverse() };
    },
    invalid: () => ({ stationIds: [onLine[0], onLine[0]] }),
    invalidField: 'stationIds',
    effect: (after, before) =>
      expect(after.stations).toEqual([...(before.stations as unknown[])].reverse()),
  },
  {
    mutation: 'setLineCoordinator',
    kind: 'LINE',
    target: lineTarget,
    document: lineDocument(
      'setLineCoordinator',
      ', $stationId: ID!, $coordinator: Boolean!',
      ', stationId: $stationId, coordinator: $coordinator',
    ),
    valid: () => ({ stationId: onLine[1], coordinator: true }),
    invalid: () => ({ stationId: offLine, coordinator: true }),
    invalidField: 'stationId',
    effect: (after) => expect(after.coordinators).toEqual([{ id: onLine[1] }]),
  },
  {
    mutation: 'updateExpert',
    kind: 'STATION',
    target: () => newExpert(LINE, 'Päivitettävä Asiantuntija'),
    document: stationDocument(
      'updateExpert',
      ', $changes: ExpertChangesInput!',
      ', changes: $changes',
    ),
    valid: () => ({
      changes: {
        title: 'Johtava psykologi',
        languages: ['fi', 'ar'],
        awayUntil: '2031-01-31',
        regionCodes: ['837', '536'],
        channels: ['CHAT'],
        otShare: 0.5,
        serviceLevel: 'NATIONAL',
        methodIds: [],
        email: 'uusi.osoite@example.fi',
      },
    }),
    invalid: () => ({ changes: { otShare: 1.5, languages: ['suomi'] } }),
    invalidField: 'changes.languages.0',
    alsoForbidden: () => [expertSelf],
    effect: (after) =>
      expect(after).toMatchObject({
        title: 'Johtava psykologi',
        languages: ['fi', 'ar'],
        awayUntil: '2031-01-31',
        regions: [{ code: '536' }, { code: '837' }],
        channels: ['CHAT'],
        otShare: 0.5,
        serviceLevel: 'NATIONAL',
        methods: [],
        contact: { email: 'uusi.osoite@example.fi', phone: '+358 40 123 4567' },
      }),
  },
  {
    mutation: 'updateUnit',
    kind: 'STATION',
    target: () => newUnit(LINE),
    document: stationDocument('updateUnit', ', $changes: UnitChangesInput!', ', changes: $changes'),
    valid: () => ({ changes: { description: 'Moniammatillinen työryhmä', phone: '03 311 611' } }),
    invalid: () => ({ changes: { email: 'ei-osoite' } }),
    invalidField: 'changes.email',
    effect: (after) =>
      expect(after).toMatchObject({
        description: 'Moniammatillinen työryhmä',
        contact: { phone: '03 311 611' },
      }),
  },
  {
    mutation: 'pinStation',
    kind: 'STATION',
    target: () => newExpert(LINE, 'Kiinnitettävä Asema'),
    document: stationDocument(
      'pinStation',
      ', $position: MapPositionInput',
      ', position: $position',
    ),
    valid: () => ({ position: { x: 6000, y: 6060 } }),
    invalid: () => ({ position: { x: 1e9, y: 0 } }),
    invalidField: 'position.x',
    effect: (after) => expect(after.pinnedPosition).toEqual({ x: 6000, y: 6060 }),
  },
];

describe.each(CASES)('$mutation', (editCase) => {
  let target: string;

  beforeAll(async () => {
    target = await editCase.target();
  });

  function variables(extra: Record<string, unknown>, version: number) {
    const key = editCase.kind === 'LINE' ? 'code' : 'stationId';
    return { [key]: target, expectedVersion: version, ...extra };
  }

  /** Asserts that nothing was written: same state, no audit record, same revision. */
  async function expectNothingWritten(
    attempt: () => Promise<{ errors?: GraphQLError[] }>,
    code: string,
  ): Promise<GraphQLError> {
    const before = await stateOf(editCase.kind, target);
    const [records, revision] = [await auditCount(), await readNetworkRevision(database)];
    const { errors } = await attempt();
    expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe(code);
    expect(await stateOf(editCase.kind, target)).toEqual(before);
    expect(await auditCount()).toBe(records);
    expect(await readNetworkRevision(database)).toBe(revision);
    return errors?.[0] as GraphQLError;
  }

  it('is refused to anonymous callers, who are asked to sign in', async () => {
    const state = (await stateOf(editCase.kind, target)) as State;
    const valid = await editCase.valid(target);
    const error = await expectNothingWritten(
      () => call(anonymous, editCase.document, variables(valid, state.version)),
      'UNAUTHENTICATED',
    );
    expect(error.message).toMatch(/Sign in/);
  });

  it('is refused to roles that may not make it', async () => {
    const state = (await stateOf(editCase.kind, target)) as State;
    const valid = await editCase.valid(target);
    for (const caller of [
      viewer,
      researcher,
      otherCoordinator,
      ...(editCase.alsoForbidden?.() ?? []),
    ]) {
      const error = await expectNothingWritten(
        () => call(caller.graphql, editCase.document, variables(valid, state.version)),
        'FORBIDDEN',
      );
      expect(error.message).toMatch(/You (do not coordinate|cannot change)/);
    }
  });

  it('refuses invalid input naming the field, and writes nothing', async () => {
    const state = (await stateOf(editCase.kind, target)) as State;
    const error = await expectNothingWritten(
      () =>
        call(
          (editCase.allowed?.() ?? coordinator).graphql,
          editCase.document,
          variables(editCase.invalid(target), state.version),
        ),
      'INVALID_INPUT',
    );
    expect(error.extensions?.problems?.map((problem) => problem.field)).toContain(
      editCase.invalidField,
    );
    expect(error.message).toMatch(/^[\w.]+: \S/);
  });

  it('refuses a stale version with CONFLICT carrying the current state, and writes nothing', async () => {
    const state = (await stateOf(editCase.kind, target)) as State;
    const valid = await editCase.valid(target);
    const error = await expectNothingWritten(
      () =>
        call(
          (editCase.allowed?.() ?? coordinator).graphql,
          editCase.document,
          variables(valid, state.version + 7),
        ),
      'CONFLICT',
    );
    expect(error.extensions?.current?.version).toBe(state.version);
    expect(error.message).toMatch(/Reload and make the change again/);
  });

  it('is made by the coordinator, audited with before and after, and undone', async () => {
    const caller = editCase.allowed?.() ?? coordinator;
    const before = (await stateOf(editCase.kind, target)) as State;
    const valid = await editCase.valid(target);
    const data = await ok<Record<string, { change: Record<string, unknown> }>>(
      caller.graphql,
      editCase.document,
      variables(valid, before.version),
    );
    const change = data[editCase.mutation]?.change as {
      id: string;
      action: string;
      reversible: boolean;
      before: Record<string, { version: number }>;
      after: Record<string, { version: number }>;
      entity: { kind: string; id: string };
      actor: { email: string; role: string };
    };
    const after = (await stateOf(editCase.kind, target)) as State;
    expect(after.version).toBe(before.version + 1);
    editCase.effect(after, before);
    expect(change.actor).toEqual({ email: caller.account.email, role: caller.account.role });
    expect(change.entity.kind).toBe(editCase.kind);
    expect(change.reversible).toBe(true);
    const key = `${change.entity.kind}:${change.entity.id}`;
    expect(change.before[key]?.version).toBe(before.version);
    expect(change.after[key]?.version).toBe(after.version);

    const undo = await ok<{ undoChange: { id: string; action: string; undoOf: string } }>(
      caller.graphql,
      UNDO,
      { auditId: change.id },
    );
    expect(undo.undoChange).toMatchObject({ action: 'UNDO', undoOf: change.id });
    const undone = (await stateOf(editCase.kind, target)) as State;
    expect(content(undone)).toEqual(content(before));
    expect(undone.version).toBe(before.version + 2);

    const again = await call(caller.graphql, UNDO, { auditId: change.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    expect(again.errors?.[0]?.message).toMatch(/undone already/);
  });
});
