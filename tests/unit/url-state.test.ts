/** The view in the URL: round trip, unknown values ignored, nothing else ever written. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_URL_STATE,
  parseUrlState,
  serializeUrlState,
  URL_KEYS,
  type UrlState,
} from '../../web/src/lib/url-state.ts';

const urlStates = fc.record<UrlState>({
  lang: fc.constantFrom('fi', 'sv', 'en'),
  view: fc.constantFrom(null, 'map', 'list', 'route', 'research', 'health'),
  line: fc.option(
    fc.integer({ min: 1, max: 999 }).map((n) => `L${n}`),
    { nil: null },
  ),
  station: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), { nil: null }),
  layers: fc.subarray(['research', 'vip'] as const).map((layers) => [...layers]),
});

describe('url state', () => {
  it('round-trips every view', () => {
    fc.assert(
      fc.property(urlStates, (state) => {
        expect(parseUrlState(serializeUrlState(state))).toEqual(state);
      }),
    );
  });

  it('leaves defaults out: the plain address is the default view', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(parseUrlState('')).toEqual(DEFAULT_URL_STATE);
    expect(
      serializeUrlState({
        lang: 'sv',
        view: 'list',
        line: 'L8',
        station: 'expert-0042',
        layers: ['research', 'vip'],
      }),
    ).toBe('?lang=sv&view=list&line=L8&station=expert-0042&layers=research,vip');
  });

  it('ignores unknown and malformed values', () => {
    expect(
      parseUrlState(
        '?lang=de&view=graph&line=L8%3Cscript%3E&station=../etc&layers=vip,secret,vip&q=x',
      ),
    ).toEqual({ ...DEFAULT_URL_STATE, layers: ['vip'] });
    expect(parseUrlState('?line=8&station=')).toEqual(DEFAULT_URL_STATE);
    expect(parseUrlState('?layers=vip,research').layers).toEqual(['research', 'vip']);
  });

  it('never writes anything but the view keys, whatever the address held', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (params) => {
        const query = serializeUrlState(parseUrlState(`?${new URLSearchParams(params)}`));
        for (const key of new URLSearchParams(query).keys()) {
          expect(URL_KEYS).toContain(key);
        }
      }),
    );
    const query = serializeUrlState(parseUrlState('?text=kunniav%C3%A4kivalta&line=L8&case=x'));
    expect(query).toBe('?line=L8');
  });
});
