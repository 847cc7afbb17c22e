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
    // The test accounts have no usable password hash, which a backup would refuse.
    const accountIds = [admin, coordinator, otherCoordinator, viewer, researcher, expertSelf].map(
      (member) => member.account.id,
    );
    await tx.run('MATCH (s:Session) WHERE s.accountId IN $accountIds DELETE s', { accountIds });
    await tx.run('MATCH (a:Account) WHERE a.id IN $accountIds DETACH DELETE a', { accountIds });
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
    // A layout run after an earlier edit increments the revision too: let it finish first.
    await mapLayout.settled();
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

const RENAME = lineDocument('renameLine', ', $name: LineNamesInput!', ', name: $name');

describe('createLine', () => {
  const input = {
    code: 'L93',
    name: { fi: 'Uusi testilinja', sv: null, en: 'New test line' },
    color: '#5d3a9b',
    description: { fi: 'Testikuvaus' },
  };

  it('is refused to anonymous callers and to everyone but admins, writing nothing', async () => {
    const records = await auditCount();
    expect((await call(anonymous, CREATE_LINE, input)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    for (const caller of [viewer, researcher, coordinator]) {
      const { errors } = await call(caller.graphql, CREATE_LINE, input);
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(errors?.[0]?.message).toMatch(/Only an admin can create a line/);
    }
    expect(await lineState('L93')).toBeNull();
    expect(await auditCount()).toBe(records);
  });

  it('refuses a taken code, a colour outside the palette and a colour another line has', async () => {
    for (const [variables, field, message] of [
      [{ ...input, code: 'L3' }, 'code', /there is already a line L3/],
      [{ ...input, color: '#777777' }, 'color', /not in the line palette/],
      [{ ...input, color: '#004488' }, 'color', /line L91 already has #004488/],
      [{ ...input, name: { fi: '' } }, 'name.fi', /write the Finnish name/],
    ] as const) {
      const { errors } = await call(admin.graphql, CREATE_LINE, variables);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field });
      expect(errors?.[0]?.message).toMatch(message);
    }
    expect(await lineState('L93')).toBeNull();
  });

  it('creates the line for an admin, audited, and undo removes it', async () => {
    const data = await ok<{
      createLine: { line: State; change: { id: string; before: unknown; after: unknown } };
    }>(admin.graphql, CREATE_LINE, input);
    expect(data.createLine.line).toEqual({
      code: 'L93',
      version: 1,
      color: '#5d3a9b',
      stations: [],
    });
    expect(data.createLine.change.before).toEqual({ 'LINE:line-L93': null });
    expect(data.createLine.change.after).toMatchObject({
      'LINE:line-L93': { code: 'L93', nameFi: 'Uusi testilinja', descriptionFi: 'Testikuvaus' },
    });
    const { lines } = await ok<{ lines: Array<{ code: string }> }>(anonymous, '{ lines { code } }');
    expect(lines.map((line) => line.code)).toContain('L93');

    await ok(admin.graphql, UNDO, { auditId: data.createLine.change.id });
    expect(await lineState('L93')).toBeNull();
  });

  it('gives the line editor each text as written, where the reading fields fall back to Finnish', async () => {
    const data = await ok<{ createLine: { change: { id: string } } }>(
      admin.graphql,
      CREATE_LINE,
      input,
    );
    const { line } = await ok<{ line: Record<string, string | null> }>(
      anonymous,
      `{ line(code: "L93") {
          nameSv: name(lang: SV) ownNameSv: nameIn(lang: SV) ownNameEn: nameIn(lang: EN)
          descriptionEn: description(lang: EN) ownDescriptionEn: descriptionIn(lang: EN)
          ownDescriptionFi: descriptionIn(lang: FI) ownInstructionsFi: instructionsIn(lang: FI) } }`,
    );
    expect(line).toEqual({
      nameSv: 'Uusi testilinja',
      ownNameSv: null,
      ownNameEn: 'New test line',
      descriptionEn: 'Testikuvaus',
      ownDescriptionEn: null,
      ownDescriptionFi: 'Testikuvaus',
      ownInstructionsFi: null,
    });
    await ok(admin.graphql, UNDO, { auditId: data.createLine.change.id });
  });
});

describe('createExpert and createUnit', () => {
  it('are refused to anonymous callers, viewers and researchers, and on lines the coordinator does not coordinate', async () => {
    expect(
      (await call(anonymous, CREATE_EXPERT, { input: EXPERT_INPUT, lineCode: LINE })).errors?.[0]
        ?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    for (const caller of [viewer, researcher]) {
      const { errors } = await call(caller.graphql, CREATE_UNIT, {
        input: { name: 'Kielletty yksikkö', regionCodes: ['837'], channels: ['PHONE'] },
        lineCode: LINE,
      });
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const elsewhere = await call(coordinator.graphql, CREATE_EXPERT, {
      input: EXPERT_INPUT,
      lineCode: OTHER_LINE,
    });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('ask a coordinator for the line, and name every invalid field', async () => {
    const noLine = await call(coordinator.graphql, CREATE_EXPERT, { input: EXPERT_INPUT });
    expect(noLine.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'lineCode',
    });
    const invalid = await call(coordinator.graphql, CREATE_EXPERT, {
      input: { ...EXPERT_INPUT, otShare: 2, email: 'kuka@', awayUntil: '2031-02-30' },
      lineCode: LINE,
    });
    expect(invalid.errors?.[0]?.extensions?.problems?.map((problem) => problem.field)).toEqual([
      'input.otShare',
      'input.awayUntil',
      'input.email',
    ]);
    const unknownRegion = await call(coordinator.graphql, CREATE_EXPERT, {
      input: { ...EXPERT_INPUT, regionCodes: ['999999'] },
      lineCode: LINE,
    });
    expect(unknownRegion.errors?.[0]?.extensions?.field).toBe('input.regionCodes');
    expect(unknownRegion.errors?.[0]?.message).toMatch(/no region 999999/);
  });

  it('create a station on the coordinator’s line at the position asked, audited, and undo removes it', async () => {
    const before = (await lineState(LINE)) as State;
    const data = await ok<{
      createExpert: { station: { id: string; version: number }; change: { id: string } };
    }>(coordinator.graphql, CREATE_EXPERT, {
      input: { ...EXPERT_INPUT, name: 'Koordinaattorin Uusi' },
      lineCode: LINE,
      position: 1,
    });
    const { id } = data.createExpert.station;
    createdStations.add(id);
    const line = (await lineState(LINE)) as State;
    expect((line.stations as Array<{ id: string }>)[0]).toEqual({ id });
    expect(line.version).toBe(before.version + 1);
    expect(await stationState(id)).toMatchObject({
      name: 'Koordinaattorin Uusi',
      version: 1,
      organisation: { id: 'org-tays' },
      methods: [{ id: 'method-ipc' }],
      lines: [{ code: LINE }],
    });
    const trail = await ok<{ auditTrail: { nodes: Array<{ id: string }> } }>(
      viewer.graphql,
      'query($id: ID!) { auditTrail(stationId: $id, first: 1) { nodes { id } } }',
      { id },
    );
    expect(trail.auditTrail.nodes[0]?.id).toBe(data.createExpert.change.id);

    await ok(coordinator.graphql, UNDO, { auditId: data.createExpert.change.id });
    expect(await stationState(id)).toBeNull();
    expect(content(await lineState(LINE))).toEqual(content(before));
  });

  it('create a unit for an admin without a line', async () => {
    const data = await ok<{ createUnit: { station: { id: string; lines: unknown[] } } }>(
      admin.graphql,
      CREATE_UNIT,
      { input: { name: 'Irrallinen yksikkö', regionCodes: ['837'], channels: ['ON_SITE'] } },
    );
    createdStations.add(data.createUnit.station.id);
    expect(data.createUnit.station.lines).toEqual([]);
    expect(await stationState(data.createUnit.station.id)).toMatchObject({
      name: 'Irrallinen yksikkö',
      channels: ['ON_SITE'],
    });
  });
});

const UPDATE_EXPERT = stationDocument(
  'updateExpert',
  ', $changes: ExpertChangesInput!',
  ', changes: $changes',
);
const PIN = stationDocument('pinStation', ', $position: MapPositionInput', ', position: $position');

describe('an expert and their own card', () => {
  it('may correct their own card and availability, which counts as verified today', async () => {
    const before = (await stationState(ownExpertId)) as State;
    const data = await ok<{ updateExpert: { station: State } }>(expertSelf.graphql, UPDATE_EXPERT, {
      stationId: ownExpertId,
      expectedVersion: before.version,
      changes: { awayUntil: '2031-06-30', phone: '+358 50 765 4321' },
    });
    expect(data.updateExpert.station.version).toBe(before.version + 1);
    const after = (await stationState(ownExpertId)) as State;
    expect(after).toMatchObject({
      awayUntil: '2031-06-30',
      contact: { phone: '+358 50 765 4321' },
    });
    expect(after.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('may not pin their station on the map or put it on a line', async () => {
    const station = (await stationState(ownExpertId)) as State;
    const pin = await call(expertSelf.graphql, PIN, {
      stationId: ownExpertId,
      expectedVersion: station.version,
      position: { x: 0, y: 0 },
    });
    expect(pin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const line = (await lineState(OTHER_LINE)) as State;
    const add = await call(
      expertSelf.graphql,
      lineDocument('addStationToLine', ', $stationId: ID!', ', stationId: $stationId'),
      { code: OTHER_LINE, expectedVersion: line.version, stationId: ownExpertId },
    );
    expect(add.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

const MERGE = /* GraphQL */ `
  mutation Merge($keepId: ID!, $keepVersion: Int!, $removeId: ID!, $removeVersion: Int!) {
    mergeStations(keepId: $keepId, keepVersion: $keepVersion, removeId: $removeId, removeVersion: $removeVersion) {
      station { id version lines { code } }
      ${CHANGE_FIELDS}
    }
  }`;

describe('mergeStations', () => {
  let keepId: string;
  let removeId: string;

  beforeAll(async () => {
    keepId = await newExpert(LINE, 'Tuplattu Henkilö');
    removeId = await newExpert(OTHER_LINE, 'Tuplattu Henkilo');
    // The duplicate has history of its own, and is on L91 too.
    const duplicate = (await stationState(removeId)) as State;
    await ok(admin.graphql, UPDATE_EXPERT, {
      stationId: removeId,
      expectedVersion: duplicate.version,
      changes: { languages: ['fi', 'so'], regionCodes: ['091'] },
    });
    const line = (await lineState(LINE)) as State;
    await ok(
      admin.graphql,
      lineDocument('addStationToLine', ', $stationId: ID!', ', stationId: $stationId'),
      { code: LINE, expectedVersion: line.version, stationId: removeId },
    );
  });

  async function versions() {
    return {
      keepId,
      removeId,
      keepVersion: ((await stationState(keepId)) as State).version,
      removeVersion: ((await stationState(removeId)) as State).version,
    };
  }

  it('is refused to anonymous callers, to a coordinator of only one of the lines, and on stale versions', async () => {
    const current = await versions();
    const records = await auditCount();
    expect((await call(anonymous, MERGE, current)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    for (const caller of [viewer, coordinator, otherCoordinator]) {
      expect((await call(caller.graphql, MERGE, current)).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
    }
    const stale = await call(admin.graphql, MERGE, {
      ...current,
      removeVersion: current.removeVersion - 1,
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.current?.version).toBe(current.removeVersion);
    const same = await call(admin.graphql, MERGE, { ...current, removeId: keepId });
    expect(same.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'removeId',
    });
    expect(await auditCount()).toBe(records);
    expect(await stationState(removeId)).not.toBeNull();
  });

  it('moves lines, relations and audit history to the kept station, and undo brings the duplicate back', async () => {
    const beforeKept = await stationState(keepId);
    const beforeRemoved = await stationState(removeId);
    const beforeLines = [await lineState(LINE), await lineState(OTHER_LINE)];
    const data = await ok<{ mergeStations: { change: { id: string; subjects: unknown[] } } }>(
      admin.graphql,
      MERGE,
      await versions(),
    );
    expect(await stationState(removeId)).toBeNull();
    const kept = (await stationState(keepId)) as State;
    expect(kept).toMatchObject({
      lines: [{ code: LINE }, { code: OTHER_LINE }],
      languages: ['fi', 'so', 'sv'],
      regions: expect.arrayContaining([{ code: '091' }, { code: '837' }]),
    });
    const l91 = ((await lineState(LINE)) as State).stations as Array<{ id: string }>;
    expect(l91.filter((stop) => stop.id === keepId)).toHaveLength(1);
    const trail = await ok<{ auditTrail: { nodes: Array<{ action: string }> } }>(
      viewer.graphql,
      'query($id: ID!) { auditTrail(stationId: $id, first: 20) { nodes { action } } }',
      { id: keepId },
    );
    expect(trail.auditTrail.nodes.map((node) => node.action)).toEqual(
      expect.arrayContaining(['STATION_MERGE', 'STATION_UPDATE_EXPERT', 'LINE_ADD_STATION']),
    );

    await ok(admin.graphql, UNDO, { auditId: data.mergeStations.change.id });
    expect(content(await stationState(keepId))).toEqual(content(beforeKept));
    expect(content(await stationState(removeId))).toEqual(content(beforeRemoved));
    expect(content(await lineState(LINE))).toEqual(content(beforeLines[0] as State));
    expect(content(await lineState(OTHER_LINE))).toEqual(content(beforeLines[1] as State));
  });
});

describe('concurrent edits and undo conflicts', () => {
  it('lets one of two concurrent edits of a line win and gives the other CONFLICT; nothing is lost', async () => {
    const before = (await lineState(LINE)) as State;
    const records = await auditCount();
    const names = ['Ensimmäinen nimi', 'Toinen nimi'];
    const results = await Promise.all(
      names.map((fi) =>
        call<{ renameLine: { line: State } }>(coordinator.graphql, RENAME, {
          code: LINE,
          expectedVersion: before.version,
          name: { fi },
        }),
      ),
    );
    const won = results.filter((result) => !result.errors);
    const lost = results.filter((result) => result.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const winner = names[results.indexOf(won[0] as (typeof results)[0])];
    const after = (await lineState(LINE)) as State;
    expect(after).toMatchObject({ name: winner, version: before.version + 1 });
    expect(lost[0]?.errors?.[0]?.extensions?.current).toMatchObject({
      nameFi: winner,
      version: before.version + 1,
    });
    expect(await auditCount()).toBe(records + 1);
    // The loser reloads and makes the change again on the new version.
    await ok(coordinator.graphql, RENAME, {
      code: LINE,
      expectedVersion: after.version,
      name: { fi: `Testilinja ${LINE}`, sv: `Testlinje ${LINE}`, en: `Test line ${LINE}` },
    });
  });

  it('refuses to undo a change when the entity changed since, and writes nothing', async () => {
    const line = (await lineState(LINE)) as State;
    const first = await ok<{ describeLine: { change: { id: string } } }>(
      coordinator.graphql,
      lineDocument(
        'describeLine',
        ', $description: LineTextsInput!',
        ', description: $description',
      ),
      { code: LINE, expectedVersion: line.version, description: { fi: 'Ensin' } },
    );
    await ok(coordinator.graphql, RENAME, {
      code: LINE,
      expectedVersion: line.version + 1,
      name: { fi: 'Sitten nimi' },
    });
    const records = await auditCount();
    const { errors } = await call(coordinator.graphql, UNDO, {
      auditId: first.describeLine.change.id,
    });
    expect(errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(errors?.[0]?.extensions?.current?.version).toBe(line.version + 2);
    expect(await auditCount()).toBe(records);
    expect(await lineState(LINE)).toMatchObject({ description: 'Ensin', name: 'Sitten nimi' });
  });

  it('refuses to undo for a caller who may not edit what the change touched', async () => {
    const line = (await lineState(LINE)) as State;
    const change = await ok<{ renameLine: { change: { id: string } } }>(
      coordinator.graphql,
      RENAME,
      {
        code: LINE,
        expectedVersion: line.version,
        name: { fi: `Testilinja ${LINE}`, sv: `Testlinje ${LINE}`, en: `Test line ${LINE}` },
      },
    );
    for (const caller of [viewer, otherCoordinator]) {
      const { errors } = await call(caller.graphql, UNDO, { auditId: change.renameLine.change.id });
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      (await call(anonymous, UNDO, { auditId: change.renameLine.change.id })).errors?.[0]
        ?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });
});

const NETWORK_MAP = /* GraphQL */ `{ networkMap { stations { id x y } lines { code } } }`;

describe('pinned positions and re-layout', () => {
  it('keeps a pinned station where the coordinator put it when the network changes', async () => {
    const stationId = onLine[0] as string;
    const station = (await stationState(stationId)) as State;
    await ok(coordinator.graphql, PIN, {
      stationId,
      expectedVersion: station.version,
      position: { x: 7200, y: 7260 },
    });
    await mapLayout.settled();
    const pinned = await ok<{
      networkMap: { stations: Array<{ id: string; x: number; y: number }> };
    }>(anonymous, NETWORK_MAP);
    expect(pinned.networkMap.stations.find((s) => s.id === stationId)).toMatchObject({
      x: 7200,
      y: 7260,
    });

    // A change of the network (a new station on the line) lays the map out again.
    const newcomer = await newExpert(null, 'Myöhemmin Tullut');
    const line = (await lineState(LINE)) as State;
    await ok(
      coordinator.graphql,
      lineDocument('addStationToLine', ', $stationId: ID!', ', stationId: $stationId'),
      { code: LINE, expectedVersion: line.version, stationId: newcomer },
    );
    await mapLayout.settled();
    const relaid = await ok<{
      networkMap: { stations: Array<{ id: string; x: number; y: number }> };
    }>(anonymous, NETWORK_MAP);
    const placed = relaid.networkMap.stations.find((s) => s.id === newcomer);
    expect(placed).toBeDefined();
    expect(Number.isFinite(placed?.x)).toBe(true);
    expect(relaid.networkMap.stations.find((s) => s.id === stationId)).toMatchObject({
      x: 7200,
      y: 7260,
    });
  });

  it('leaves a retired line off the map and the line list; undo brings it back', async () => {
    const line = (await lineState(OTHER_LINE)) as State;
    const retired = await ok<{ retireLine: { change: { id: string } } }>(
      admin.graphql,
      lineDocument('retireLine', '', ''),
      { code: OTHER_LINE, expectedVersion: line.version },
    );
    await mapLayout.settled();
    const map = await ok<{ networkMap: { lines: Array<{ code: string }> } }>(
      anonymous,
      NETWORK_MAP,
    );
    expect(map.networkMap.lines.map((l) => l.code)).not.toContain(OTHER_LINE);
    await ok(admin.graphql, UNDO, { auditId: retired.retireLine.change.id });
    const back = await ok<{ lines: Array<{ code: string }> }>(anonymous, '{ lines { code } }');
    expect(back.lines.map((l) => l.code)).toContain(OTHER_LINE);
  });
});
