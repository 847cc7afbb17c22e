/** Line notices: away experts are a disruption; half of a line away is a coverage gap. */
import { describe, expect, it } from 'vitest';
import { lineNotices } from '../../web/src/lib/line-notices.ts';
import { stationsByLine } from '../../web/src/lib/line-stations.ts';
import type { MapStation, NetworkMap } from '../../web/src/lib/network-map.types.ts';

function station(id: string, lineCodes: string[], extra: Partial<MapStation> = {}): MapStation {
  return {
    id,
    label: id,
    kind: 'EXPERT',
    x: 0,
    y: 0,
    lineCodes,
    interchange: lineCodes.length > 1,
    awayUntil: null,
    ...extra,
  };
}

const lines = ['L1', 'L2', 'L3'].map((code) => ({
  id: `line-${code}`,
  code,
  name: code,
  color: '#006dac',
}));

describe('lineNotices', () => {
  it('announces a disruption, a coverage gap, or nothing', () => {
    const notices = lineNotices({
      lines,
      stations: [
        station('a', ['L1', 'L2'], { awayUntil: '2030-02-01' }),
        station('b', ['L1']),
        station('c', ['L1']),
        station('d', ['L2'], { awayUntil: '2030-03-15' }),
        station('u', ['L2'], { kind: 'UNIT' }),
        station('e', ['L3']),
      ],
    });
    expect(notices.get('L1')).toEqual({
      lineCode: 'L1',
      level: 'disruption',
      awayCount: 1,
      expertCount: 3,
      backBy: '2030-02-01',
    });
    // Units are never away and do not count: both experts of L2 are away.
    expect(notices.get('L2')).toMatchObject({
      level: 'gap',
      awayCount: 2,
      expertCount: 2,
      backBy: '2030-03-15',
    });
    expect(notices.has('L3')).toBe(false);
  });
});

describe('stationsByLine', () => {
  it('lists each line in line order, from its segments', () => {
    const map: NetworkMap = {
      lines,
      stations: [
        station('a', ['L1']),
        station('b', ['L1', 'L2']),
        station('c', ['L1', 'L2']),
        station('e', ['L3']),
      ],
      segments: [
        { lineCode: 'L1', from: 'c', to: 'a', offset: 0 },
        { lineCode: 'L1', from: 'a', to: 'b', offset: 0 },
        { lineCode: 'L2', from: 'b', to: 'c', offset: 0 },
      ],
    };
    const byLine = stationsByLine(map);
    expect(byLine.get('L1')?.map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(byLine.get('L2')?.map((s) => s.id)).toEqual(['b', 'c']);
    expect(byLine.get('L3')?.map((s) => s.id)).toEqual(['e']);
  });
});
