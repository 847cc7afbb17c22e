/** The web side of importing a staff list: format guessing, size, and the preview's verdict. */
import { describe, expect, it } from 'vitest';
import {
  byteSize,
  formatOf,
  MAX_STAFF_LIST_BYTES,
  type StaffImportReport,
  summarise,
} from '../../web/src/lib/staff-import.ts';

const row = (n: number, problems: Array<{ field: string; message: string }> = []) => ({
  row: n,
  name: `Expert ${n}`,
  email: `e${n}@example.fi`,
  action: problems.length ? null : ('CREATE' as const),
  stationId: null,
  problems,
});

const report = (rows: StaffImportReport['rows']): StaffImportReport => ({
  dryRun: true,
  applied: false,
  created: rows.filter((r) => r.action === 'CREATE').length,
  updated: 0,
  change: null,
  rows,
});

describe('staff list import in the web app', () => {
  it('takes the format from the file name, else from the first character', () => {
    expect(formatOf('henkilosto.json', 'name,title')).toBe('JSON');
    expect(formatOf('HENKILOSTO.CSV', '[{"name":"x"}]')).toBe('CSV');
    expect(formatOf(null, '  [{"name":"x"}]')).toBe('JSON');
    expect(formatOf(null, '{"experts":[]}')).toBe('JSON');
    expect(formatOf(null, 'name;title\nA;B')).toBe('CSV');
  });

  it('counts the bytes sent, so a list of ä and ö is measured as the server measures it', () => {
    expect(byteSize('ä')).toBe(2);
    expect(byteSize('a'.repeat(MAX_STAFF_LIST_BYTES))).toBe(MAX_STAFF_LIST_BYTES);
  });

  it('allows the import only when every row is valid', () => {
    expect(summarise(report([row(1), row(2)]))).toEqual({
      rows: 2,
      created: 2,
      updated: 0,
      invalidRows: 0,
      importable: true,
    });
    const withProblem = summarise(
      report([row(1), row(2, [{ field: 'email', message: 'give a valid e-mail address' }])]),
    );
    expect(withProblem.invalidRows).toBe(1);
    expect(withProblem.importable).toBe(false);
    expect(summarise(report([])).importable).toBe(false);
  });
});
