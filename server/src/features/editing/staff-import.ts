/**
 * Importing a staff list (CSV or JSON) of experts: every row is validated and checked against
 * the graph, a dry run shows per-row problems and what each row would do, and a real import
 * writes nothing unless every row is valid, all in one transaction of the edit engine, audited
 * as one change (`EXPERTS_IMPORT`) that `undoChange` can undo.
 *
 * A row whose e-mail address is an existing expert's updates that expert (and adds it to the
 * lines named); any other row creates an expert on the lines named.
 */
import { randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { STAFF_COLUMNS } from '../../../../common/staff-list.ts';
import { ForbiddenError, type InputProblem, InvalidInputError } from '../../graphql/errors.ts';
import type { Account } from '../auth/account.types.ts';
import { canEditLine } from '../auth/authorization.ts';
import {
  channels,
  email,
  isoDate,
  languages,
  lineCode,
  methodIds,
  organisationId,
  otShare,
  phone,
  regionCodes,
  requiredText,
  serviceLevel,
} from './edit-inputs.ts';
import { lineRef, stationRef } from './edit-targets.ts';
import type {
  EditCommand,
  EditReader,
  LineSnapshot,
  PlannedState,
  StationSnapshot,
} from './editing.types.ts';

export const STAFF_LIST_FORMATS = ['CSV', 'JSON'] as const;

/** At most this many rows per import: a request body is at most 64 KiB anyway. */
export const MAX_STAFF_ROWS = 500;

const LIST_COLUMNS = new Set(['languages', 'regionCodes', 'channels', 'methodIds', 'lineCodes']);

const staffRow = z.object({
  name: requiredText('the name', 2, 120),
  title: requiredText('the title', 2, 160),
  organisationId,
  serviceLevel,
  languages,
  regionCodes,
  channels,
  otShare,
  methodIds: methodIds.optional().transform((ids) => ids ?? []),
  awayUntil: isoDate.nullish().transform((value) => value ?? null),
  email,
  phone,
  publicCard: z
    .boolean('write true or false (kyllä/ei)')
    .nullish()
    .transform((value) => value ?? false),
  lineCodes: z
    .array(lineCode)
    .max(20, 'give at most 20 lines')
    .optional()
    .transform((codes) => [...new Set(codes ?? [])]),
});

type StaffRow = z.infer<typeof staffRow>;

/** One row of the report: what it would do (or did), or what is wrong with it. */
export interface StaffImportRow {
  /** 1-based number of the data row (the CSV header is not counted). */
  row: number;
  name: string | null;
  email: string | null;
  action: 'CREATE' | 'UPDATE' | null;
  stationId: string | null;
  problems: InputProblem[];
}

export interface StaffImportPreview {
  rows: StaffImportRow[];
  created: number;
  updated: number;
}

const importInput = z.object({
  format: z.enum(STAFF_LIST_FORMATS, 'give the format: CSV or JSON'),
  content: z
    .string('paste the staff list')
    .min(1, 'paste the staff list')
    .max(200_000, 'split the staff list into smaller files'),
  dryRun: z
    .boolean()
    .nullish()
    .transform((value) => value ?? true),
});

/** A cell of a CSV row or a JSON value, in the shapes the row schema takes. */
function normaliseCell(column: string, value: unknown): unknown {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    return value;
  }
  const text = value.trim();
  if (text === '') {
    return LIST_COLUMNS.has(column) ? [] : undefined;
  }
  if (LIST_COLUMNS.has(column)) {
    return text
      .split(/[;|]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => (column === 'channels' ? part.toUpperCase() : part));
  }
  if (column === 'otShare') {
    const number = Number(text.replace(',', '.'));
    return Number.isNaN(number) ? text : number;
  }
  if (column === 'publicCard') {
    const lower = text.toLowerCase();
    if (['true', 'yes', 'kyllä', 'kylla', 'ja', '1'].includes(lower)) {
      return true;
    }
    if (['false', 'no', 'ei', 'nej', '0'].includes(lower)) {
      return false;
    }
    return text;
  }
  if (column === 'serviceLevel') {
    return text.toUpperCase();
  }
  return text;
}

/** `;` when the header has semicolons and no commas (a Finnish spreadsheet's CSV), else `,`. */
function delimiterOf(content: string): string {
  const header = content.split('\n', 1)[0] ?? '';
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** The rows of the file as objects, or INVALID_INPUT on `content` when it cannot be read. */
export function readStaffList(format: 'CSV' | 'JSON', content: string): Record<string, unknown>[] {
  let records: unknown;
  try {
    records =
      format === 'CSV'
        ? parseCsv(content, {
            columns: (header: string[]) => header.map((name) => name.trim()),
            skip_empty_lines: true,
            bom: true,
            trim: true,
            // Spreadsheets in Finnish locales save CSV with semicolons; lists then use |.
            delimiter: delimiterOf(content),
          })
        : JSON.parse(content);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new InvalidInputError(
      `content: the ${format} file cannot be read (${reason}); check it against the example in the README`,
      'content',
    );
  }
  const list = Array.isArray(records)
    ? records
    : (records as { experts?: unknown } | null)?.experts;
  if (!Array.isArray(list) || list.some((row) => typeof row !== 'object' || row === null)) {
    throw new InvalidInputError(
      'content: give a list of experts: CSV rows under a header, or a JSON array of objects',
      'content',
    );
  }
  if (list.length === 0) {
    throw new InvalidInputError('content: the staff list has no rows', 'content');
  }
  if (list.length > MAX_STAFF_ROWS) {
    throw new InvalidInputError(
      `content: the staff list has ${list.length} rows; import at most ${MAX_STAFF_ROWS} at a time`,
      'content',
    );
  }
  const known = new Map(STAFF_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const unknown = new Set<string>();
  const rows = (list as Record<string, unknown>[]).map((record) => {
    const row: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      const column = known.get(key.toLowerCase());
      if (!column) {
        unknown.add(key);
        continue;
      }
      row[column] = normaliseCell(column, value);
    }
    return row;
  });
  if (unknown.size > 0) {
    throw new InvalidInputError(
      `content: unknown column ${[...unknown].join(', ')}; use ${STAFF_COLUMNS.join(', ')}`,
      'content',
    );
  }
  return rows;
}

/** The problems of each row that the row alone shows (types, formats, required fields). */
function validateRow(
  raw: Record<string, unknown>,
  row: number,
): { valid: StaffRow | null; problems: InputProblem[] } {
  const result = staffRow.safeParse(raw);
  if (result.success) {
    return { valid: result.data, problems: [] };
  }
  return {
    valid: null,
    problems: result.error.issues.map((issue) => {
      const field = `rows.${row}.${issue.path.map(String).join('.')}`;
      return {
        field,
        message: `row ${row}, ${issue.path.map(String).join('.')}: ${issue.message}`,
      };
    }),
  };
}

function expertOf(row: StaffRow, id: string, today: string): StationSnapshot {
  return {
    id,
    kind: 'EXPERT',
    name: row.name,
    title: row.title,
    serviceLevel: row.serviceLevel,
    languages: row.languages,
    channels: row.channels,
    otShare: row.otShare,
    awayUntil: row.awayUntil,
    email: row.email,
    phone: row.phone,
    publicCard: row.publicCard,
    verifiedOn: today,
    description: null,
    organisationId: row.organisationId,
    regionCodes: row.regionCodes,
    methodIds: row.methodIds,
    pinnedX: null,
    pinnedY: null,
    version: 0,
    lineCodes: [],
  };
}

/**
 * Checks every row against the graph and the caller's lines, and plans the changes of the
 * valid ones: experts created or updated, and added to the end of the lines named.
 */
async function planRows(
  rows: Record<string, unknown>[],
  read: EditReader,
  account: Account,
  today: string,
): Promise<{ preview: StaffImportPreview; changes: PlannedState[] }> {
  const validated = rows.map((raw, index) => validateRow(raw, index + 1));
  const emails = validated.flatMap(({ valid }) => (valid?.email ? [valid.email] : []));
  const existing = await read.expertIdsByEmail(emails);
  const seenEmails = new Map<string, number>();
  const lines = new Map<string, LineSnapshot>();
  const changes: PlannedState[] = [];
  const report: StaffImportRow[] = [];

  for (const [index, { valid, problems }] of validated.entries()) {
    const row = index + 1;
    const problem = (field: string, message: string) =>
      problems.push({ field: `rows.${row}.${field}`, message: `row ${row}, ${field}: ${message}` });
    if (valid) {
      if (valid.email) {
        const first = seenEmails.get(valid.email);
        if (first) {
          problem('email', `${valid.email} is on row ${first} already; give each expert once`);
        }
        seenEmails.set(valid.email, row);
      }
      if (valid.organisationId && !(await read.organisationExists(valid.organisationId))) {
        problem('organisationId', `there is no organisation ${valid.organisationId}`);
      }
      const regions = await read.unknownRegions(valid.regionCodes);
      if (regions.length > 0) {
        problem('regionCodes', `no region ${regions.join(', ')}; use municipality codes (837)`);
      }
      const methods = await read.unknownMethods(valid.methodIds);
      if (methods.length > 0) {
        problem('methodIds', `no method ${methods.join(', ')}`);
      }
      for (const code of valid.lineCodes) {
        const lineId = await read.lineIdByCode(code);
        const line = lineId ? (lines.get(lineId) ?? (await read.line(lineId))) : null;
        if (!line) {
          problem('lineCodes', `there is no line ${code}`);
        } else if (!canEditLine(account, code)) {
          problem('lineCodes', `you do not coordinate line ${code}`);
        } else {
          lines.set(line.id, line);
        }
      }
      if (account.role !== 'admin' && valid.lineCodes.length === 0) {
        problem('lineCodes', 'give at least one line you coordinate');
      }
    }
    const existingId = valid?.email ? existing.get(valid.email) : undefined;
    const current = existingId ? await read.station(existingId) : null;
    if (
      current &&
      account.role !== 'admin' &&
      !current.lineCodes.some((code) => canEditLine(account, code))
    ) {
      problem('email', `${current.name} is an expert on none of your lines; ask an admin`);
    }
    const stationId =
      current?.id ?? (valid && problems.length === 0 ? `expert-${randomUUID()}` : null);
    report.push({
      row,
      name: valid?.name ?? (typeof rows[index]?.name === 'string' ? rows[index].name : null),
      email: valid?.email ?? null,
      action: valid ? (current ? 'UPDATE' : 'CREATE') : null,
      stationId: problems.length === 0 ? stationId : null,
      problems,
    });
    if (!valid || problems.length > 0 || !stationId) {
      continue;
    }
    const expert = expertOf(valid, stationId, today);
    changes.push({
      ref: stationRef(stationId),
      state: current
        ? { ...current, ...expert, pinnedX: current.pinnedX, pinnedY: current.pinnedY }
        : expert,
    });
    for (const code of valid.lineCodes) {
      const line = [...lines.values()].find((candidate) => candidate.code === code);
      if (line && !line.stations.some((stop) => stop.id === stationId)) {
        lines.set(line.id, {
          ...line,
          stations: [...line.stations, { id: stationId, coordinator: false }],
        });
      }
    }
  }
  for (const line of lines.values()) {
    const original = await read.line(line.id);
    if (original && original.stations.length !== line.stations.length) {
      changes.push({ ref: lineRef(line.id), state: line });
    }
  }
  const created = report.filter((row) => row.action === 'CREATE' && row.stationId).length;
  const updated = report.filter((row) => row.action === 'UPDATE' && row.stationId).length;
  return { preview: { rows: report, created, updated }, changes };
}

/**
 * The import as an edit. A dry run plans and reports; a real import with any invalid row is
 * INVALID_INPUT listing every problem (`rows.<n>.<field>`), and writes nothing.
 */
export const importStaffList: EditCommand<typeof importInput> = {
  action: 'EXPERTS_IMPORT',
  input: importInput,
  async targets(input, _read, account) {
    if (account.role !== 'admin' && account.role !== 'coordinator') {
      throw new ForbiddenError(
        'Vain ylläpitäjät ja koordinaattorit voivat tuoda asiantuntijaluettelon. (Only admins and coordinators can import a staff list.)',
      );
    }
    readStaffList(input.format, input.content);
    return { entity: { kind: 'NETWORK', id: 'staff-import' }, expected: [] };
  },
  async plan(input, read, context) {
    const rows = readStaffList(input.format, input.content);
    const { preview, changes } = await planRows(rows, read, context.account, context.today);
    const problems = preview.rows.flatMap((row) => row.problems);
    if (input.dryRun) {
      // A new expert's id is made when it is imported: a preview has none to show yet.
      const rowsShown = preview.rows.map((row) =>
        row.action === 'CREATE' ? { ...row, stationId: null } : row,
      );
      return {
        changes: problems.length > 0 ? [] : changes,
        preview: { ...preview, rows: rowsShown },
        dryRun: true,
      };
    }
    if (problems.length > 0) {
      const [first] = problems;
      throw new InvalidInputError(
        `${problems.length} problem(s) in the staff list; nothing was imported. First: ${first?.message}`,
        first?.field ?? 'content',
        problems,
      );
    }
    return { changes, preview };
  },
};
