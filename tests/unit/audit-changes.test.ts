import { describe, expect, it } from 'vitest';
import {
  type AuditEntryView,
  changedFields,
  lifecycleOf,
  undoableIds,
} from '../../web/src/lib/audit-changes.ts';

const words = { noValue: '(tyhjä)', yes: 'kyllä', no: 'ei' };
const names: Record<string, string> = { a: 'Aino', b: 'Bertta', c: 'Cecilia' };
const nameOf = (id: string) => names[id] ?? id;

function entry(
  id: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  extra: Partial<AuditEntryView> = {},
): AuditEntryView {
  return {
    id,
    at: '2026-11-23T18:00:00Z',
    action: 'LINE_RENAME',
    reversible: true,
    undoOf: null,
    undoneBy: null,
    before: { 'LINE:line-L6': before },
    after: { 'LINE:line-L6': after },
    entity: { kind: 'LINE', id: 'line-L6' },
    actor: { email: 'k@example.fi', role: 'coordinator', system: null },
    ...extra,
  };
}

const line = {
  id: 'line-L6',
  version: 3,
  nameFi: 'Sijaishuolto',
  nameSv: null,
  instructionsFi: 'x'.repeat(300),
  keywordsFi: ['a'],
  active: true,
  stations: [
    { id: 'a', coordinator: true },
    { id: 'b', coordinator: false },
    { id: 'c', coordinator: false },
  ],
};

describe('a change in words', () => {
  it('lists each changed field before → after, and nothing it did not change', () => {
    const after = { ...line, version: 4, nameFi: 'Uusi nimi', nameSv: 'Nytt namn' };
    expect(changedFields(entry('1', line, after), nameOf, words)).toEqual([
      { field: 'nameFi', before: 'Sijaishuolto', after: 'Uusi nimi' },
      { field: 'nameSv', before: '(tyhjä)', after: 'Nytt namn' },
    ]);
  });

  it('cuts long texts, and says lists, booleans and pinned positions in words', () => {
    const after = {
      ...line,
      instructionsFi: 'lyhyt',
      keywordsFi: ['a', 'b'],
      active: false,
    };
    const changes = changedFields(entry('1', line, after), nameOf, words);
    expect(changes.find((c) => c.field === 'instructionsFi')?.before).toHaveLength(160);
    expect(changes.find((c) => c.field === 'keywordsFi')?.after).toBe('a, b');
    expect(changes.find((c) => c.field === 'active')).toEqual({
      field: 'active',
      before: 'kyllä',
      after: 'ei',
    });
    const station = { pinnedX: null, pinnedY: null, name: 'Aino' };
    const pinned = {
      ...entry('2', null, null),
      before: { 'STATION:a': station },
      after: { 'STATION:a': { ...station, pinnedX: 120.4, pinnedY: -60 } },
      entity: { kind: 'STATION', id: 'a' },
    };
    expect(changedFields(pinned, nameOf, words)).toEqual([
      { field: 'pinned', before: '(tyhjä)', after: '(120, -60)' },
    ]);
  });

  it('names the stations that moved, joined or left, and coordinator changes', () => {
    const after = {
      ...line,
      stations: [
        { id: 'c', coordinator: true },
        { id: 'a', coordinator: false },
      ],
    };
    expect(changedFields(entry('1', line, after), nameOf, words)).toEqual([
      { field: 'stations', before: 'Cecilia: 3.', after: 'Cecilia: 1.' },
      { field: 'stations', before: 'Aino: 1.', after: 'Aino: 2.' },
      { field: 'stations', before: 'Bertta: 2.', after: '(tyhjä)' },
      { field: 'coordinators', before: 'Aino', after: 'Cecilia' },
    ]);
  });

  it('tells a creation and a removal apart from an edit', () => {
    expect(lifecycleOf(entry('1', null, line))).toBe('created');
    expect(lifecycleOf(entry('1', line, null))).toBe('removed');
    expect(lifecycleOf(entry('1', line, line))).toBeNull();
    expect(changedFields(entry('1', null, line), nameOf, words)).toEqual([]);
  });
});

describe('which changes can be undone', () => {
  it('offers only changes that stand and that no newer change built on', () => {
    const newest = entry('3', line, line);
    const older = entry('2', line, line);
    const undone = entry('1', line, line, { undoneBy: '9' });
    const otherStation = {
      ...entry('0', null, null),
      before: { 'STATION:b': { name: 'Bertta' } },
      after: { 'STATION:b': { name: 'Bertta B' } },
    };
    const seeded = { ...entry('4', line, line), reversible: false };
    expect([...undoableIds([seeded, newest, older, undone, otherStation])]).toEqual(['0']);
    expect([...undoableIds([newest, older])]).toEqual(['3']);
  });
});
