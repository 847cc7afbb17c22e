/** The station card editor's logic: who may edit, what a save sends, where problems go. */
import { describe, expect, it } from 'vitest';
import type { MapStation } from '../../web/src/lib/network-map.types.ts';
import type { SignedInAccount } from '../../web/src/lib/session.svelte.ts';
import {
  blankExpertDraft,
  canEditCard,
  draftOfStation,
  type EditableStation,
  newExpertInput,
  newUnitInput,
  percentOf,
  stationChanges,
  stationProblemsByField,
} from '../../web/src/lib/station-editing.ts';
import { coordinates, linesToAdd, type StationLinesData } from '../../web/src/lib/station-lines.ts';
import { duplicateCandidates } from '../../web/src/lib/station-merge.ts';

const expert: EditableStation = {
  __typename: 'Expert',
  id: 'expert-1',
  version: 4,
  name: 'Aino Asiantuntija',
  channels: ['PHONE', 'VIDEO'],
  contact: { email: 'aino@example.fi', phone: null },
  regions: [{ code: '837' }, { code: '536' }],
  organisation: { id: 'org-tays' },
  methods: [{ id: 'method-ipc' }],
  title: 'Psykologi',
  serviceLevel: 'SPECIAL',
  languages: ['fi', 'sv'],
  awayUntil: null,
  otShare: 0.2,
};

const account = (extra: Partial<SignedInAccount>): SignedInAccount => ({
  email: 'x@example.fi',
  role: 'viewer',
  lineCodes: [],
  ...extra,
});

describe('the station card editor', () => {
  it('is for admins, coordinators of one of the lines, and the expert themself', () => {
    expect(canEditCard(account({ role: 'admin' }), 'expert-1', ['L1'])).toBe(true);
    expect(
      canEditCard(account({ role: 'coordinator', lineCodes: ['L2'] }), 'expert-1', ['L1', 'L2']),
    ).toBe(true);
    expect(
      canEditCard(account({ role: 'coordinator', lineCodes: ['L3'] }), 'expert-1', ['L1']),
    ).toBe(false);
    expect(canEditCard(account({ expertId: 'expert-1' }), 'expert-1', ['L1'])).toBe(true);
    expect(canEditCard(account({ expertId: 'expert-2' }), 'expert-1', ['L1'])).toBe(false);
    expect(canEditCard(account({ role: 'researcher' }), 'expert-1', ['L1'])).toBe(false);
    expect(canEditCard(null, 'expert-1', ['L1'])).toBe(false);
  });

  it('sends only what changed, clearing emptied fields', () => {
    const saved = draftOfStation(expert);
    expect(stationChanges('Expert', saved, { ...saved })).toEqual({});
    const draft = {
      ...saved,
      email: '  ',
      phone: '+358 40 123 4567',
      awayUntil: '2031-03-02',
      languages: 'sv, fi, en',
      regionCodes: '536 837',
      otPercent: '35',
      channels: ['VIDEO', 'PHONE'] as EditableStation['channels'],
    };
    expect(stationChanges('Expert', saved, draft)).toEqual({
      email: null,
      phone: '+358 40 123 4567',
      awayUntil: '2031-03-02',
      languages: ['sv', 'fi', 'en'],
      otShare: 0.35,
    });
    expect(stationChanges('Expert', { ...saved, awayUntil: '2031-03-02' }, saved)).toEqual({
      awayUntil: null,
    });
    expect(stationChanges('Expert', saved, { ...saved, publicCard: true })).toEqual({
      publicCard: true,
    });
    expect(
      stationChanges('Expert', saved, {
        ...saved,
        organisationId: '',
        methodIds: ['method-ipc', 'method-mdft'],
      }),
    ).toEqual({ organisationId: null, methodIds: ['method-ipc', 'method-mdft'] });
  });

  it('sends a unit only the fields a unit has', () => {
    const unit: EditableStation = {
      ...expert,
      __typename: 'Unit',
      title: undefined,
      description: 'Perheneuvola',
    };
    const saved = draftOfStation(unit);
    expect(
      stationChanges('Unit', saved, { ...saved, description: 'Uusi kuvaus', title: 'ignored' }),
    ).toEqual({ description: 'Uusi kuvaus' });
  });

  it('reads the OT share as a percentage from 0 to 100', () => {
    expect(percentOf('20')).toBe(20);
    expect(percentOf('12,5')).toBe(12.5);
    expect(percentOf('')).toBeNull();
    expect(percentOf('120')).toBeNull();
    expect(percentOf('paljon')).toBeNull();
  });

  it('puts the server’s problems by their form fields, never losing one', () => {
    expect(
      stationProblemsByField([
        { field: 'changes.email', message: 'give a valid e-mail address' },
        { field: 'changes.languages.0', message: 'use ISO 639-1 codes' },
        { field: 'changes.otShare', message: 'between 0 and 1' },
        { field: 'expectedVersion', message: 'stale' },
      ]),
    ).toEqual({
      email: ['give a valid e-mail address'],
      languages: ['use ISO 639-1 codes'],
      otPercent: ['between 0 and 1'],
      name: ['stale'],
    });
  });
});

describe('the station’s lines on its card', () => {
  const data: StationLinesData = {
    station: {
      __typename: 'Expert',
      id: 'expert-1',
      lines: [{ code: 'L2', name: 'Kakkonen', color: '#000', coordinators: [{ id: 'expert-1' }] }],
    },
    lines: [
      { code: 'L10', name: 'Kymppi', color: '#111', retired: false },
      { code: 'L2', name: 'Kakkonen', color: '#000', retired: false },
      { code: 'L3', name: 'Kolmonen', color: '#222', retired: true },
      { code: 'L9', name: 'Ysi', color: '#333', retired: false },
    ],
  };

  it('offers the active lines the station is not on and the account may edit, in line order', () => {
    expect(linesToAdd(data, () => true).map((line) => line.code)).toEqual(['L9', 'L10']);
    expect(linesToAdd(data, (code) => code === 'L10').map((line) => line.code)).toEqual(['L10']);
  });

  it('knows whether the station coordinates a line', () => {
    const [line] = data.station?.lines ?? [];
    expect(line && coordinates(line, 'expert-1')).toBe(true);
    expect(line && coordinates(line, 'expert-2')).toBe(false);
  });
});

describe('a new expert card', () => {
  it('sends every field as typed, lists split and the OT share as a fraction', () => {
    const draft = {
      ...blankExpertDraft(),
      name: ' Uusi Asiantuntija ',
      title: 'Psykologi',
      serviceLevel: 'SPECIAL' as const,
      languages: 'fi, sv',
      regionCodes: '837 536',
      channels: ['PHONE'] as EditableStation['channels'],
      otPercent: '20',
    };
    expect(newExpertInput(draft)).toEqual({
      name: 'Uusi Asiantuntija',
      title: 'Psykologi',
      email: null,
      phone: null,
      awayUntil: null,
      serviceLevel: 'SPECIAL',
      languages: ['fi', 'sv'],
      regionCodes: ['837', '536'],
      channels: ['PHONE'],
      otShare: 0.2,
      publicCard: false,
      organisationId: null,
      methodIds: [],
    });
  });

  it('puts the problems of a new card (input.*) by their fields', () => {
    expect(stationProblemsByField([{ field: 'input.title', message: 'write the title' }])).toEqual({
      title: ['write the title'],
    });
  });
});

describe('finding a duplicate to merge', () => {
  const stations = [
    { id: 'a', label: 'Äino Virtanen', kind: 'EXPERT' },
    { id: 'b', label: 'Aino Virtanen', kind: 'EXPERT' },
    { id: 'c', label: 'Aino Virtanen', kind: 'UNIT' },
    { id: 'd', label: 'Pekka Aino', kind: 'EXPERT' },
  ] as unknown as MapStation[];

  it('finds stations of the same kind by name, case and diacritics folded, never the kept one', () => {
    expect(
      duplicateCandidates(stations, { id: 'b', kind: 'EXPERT' }, 'aino').map((s) => s.id),
      // In Finnish order Ä comes after Z.
    ).toEqual(['d', 'a']);
    expect(duplicateCandidates(stations, { id: 'b', kind: 'EXPERT' }, 'a')).toEqual([]);
  });
});

describe('a new unit card', () => {
  it('sends a unit’s fields only', () => {
    expect(
      newUnitInput({
        ...blankExpertDraft(),
        name: 'Perheneuvola',
        description: 'Kasvatus- ja perheneuvonta',
        regionCodes: '837',
        channels: ['ON_SITE'],
        organisationId: 'org-tampere',
      }),
    ).toEqual({
      name: 'Perheneuvola',
      description: 'Kasvatus- ja perheneuvonta',
      email: null,
      phone: null,
      regionCodes: ['837'],
      channels: ['ON_SITE'],
      organisationId: 'org-tampere',
    });
  });
});
