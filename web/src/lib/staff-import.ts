/**
 * Importing a staff list from the web: the request, the format guessed from the file, and the
 * preview's summary. The server validates every row (a dry run writes nothing); this only
 * decides what to ask and how to show the answer.
 */

export type StaffListFormat = 'CSV' | 'JSON';

export { STAFF_COLUMNS } from '../../../common/staff-list.ts';

/**
 * The largest file sent: the server takes request bodies of at most 64 KiB, and the list travels
 * inside a JSON request. Larger lists are imported in parts.
 */
export const MAX_STAFF_LIST_BYTES = 60_000;

export const IMPORT_STAFF_LIST = /* GraphQL */ `
  mutation ImportStaffList($format: StaffListFormat!, $content: String!, $dryRun: Boolean!) {
    importStaffList(format: $format, content: $content, dryRun: $dryRun) {
      dryRun applied created updated
      change { id }
      rows { row name email action stationId problems { field message } }
    }
  }`;

export const UNDO_IMPORT = /* GraphQL */ `
  mutation UndoImport($auditId: ID!) {
    undoChange(auditId: $auditId) { id }
  }`;

export interface StaffImportRow {
  row: number;
  name: string | null;
  email: string | null;
  action: 'CREATE' | 'UPDATE' | null;
  stationId: string | null;
  problems: Array<{ field: string; message: string }>;
}

export interface StaffImportReport {
  dryRun: boolean;
  applied: boolean;
  created: number;
  updated: number;
  change: { id: string } | null;
  rows: StaffImportRow[];
}

/** The format of a file: by its name, else by its first character (JSON starts with [ or {). */
export function formatOf(fileName: string | null, content: string): StaffListFormat {
  const name = fileName?.toLowerCase() ?? '';
  if (name.endsWith('.json')) {
    return 'JSON';
  }
  if (name.endsWith('.csv') || name.endsWith('.txt')) {
    return 'CSV';
  }
  const first = content.trimStart()[0];
  return first === '[' || first === '{' ? 'JSON' : 'CSV';
}

/** Bytes the text takes as UTF-8, as it is sent. */
export function byteSize(text: string): number {
  return new TextEncoder().encode(text).length;
}

export interface PreviewSummary {
  rows: number;
  created: number;
  updated: number;
  /** Rows with at least one problem. */
  invalidRows: number;
  /** True when importing would write every row. */
  importable: boolean;
}

export function summarise(report: StaffImportReport): PreviewSummary {
  const invalidRows = report.rows.filter((row) => row.problems.length > 0).length;
  return {
    rows: report.rows.length,
    created: report.created,
    updated: report.updated,
    invalidRows,
    importable: report.rows.length > 0 && invalidRows === 0,
  };
}
