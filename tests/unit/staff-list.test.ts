import { describe, expect, it } from 'vitest';
import { readStaffList } from '../../server/src/features/editing/staff-import.ts';

describe('reading a staff list', () => {
  it('reads a Finnish spreadsheet’s CSV: semicolons, lists with |, decimal commas, kyllä/ei', () => {
    const rows = readStaffList(
      'CSV',
      '\uFEFFname;languages;otShare;publicCard;channels;methodIds\nAino Aalto;fi|sv;0,25;kyllä;phone|video;\n',
    );
    expect(rows).toEqual([
      {
        name: 'Aino Aalto',
        languages: ['fi', 'sv'],
        otShare: 0.25,
        publicCard: true,
        channels: ['PHONE', 'VIDEO'],
        methodIds: [],
      },
    ]);
  });

  it('reads comma-separated CSV with ; inside cells, and JSON arrays or {experts}', () => {
    expect(readStaffList('CSV', 'name,regionCodes\nAino,837;536')).toEqual([
      { name: 'Aino', regionCodes: ['837', '536'] },
    ]);
    const expert = { name: 'Aino', languages: ['fi'], otShare: 0.2 };
    expect(readStaffList('JSON', JSON.stringify([expert]))).toEqual([expert]);
    expect(readStaffList('JSON', JSON.stringify({ experts: [expert] }))).toEqual([expert]);
  });

  it('refuses unreadable files, empty lists, too many rows and unknown columns', () => {
    expect(() => readStaffList('JSON', '{')).toThrow(/cannot be read/);
    expect(() => readStaffList('JSON', '{"people": []}')).toThrow(/give a list of experts/);
    expect(() => readStaffList('CSV', 'name\n')).toThrow(/has no rows/);
    expect(() => readStaffList('CSV', `name\n${'A\n'.repeat(501)}`)).toThrow(/at most 500/);
    expect(() => readStaffList('CSV', 'name,age\nA,3')).toThrow(/unknown column age/);
  });
});
