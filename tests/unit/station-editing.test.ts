/** The station card editor's logic: who may edit, what a save sends, where problems go. */
import { describe, expect, it } from 'vitest';
import type { SignedInAccount } from '../../web/src/lib/session.svelte.ts';
import {
  canEditCard,
  draftOfStation,
  type EditableStation,
  percentOf,
  stationChanges,
  stationProblemsByField,
} from '../../web/src/lib/station-editing.ts';

const expert: EditableStation = {
  __typename: 'Expert',
  id: 'expert-1',
  version: 4,
  name: 'Aino Asiantuntija',
  channels: ['PHONE', 'VIDEO'],
  contact: { email: 'aino@example.fi', phone: null },
  regions: [{ code: '837' }, { code: '536' }],
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
