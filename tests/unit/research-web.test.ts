/** The web app's pure helpers of the researchers' page and the consultation button. */
import { describe, expect, it } from 'vitest';
import {
  consultationToRecord,
  defaultChannel,
  itineraryLines,
} from '../../web/src/lib/consultation-record.ts';
import type { PlanItinerary } from '../../web/src/lib/route-plan.ts';
import { sortRows } from '../../web/src/lib/table-sort.ts';

function itinerary(stops: Array<[string, string[]]>): PlanItinerary {
  return {
    score: 1,
    explanation: '',
    transfer: stops.length > 1,
    fallback: false,
    stops: stops.map(([code, channels], index) => ({
      line: {
        code,
        name: code,
        color: '#000000',
        instructions: null,
      } as PlanItinerary['stops'][number]['line'],
      station: {
        __typename: 'Expert',
        id: `s${index}`,
        name: `Asiantuntija ${index}`,
        channels: channels as PlanItinerary['stops'][number]['station']['channels'],
        organisation: null,
      },
      reasons: [],
    })),
  };
}

describe('sortable tables', () => {
  const rows = [
    { name: 'Öljymäki', n: 2 },
    { name: 'Aalto', n: 10 },
    { name: 'Äijälä', n: null },
    { name: 'Kivi', n: 2 },
  ];

  it('sorts numbers numerically and keeps empty cells last', () => {
    expect(sortRows(rows, 'n', 'descending').map((r) => r.name)).toEqual([
      'Aalto',
      'Öljymäki',
      'Kivi',
      'Äijälä',
    ]);
    expect(sortRows(rows, 'n', 'ascending').map((r) => r.n)).toEqual([2, 2, 10, null]);
  });

  it('sorts text in Finnish alphabetical order (å, ä, ö last)', () => {
    expect(sortRows(rows, 'name', 'ascending').map((r) => r.name)).toEqual([
      'Aalto',
      'Kivi',
      'Äijälä',
      'Öljymäki',
    ]);
  });
});

describe('Konsultaatio toteutui', () => {
  const route = itinerary([
    ['L8', ['VIDEO', 'PHONE']],
    ['L3', ['PHONE']],
    ['L8', ['CHAT']],
  ]);

  it('records the lines once each, the municipality and the channel, nothing else', () => {
    expect(itineraryLines(route)).toEqual(['L3', 'L8']);
    expect(consultationToRecord(route, '536', 'PHONE')).toEqual({
      lines: ['L3', 'L8'],
      municipality: '536',
      channel: 'PHONE',
    });
    expect(Object.keys(consultationToRecord(route, '536', 'PHONE') ?? {}).sort()).toEqual([
      'channel',
      'lines',
      'municipality',
    ]);
  });

  it('needs a municipality', () => {
    expect(consultationToRecord(route, '', 'PHONE')).toBeNull();
    expect(consultationToRecord(route, null, 'PHONE')).toBeNull();
  });

  it('suggests a channel the worker asked for that the first stop offers', () => {
    expect(defaultChannel(route, ['PHONE'])).toBe('PHONE');
    expect(defaultChannel(route, ['CHAT'])).toBe('VIDEO');
    expect(defaultChannel(route, [])).toBe('VIDEO');
  });
});
