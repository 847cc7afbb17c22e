/**
 * GraphQL mutations of the coordination team: every one goes through the edit engine
 * (edit-engine.ts), so each is refused to anonymous callers (UNAUTHENTICATED), checked by role
 * (FORBIDDEN), validated (INVALID_INPUT naming the fields), version-checked (CONFLICT with the
 * current state) and audited in the transaction that makes it.
 */
import type { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import type { RequestContext } from '../../graphql/context.ts';
import type { InputProblem } from '../../graphql/errors.ts';
import { subjectKey } from '../audit/audit.repository.ts';
import { AuditEntryRef } from '../audit/audit.schema.ts';
import type { AuditEntry } from '../audit/audit.types.ts';
import { LineRef } from '../lines/line.schema.ts';
import type { LineNode } from '../lines/line.types.ts';
import { ChannelEnum, ServiceLevelEnum, StationRef } from '../stations/station.schema.ts';
import type { StationNode } from '../stations/station.types.ts';
import { type EditOptions, runEdit } from './edit-engine.ts';
import type { EditCommand, EditResult, LineSnapshot } from './editing.types.ts';
import {
  addStationToLine,
  createLine,
  describeLine,
  recolourLine,
  removeStationFromLine,
  renameLine,
  reorderLineStations,
  retireLine,
  setLineCoordinator,
  setLineInstructions,
  setLineKeywords,
} from './line-edits.ts';
import { importStaffList, type StaffImportPreview, type StaffImportRow } from './staff-import.ts';
import {
  createExpert,
  createUnit,
  mergeStations,
  pinStation,
  updateExpert,
  updateUnit,
} from './station-edits.ts';
import { undoChange } from './undo-edit.ts';

interface LineEdited {
  code: string;
  auditId: string;
}

interface StationEdited {
  stationId: string;
  auditId: string;
}

async function auditEntry(context: RequestContext, auditId: string): Promise<AuditEntry> {
  const entry = await context.repositories.audit.findById(auditId);
  if (!entry) {
    throw new Error(`The audit record ${auditId} of a committed edit is missing`);
  }
  return entry;
}

const LineEditResultRef = builder.objectRef<LineEdited>('LineEditResult');

LineEditResultRef.implement({
  description: 'A line after an edit, and the audited change.',
  fields: (t) => ({
    line: t.field({
      type: LineRef,
      description: 'The line as it is now (`version` is the one to pass to the next edit).',
      resolve: async ({ code }, _args, context) =>
        (await context.repositories.lines.findByCode(code)) as LineNode,
    }),
    change: t.field({
      type: AuditEntryRef,
      description: 'The audit record of the change; pass its id to `undoChange` to undo it.',
      resolve: ({ auditId }, _args, context) => auditEntry(context, auditId),
    }),
  }),
});

const StationEditResultRef = builder.objectRef<StationEdited>('StationEditResult');

StationEditResultRef.implement({
  description: 'A station after an edit, and the audited change.',
  fields: (t) => ({
    station: t.field({
      type: StationRef,
      description: 'The station as it is now (`version` is the one to pass to the next edit).',
      resolve: async ({ stationId }, _args, context) =>
        (await context.repositories.stations.findByIds([stationId])).get(stationId) as StationNode,
    }),
    change: t.field({
      type: AuditEntryRef,
      description: 'The audit record of the change; pass its id to `undoChange` to undo it.',
      resolve: ({ auditId }, _args, context) => auditEntry(context, auditId),
    }),
  }),
});

/** GraphQL IDs arrive as strings or numbers; the engine's schemas take strings. */
function idText(value: string | number | null | undefined): string | null | undefined {
  return value === null || value === undefined ? value : String(value);
}

async function lineEdited<S extends z.ZodType>(
  context: RequestContext,
  command: EditCommand<S>,
  input: unknown,
): Promise<LineEdited> {
  const result = await runEdit(context, command, input);
  const line = result.after[subjectKey(result.entity)] as LineSnapshot;
  return { code: line.code, auditId: result.auditId as string };
}

async function stationEdited<S extends z.ZodType>(
  context: RequestContext,
  command: EditCommand<S>,
  input: unknown,
  options: EditOptions = {},
): Promise<StationEdited> {
  const result: EditResult = await runEdit(context, command, input, options);
  return { stationId: result.entity.id, auditId: result.auditId as string };
}

const LineNamesInput = builder.inputType('LineNamesInput', {
  description: 'Names of a line: Finnish required, Swedish and English shown when given.',
  fields: (t) => ({
    fi: t.string({ required: true, description: 'Finnish name, 2-120 characters.' }),
    sv: t.string({ description: 'Swedish name.' }),
    en: t.string({ description: 'English name.' }),
  }),
});

const LineTextsInput = builder.inputType('LineTextsInput', {
  description: 'A text in Finnish, Swedish and English; empty or missing means none.',
  fields: (t) => ({
    fi: t.string({ description: 'Finnish.' }),
    sv: t.string({ description: 'Swedish.' }),
    en: t.string({ description: 'English.' }),
  }),
});

const LineKeywordsInput = builder.inputType('LineKeywordsInput', {
  description:
    'The terms that route a case description to a line, per language: keywords, their synonyms and the inflected forms workers write (kunniaväkivalta, kunniaan liittyvä väkivalta).',
  fields: (t) => ({
    fi: t.stringList({ required: true, description: 'Finnish terms; at least one.' }),
    sv: t.stringList({ required: true, description: 'Swedish terms.' }),
    en: t.stringList({ required: true, description: 'English terms.' }),
  }),
});

const expertFieldDocs = {
  name: 'Full name.',
  title: 'Job title and speciality.',
  organisationId: 'Employer or host organisation (id).',
  languages: 'ISO 639-1 codes, plus fse for Finnish Sign Language.',
  regionCodes: 'Regions served: municipality codes (837), county or area codes.',
  otShare: 'Share of working time given to OT work, 0-1.',
  methodIds: 'Evidence-based methods the expert is trained in (ids).',
  awayUntil: 'ISO date (YYYY-MM-DD) the expert is back; null when at work.',
  email: 'Work e-mail.',
  phone: 'Work phone.',
  publicCard: 'Show contact details to anonymous users too.',
  serviceLevel: 'Service level the expert works at.',
  channels: 'Consultation channels offered; at least one.',
};

const ExpertInput = builder.inputType('ExpertInput', {
  description: 'A new expert card.',
  fields: (t) => ({
    name: t.string({ required: true, description: expertFieldDocs.name }),
    title: t.string({ required: true, description: expertFieldDocs.title }),
    organisationId: t.id({ description: expertFieldDocs.organisationId }),
    serviceLevel: t.field({
      type: ServiceLevelEnum,
      required: true,
      description: expertFieldDocs.serviceLevel,
    }),
    languages: t.stringList({ required: true, description: expertFieldDocs.languages }),
    regionCodes: t.stringList({ required: true, description: expertFieldDocs.regionCodes }),
    channels: t.field({
      type: [ChannelEnum],
      required: true,
      description: expertFieldDocs.channels,
    }),
    otShare: t.float({ required: true, description: expertFieldDocs.otShare }),
    methodIds: t.idList({ description: expertFieldDocs.methodIds }),
    awayUntil: t.string({ description: expertFieldDocs.awayUntil }),
    email: t.string({ description: expertFieldDocs.email }),
    phone: t.string({ description: expertFieldDocs.phone }),
    publicCard: t.boolean({ description: expertFieldDocs.publicCard }),
  }),
});

const ExpertChangesInput = builder.inputType('ExpertChangesInput', {
  description:
    'Changes to an expert card: only the fields given change (awayUntil: null = back at work).',
  fields: (t) => ({
    name: t.string({ description: expertFieldDocs.name }),
    title: t.string({ description: expertFieldDocs.title }),
    organisationId: t.id({ description: expertFieldDocs.organisationId }),
    serviceLevel: t.field({ type: ServiceLevelEnum, description: expertFieldDocs.serviceLevel }),
    languages: t.stringList({ description: expertFieldDocs.languages }),
    regionCodes: t.stringList({ description: expertFieldDocs.regionCodes }),
    channels: t.field({ type: [ChannelEnum], description: expertFieldDocs.channels }),
    otShare: t.float({ description: expertFieldDocs.otShare }),
    methodIds: t.idList({ description: expertFieldDocs.methodIds }),
    awayUntil: t.string({ description: expertFieldDocs.awayUntil }),
    email: t.string({ description: expertFieldDocs.email }),
    phone: t.string({ description: expertFieldDocs.phone }),
    publicCard: t.boolean({ description: expertFieldDocs.publicCard }),
  }),
});

const UnitInput = builder.inputType('UnitInput', {
  description: 'A new fixed unit or team.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name of the unit.' }),
    description: t.string({ description: 'What the unit does.' }),
    organisationId: t.id({ description: 'Host organisation (id).' }),
    regionCodes: t.stringList({ required: true, description: expertFieldDocs.regionCodes }),
    channels: t.field({
      type: [ChannelEnum],
      required: true,
      description: expertFieldDocs.channels,
    }),
    email: t.string({ description: 'Contact e-mail.' }),
    phone: t.string({ description: 'Contact phone.' }),
  }),
});

const UnitChangesInput = builder.inputType('UnitChangesInput', {
  description: 'Changes to a unit: only the fields given change.',
  fields: (t) => ({
    name: t.string({ description: 'Name of the unit.' }),
    description: t.string({ description: 'What the unit does.' }),
    organisationId: t.id({ description: 'Host organisation (id).' }),
    regionCodes: t.stringList({ description: expertFieldDocs.regionCodes }),
    channels: t.field({ type: [ChannelEnum], description: expertFieldDocs.channels }),
    email: t.string({ description: 'Contact e-mail.' }),
    phone: t.string({ description: 'Contact phone.' }),
  }),
});

const MapPositionInput = builder.inputType('MapPositionInput', {
  description: 'A position on the metro map, in map units (multiples of 60 sit on the grid).',
  fields: (t) => ({
    x: t.float({ required: true, description: 'Horizontal position.' }),
    y: t.float({ required: true, description: 'Vertical position.' }),
  }),
});

/** Plain objects of GraphQL input values (Pothos gives null-prototype objects). */
function plain<T>(value: T): T {
  return value === null || value === undefined ? value : JSON.parse(JSON.stringify(value));
}

builder.mutationFields((t) => {
  const code = () => t.arg.string({ required: true, description: 'Line code, e.g. L8.' });
  const expectedVersion = () =>
    t.arg.int({
      required: true,
      description: 'The `version` you loaded; a newer one makes the edit a CONFLICT.',
    });
  const stationIdArg = () => t.arg.id({ required: true, description: 'Station id.' });
  const lineResult = (description: string) => ({ type: LineEditResultRef, description });
  const stationResult = (description: string) => ({ type: StationEditResultRef, description });

  return {
    createLine: t.field({
      ...lineResult('Creates a line. Admins only.'),
      args: {
        code: code(),
        name: t.arg({ type: LineNamesInput, required: true }),
        color: t.arg.string({ required: true, description: 'A colour of the line palette.' }),
        description: t.arg({ type: LineTextsInput }),
      },
      resolve: (_root, args, context) => lineEdited(context, createLine, plain(args)),
    }),
    renameLine: t.field({
      ...lineResult('Renames a line in Finnish, Swedish and English.'),
      args: {
        code: code(),
        expectedVersion: expectedVersion(),
        name: t.arg({ type: LineNamesInput, required: true }),
      },
      resolve: (_root, args, context) => lineEdited(context, renameLine, plain(args)),
    }),
    recolourLine: t.field({
      ...lineResult(
        'Gives a line another colour of the colour-blind-aware palette; the colour must keep 3:1 contrast on the map and not be used by another active line.',
      ),
      args: {
        code: code(),
        expectedVersion: expectedVersion(),
        color: t.arg.string({ required: true, description: '#rrggbb from the line palette.' }),
      },
      resolve: (_root, args, context) => lineEdited(context, recolourLine, plain(args)),
    }),
    describeLine: t.field({
      ...lineResult('Sets the short description of a line.'),
      args: {
        code: code(),
        expectedVersion: expectedVersion(),
        description: t.arg({ type: LineTextsInput, required: true }),
      },
      resolve: (_root, args, context) => lineEdited(context, describeLine, plain(args)),
    }),
    setLineInstructions: t.field({
      ...lineResult(
        'Sets the consultation instructions of a line (Markdown; sanitised when shown).',
      ),
      args: {
        code: code(),
        expectedVersion: expectedVersion(),
        instructions: t.arg({ type: LineTextsInput, required: true }),
      },
      resolve: (_root, args, context) => lineEdited(context, setLineInstructions, plain(args)),
    }),
    setLineKeywords: t.field({
      ...lineResult('Sets the terms, per language, that route case descriptions to the line.'),
      args: {
        code: code(),
        expectedVersion: expectedVersion(),
        keywords: t.arg({ type: LineKeywordsInput, required: true }),
      },
      resolve: (_root, args, context) => lineEdited(context, setLineKeywords, plain(args)),
    }),
    retireLine: t.field({
      ...lineResult('Retires a line: it leaves the map and routing; undo brings it back.'),
      args: { code: code(), expectedVersion: expectedVersion() },
      resolve: (_root, args, context) => lineEdited(context, retireLine, plain(args)),
    }),
    addStationToLine: t.field({
      ...lineResult('Puts a station on a line at a position (default: last).'),
      args: {
        code: code(),
        expectedVersion: expectedVersion(),
        stationId: stationIdArg(),
        position: t.arg.int({ description: '1-based position along the line.' }),
      },
      resolve: (_root, args, context) =>
        lineEdited(context, addStationToLine, { ...args, stationId: idText(args.stationId) }),
    }),
    removeStationFromLine: t.field({
      ...lineResult('Takes a station off a line (the station itself stays).'),
      args: { code: code(), expectedVersion: expectedVersion(), stationId: stationIdArg() },
      resolve: (_root, args, context) =>
        lineEdited(context, removeStationFromLine, { ...args, stationId: idText(args.stationId) }),
    }),
    reorderLineStations: t.field({
      ...lineResult('Puts the stations of a line in a new order: list every station once.'),
      args: {
        code: code(),
        expectedVersion: expectedVersion(),
        stationIds: t.arg.idList({ required: true, description: 'The stations in the new order.' }),
      },
      resolve: (_root, args, context) =>
        lineEdited(context, reorderLineStations, {
          ...args,
          stationIds: args.stationIds.map((id) => String(id)),
        }),
    }),
    setLineCoordinator: t.field({
      ...lineResult(
        'Marks an expert on a line as its coordinating responsible worker (koordinoiva vastuutyöntekijä), or unmarks them.',
      ),
      args: {
        code: code(),
        expectedVersion: expectedVersion(),
        stationId: stationIdArg(),
        coordinator: t.arg.boolean({ required: true }),
      },
      resolve: (_root, args, context) =>
        lineEdited(context, setLineCoordinator, { ...args, stationId: idText(args.stationId) }),
    }),
    createExpert: t.field({
      ...stationResult(
        'Creates an expert card, put on a line at a position when `lineCode` is given. Coordinators must give one of their lines.',
      ),
      args: {
        input: t.arg({ type: ExpertInput, required: true }),
        lineCode: t.arg.string({ description: 'A line the new expert joins.' }),
        position: t.arg.int({ description: 'Position on that line (default: last).' }),
      },
      resolve: (_root, args, context) => stationEdited(context, createExpert, plain(args)),
    }),
    updateExpert: t.field({
      ...stationResult(
        'Changes an expert card; only the fields given change. Experts may correct their own card and availability. The card counts as verified today.',
      ),
      args: {
        stationId: stationIdArg(),
        expectedVersion: expectedVersion(),
        changes: t.arg({ type: ExpertChangesInput, required: true }),
      },
      resolve: (_root, args, context) =>
        stationEdited(
          context,
          updateExpert,
          { ...plain(args), stationId: idText(args.stationId) },
          { ownCard: true },
        ),
    }),
    createUnit: t.field({
      ...stationResult(
        'Creates a fixed unit or team, put on a line when `lineCode` is given. Coordinators must give one of their lines.',
      ),
      args: {
        input: t.arg({ type: UnitInput, required: true }),
        lineCode: t.arg.string({ description: 'A line the new unit joins.' }),
        position: t.arg.int({ description: 'Position on that line (default: last).' }),
      },
      resolve: (_root, args, context) => stationEdited(context, createUnit, plain(args)),
    }),
    updateUnit: t.field({
      ...stationResult('Changes a unit; only the fields given change.'),
      args: {
        stationId: stationIdArg(),
        expectedVersion: expectedVersion(),
        changes: t.arg({ type: UnitChangesInput, required: true }),
      },
      resolve: (_root, args, context) =>
        stationEdited(context, updateUnit, { ...plain(args), stationId: idText(args.stationId) }),
    }),
    mergeStations: t.field({
      ...stationResult(
        'Merges a duplicate station into the one kept: its lines, regions, methods, accounts and audit history move to the kept station, and the duplicate is removed.',
      ),
      args: {
        keepId: t.arg.id({ required: true, description: 'The station to keep.' }),
        keepVersion: t.arg.int({ required: true, description: 'Its version as you loaded it.' }),
        removeId: t.arg.id({ required: true, description: 'The duplicate to remove.' }),
        removeVersion: t.arg.int({ required: true, description: 'Its version as you loaded it.' }),
      },
      resolve: (_root, args, context) =>
        stationEdited(context, mergeStations, {
          ...args,
          keepId: idText(args.keepId),
          removeId: idText(args.removeId),
        }),
    }),
    pinStation: t.field({
      ...stationResult(
        'Pins a station on the map at a position that every re-layout keeps; null unpins it.',
      ),
      args: {
        stationId: stationIdArg(),
        expectedVersion: expectedVersion(),
        position: t.arg({ type: MapPositionInput, required: false }),
      },
      resolve: (_root, args, context) =>
        stationEdited(context, pinStation, {
          ...plain(args),
          stationId: idText(args.stationId),
          position: plain(args.position) ?? null,
        }),
    }),
    undoChange: t.field({
      type: AuditEntryRef,
      description:
        'Undoes an audited change by applying its reverse, if nothing it touched changed since (else CONFLICT). The undo is audited too.',
      args: { auditId: t.arg.id({ required: true, description: 'Id of the audit record.' }) },
      resolve: async (_root, args, context) => {
        const result = await runEdit(context, undoChange, { auditId: idText(args.auditId) });
        return auditEntry(context, result.auditId as string);
      },
    }),
  };
});

const StaffListFormatEnum = builder.enumType('StaffListFormat', {
  description: 'Format of a staff list to import.',
  values: {
    CSV: {
      description:
        'A header row naming the columns, then one expert per row; commas (or semicolons) between cells, lists inside a cell separated by ; or |.',
    },
    JSON: { description: 'An array of expert objects, or `{"experts": [...]}`.' },
  },
});

const InputProblemRef = builder.objectRef<InputProblem>('InputProblem');

InputProblemRef.implement({
  description: 'One thing to fix in the input.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Where: `rows.3.email` is row 3’s e-mail.' }),
    message: t.exposeString('message', { description: 'What is wrong and what to write instead.' }),
  }),
});

const StaffImportRowRef = builder.objectRef<StaffImportRow>('StaffImportRow');

StaffImportRowRef.implement({
  description: 'One row of a staff list: what it does, or what is wrong with it.',
  fields: (t) => ({
    row: t.exposeInt('row', {
      description: 'Number of the data row, from 1 (the CSV header not counted).',
    }),
    name: t.exposeString('name', { nullable: true, description: 'Name on the row.' }),
    email: t.exposeString('email', {
      nullable: true,
      description: 'E-mail on the row (lower case).',
    }),
    action: t.exposeString('action', {
      nullable: true,
      description:
        'CREATE (a new expert) or UPDATE (the expert with this e-mail); null when the row is unreadable.',
    }),
    stationId: t.exposeID('stationId', {
      nullable: true,
      description:
        'The expert the row creates or updates; null while the row has problems, and for a new expert in a dry run (its id is made when it is imported).',
    }),
    problems: t.field({
      type: [InputProblemRef],
      description: 'Everything to fix on the row; empty when it is valid.',
      resolve: (row) => row.problems,
    }),
  }),
});

interface StaffImportReport extends StaffImportPreview {
  dryRun: boolean;
  auditId: string | null;
}

const StaffImportReportRef = builder.objectRef<StaffImportReport>('StaffImportReport');

StaffImportReportRef.implement({
  description: 'What an import did, or in a dry run would do, row by row.',
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun', { description: 'True for a preview: nothing was written.' }),
    applied: t.boolean({
      description: 'True when the rows were written (one transaction, one audit record).',
      resolve: (report) => report.auditId !== null,
    }),
    created: t.exposeInt('created', { description: 'Experts created (or that would be).' }),
    updated: t.exposeInt('updated', { description: 'Experts updated (or that would be).' }),
    rows: t.field({
      type: [StaffImportRowRef],
      description: 'Every row, in file order.',
      resolve: (report) => report.rows,
    }),
    change: t.field({
      type: AuditEntryRef,
      nullable: true,
      description:
        'The audit record of the import (undo it with `undoChange`); null for a dry run.',
      resolve: (report, _args, context) =>
        report.auditId ? auditEntry(context, report.auditId) : null,
    }),
  }),
});

builder.mutationField('importStaffList', (t) =>
  t.field({
    type: StaffImportReportRef,
    description:
      'Imports experts from a staff list (CSV or JSON), admins and coordinators (their own lines). A dry run (the default) reports every row and writes nothing; a real import writes every row in one audited transaction, or nothing when any row is invalid (INVALID_INPUT listing each problem). A row whose e-mail is an existing expert’s updates that expert.',
    args: {
      format: t.arg({ type: StaffListFormatEnum, required: true }),
      content: t.arg.string({ required: true, description: 'The file’s text.' }),
      dryRun: t.arg.boolean({ defaultValue: true, description: 'Preview only (default true).' }),
    },
    resolve: async (_root, args, context) => {
      const result = await runEdit(context, importStaffList, args);
      return {
        ...(result.preview as StaffImportPreview),
        dryRun: result.auditId === null,
        auditId: result.auditId,
      };
    },
  }),
);
