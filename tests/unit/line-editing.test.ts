import { describe, expect, it } from 'vitest';
import {
  canEditAnything,
  canEditLine,
  canEditStation,
  draftOf,
  type LineTexts,
  lineEditSteps,
  problemsByField,
} from '../../web/src/lib/line-editing.ts';
import type { SignedInAccount } from '../../web/src/lib/session.svelte.ts';
import { moveStation, orderChanged } from '../../web/src/lib/station-order.ts';

const coordinator: SignedInAccount = {
  email: 'k@example.fi',
  role: 'coordinator',
  lineCodes: ['L6'],
};
const admin: SignedInAccount = { email: 'a@example.fi', role: 'admin', lineCodes: [] };
const researcher: SignedInAccount = {
  email: 'r@example.fi',
  role: 'researcher',
  lineCodes: ['L6'],
};

const line: LineTexts = {
  code: 'L6',
  version: 4,
  color: '#8b387d',
  keywords: ['sijaishuolto', 'placement'],
  nameFi: 'Sijaishuolto',
  nameSv: null,
  nameEn: 'Substitute care',
  descriptionFi: 'Kuvaus',
  descriptionSv: null,
  descriptionEn: null,
  instructionsFi: '## Ohje',
  instructionsSv: null,
  instructionsEn: null,
  keywordsFi: null,
  keywordsSv: null,
  keywordsEn: null,
};

describe('who sees the edit buttons (as the server decides)', () => {
  it('lets a coordinator edit only their own lines, an admin every line, others none', () => {
    expect(canEditLine(coordinator, 'L6')).toBe(true);
    expect(canEditLine(coordinator, 'l6 ')).toBe(true);
    expect(canEditLine(coordinator, 'L7')).toBe(false);
    expect(canEditLine(admin, 'L7')).toBe(true);
    expect(canEditLine(researcher, 'L6')).toBe(false);
    expect(canEditLine(null, 'L6')).toBe(false);
    expect(canEditStation(coordinator, ['L2', 'L6'])).toBe(true);
    expect(canEditStation(coordinator, ['L2'])).toBe(false);
    expect(canEditAnything(researcher)).toBe(false);
    expect(canEditAnything({ ...coordinator, lineCodes: [] })).toBe(false);
  });
});

describe('saving the line editor', () => {
  it('sends nothing when nothing changed', () => {
    expect(lineEditSteps('L6', draftOf(line), draftOf(line))).toEqual([]);
  });

  it('sends one mutation per changed part, empty translations as none', () => {
    const saved = draftOf(line);
    const draft = draftOf(line);
    draft.name.fi = ' Uusi nimi ';
    draft.name.en = '';
    draft.instructions.sv = '## Anvisning';
    draft.color = '#1a5e63';
    const steps = lineEditSteps('L6', saved, draft);
    expect(steps.map((step) => step.part)).toEqual(['name', 'instructions', 'colour']);
    expect(steps[0]?.variables).toEqual({
      code: 'L6',
      name: { fi: 'Uusi nimi', sv: null, en: null },
    });
    expect(steps[1]?.variables).toEqual({
      code: 'L6',
      instructions: { fi: '## Ohje', sv: '## Anvisning', en: null },
    });
    expect(steps[2]?.mutation).toContain('recolourLine');
  });

  it('puts uncurated keywords under Finnish and ignores blank lines and spaces', () => {
    const saved = draftOf(line);
    expect(saved.keywords).toEqual({ fi: 'sijaishuolto\nplacement', sv: '', en: '' });
    const draft = draftOf(line);
    draft.keywords.fi = ' sijaishuolto \n\nplacement\n';
    expect(lineEditSteps('L6', saved, draft)).toEqual([]);
    draft.keywords.sv = 'familjehem';
    expect(lineEditSteps('L6', saved, draft)[0]?.variables).toEqual({
      code: 'L6',
      keywords: { fi: ['sijaishuolto', 'placement'], sv: ['familjehem'], en: [] },
    });
  });
});

describe('the server’s problems in the form', () => {
  it('puts each problem by the field it names, and one it cannot place by the first field', () => {
    expect(
      problemsByField('name', [
        { field: 'name.fi', message: 'name.fi: too short' },
        { field: 'name.sv', message: 'name.sv: too long' },
        { field: 'expectedVersion', message: 'expectedVersion: bad' },
      ]),
    ).toEqual({
      'name-fi': ['name.fi: too short', 'expectedVersion: bad'],
      'name-sv': ['name.sv: too long'],
    });
    expect(problemsByField('keywords', [{ field: 'keywords.en.3', message: 'x' }])).toEqual({
      'keywords-en': ['x'],
    });
    expect(problemsByField('colour', [{ field: 'color', message: 'contrast' }])).toEqual({
      color: ['contrast'],
    });
  });
});

describe('reordering a line’s stations', () => {
  const stations = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() }));
  const idsOf = (list: readonly { id: string }[]) => list.map((station) => station.id);

  it('moves one station up, down or across, and keeps moves within the line', () => {
    expect(idsOf(moveStation(stations, 0, 1))).toEqual(['b', 'a', 'c', 'd']);
    expect(idsOf(moveStation(stations, 3, 0))).toEqual(['d', 'a', 'b', 'c']);
    expect(idsOf(moveStation(stations, 1, 9))).toEqual(['a', 'c', 'd', 'b']);
    expect(moveStation(stations, 0, -1)).toBe(stations);
    expect(idsOf(stations)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('has something to save only when the order differs', () => {
    expect(orderChanged(stations, [...stations])).toBe(false);
    expect(orderChanged(stations, moveStation(stations, 0, 1))).toBe(true);
  });
});
