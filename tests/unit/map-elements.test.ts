/** The metro map's elements: stations, segments in parallel lanes, badges, classes, overlays. */
import { describe, expect, it } from 'vitest';
import { countLabelOverlaps, LABEL_ZOOMS } from '../../web/src/lib/label-placement.ts';
import {
  BADGE_HEIGHT,
  BADGE_MAX_SCALE,
  BADGE_WIDTH,
  elementView,
  LANE_SPACING,
  labelPriority,
  type MapElement,
  mapLabelling,
  OVERLAY_MARGIN,
  type SegmentEdgeData,
  type StationNodeData,
  segmentLanes,
  shortName,
  toMapElements,
  toOverlayElements,
} from '../../web/src/lib/map-elements.ts';
import type { MapStation, NetworkMap } from '../../web/src/lib/network-map.types.ts';
import { INTERCHANGE_RADIUS } from '../../web/src/lib/station-marker.ts';

function station(
  id: string,
  x: number,
  y: number,
  lineCodes: string[],
  extra: Partial<MapStation> = {},
): MapStation {
  return {
    id,
    label: `Station ${id}`,
    kind: 'EXPERT',
    x,
    y,
    lineCodes,
    interchange: lineCodes.length > 1,
    awayUntil: null,
    ...extra,
  };
}

/**
 * L1 runs a-b-c-d left to right; L2 joins at b and runs with L1 along b-c (in the opposite
 * direction: c to b) and then turns down; L3 is a lone line with a unit at its end.
 */
const MAP: NetworkMap = {
  lines: [
    { id: 'line-L1', code: 'L1', name: 'Yksi', color: '#006dac' },
    { id: 'line-L2', code: 'L2', name: 'Kaksi', color: '#c23b00' },
    { id: 'line-L3', code: 'L3', name: 'Kolme', color: '#842152' },
  ],
  stations: [
    station('a', 0, 0, ['L1']),
    station('b', 60, 0, ['L1', 'L2']),
    station('c', 120, 0, ['L1', 'L2']),
    station('d', 180, 0, ['L1'], { awayUntil: '2099-01-01' }),
    station('e', 120, 60, ['L2']),
    station('f', 0, 300, ['L3']),
    station('g', 60, 300, ['L3'], { kind: 'UNIT' }),
  ],
  segments: [
    { lineCode: 'L1', from: 'a', to: 'b', offset: 0 },
    { lineCode: 'L1', from: 'b', to: 'c', offset: 0 },
    { lineCode: 'L1', from: 'c', to: 'd', offset: 0 },
    { lineCode: 'L2', from: 'e', to: 'c', offset: 0 },
    { lineCode: 'L2', from: 'c', to: 'b', offset: 0 },
    { lineCode: 'L3', from: 'f', to: 'g', offset: 0 },
  ],
};

const byId = (elements: MapElement[], id: string) => {
  const element = elements.find((candidate) => candidate.data.id === id);
  if (!element) {
    throw new Error(`no element ${id}`);
  }
  return element;
};

/** The offset vector of an edge's endpoints, [0, 0] when it runs alone. */
function offsetOf(edge: MapElement): [number, number] {
  const data = edge.data as SegmentEdgeData;
  if (!data.sourceEndpoint) {
    return [0, 0];
  }
  expect(data.targetEndpoint).toBe(data.sourceEndpoint);
  const [x, y] = data.sourceEndpoint.split(' ').map((part) => Number.parseFloat(part));
  return [x as number, y as number];
}

describe('toMapElements', () => {
  const elements = toMapElements(MAP);
  const stations = elements.filter((element) => element.classes.includes('station'));
  const segments = elements.filter((element) => element.classes.includes('segment'));

  it('draws one node per station at its API position and one edge per segment', () => {
    expect(stations.map((element) => element.data.id).sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
    ]);
    expect(byId(elements, 'c').position).toEqual({ x: 120, y: 0 });
    expect(segments).toHaveLength(MAP.segments.length);
    const data = byId(elements, 'segment:L2:e:c').data as SegmentEdgeData;
    expect(data).toMatchObject({ source: 'e', target: 'c', lineCode: 'L2', color: '#c23b00' });
  });

  it('runs lines that share consecutive stations side by side, LANE_SPACING apart', () => {
    const l1 = byId(elements, 'segment:L1:b:c');
    const l2 = byId(elements, 'segment:L2:c:b');
    expect(l1.classes).toContain('parallel');
    expect(l2.classes).toContain('parallel');
    const [x1, y1] = offsetOf(l1);
    const [x2, y2] = offsetOf(l2);
    // Perpendicular to the horizontal segment, on opposite sides, one lane apart.
    expect(x1).toBe(0);
    expect(x2).toBe(0);
    expect(Math.sign(y1)).toBe(-Math.sign(y2));
    expect(Math.abs(y1 - y2)).toBeCloseTo(LANE_SPACING);
  });

  it('leaves a line that runs alone in the middle', () => {
    for (const id of ['segment:L1:a:b', 'segment:L1:c:d', 'segment:L2:e:c', 'segment:L3:f:g']) {
      const edge = byId(elements, id);
      expect(edge.classes, id).not.toContain('parallel');
      expect((edge.data as SegmentEdgeData).lane, id).toBe(0);
      expect(offsetOf(edge), id).toEqual([0, 0]);
    }
  });

  it('marks interchanges, units, termini and away experts', () => {
    expect(byId(elements, 'b').classes).toContain('interchange');
    expect(byId(elements, 'a').classes).not.toContain('interchange');
    expect(byId(elements, 'g').classes).toEqual(expect.arrayContaining(['unit', 'terminus']));
    expect(byId(elements, 'b').classes).toContain('expert');
    // L2 runs e-c-b, so b ends L2 while L1 runs through it.
    for (const terminus of ['a', 'b', 'd', 'e', 'f', 'g']) {
      expect(byId(elements, terminus).classes, terminus).toContain('terminus');
    }
    expect(byId(elements, 'c').classes).not.toContain('terminus');
    const away = byId(elements, 'd');
    expect(away.classes).toContain('away');
    expect((away.data as StationNodeData).caption).toMatch(/^Station d \u26a0/);
    expect((byId(elements, 'a').data as StationNodeData).caption).toBe('Station a');
  });

  it('gives every station one label side and the zoom level its name shows from', () => {
    for (const element of stations) {
      expect(element.classes.filter((name) => name.startsWith('label-'))).toHaveLength(1);
      const level = (element.data as StationNodeData).labelLevel;
      expect(level).toBeGreaterThanOrEqual(0);
      expect(level).toBeLessThan(LABEL_ZOOMS.length);
    }
  });

  it('draws an interchange as a capsule across the lanes of the lines it joins', () => {
    // b and c carry L1 and L2 side by side on the horizontal segment b-c: the capsule stands
    // upright across both lanes.
    const c = byId(elements, 'c').data as StationNodeData;
    expect(c.polygon?.length).toBeGreaterThan(8);
    expect(c.height).toBeGreaterThan(c.width);
    expect(c.height).toBeGreaterThanOrEqual(LANE_SPACING + 2 * INTERCHANGE_RADIUS - 0.01);
    // Plain stations are plain circles, units a little larger.
    const a = byId(elements, 'a').data as StationNodeData;
    const g = byId(elements, 'g').data as StationNodeData;
    expect(a.polygon).toBeUndefined();
    expect(a.width).toBe(a.height);
    expect(g.width).toBeGreaterThan(a.width);
  });

  it('ranks names: interchanges, then termini, then units, then the other experts', () => {
    const expert = MAP.stations.find((s) => s.id === 'c') as MapStation;
    const plain = { ...expert, interchange: false, lineCodes: ['L1'] };
    const unit = { ...plain, kind: 'UNIT' as const };
    expect(labelPriority(expert, false)).toBeGreaterThan(labelPriority(plain, true));
    expect(labelPriority(plain, true)).toBeGreaterThan(labelPriority(unit, false));
    expect(labelPriority(unit, false)).toBeGreaterThan(labelPriority(plain, false));
  });

  it('keeps the names shown clear of each other, the lines and the markers', () => {
    const labelling = mapLabelling(MAP);
    for (let level = 0; level < LABEL_ZOOMS.length - 1; level++) {
      expect(
        countLabelOverlaps(labelling.stations, labelling.plans, labelling.obstacles, level),
      ).toMatchObject({ labels: 0, strokes: 0, boxes: 0 });
    }
    // The code badges are among the obstacles.
    expect(labelling.obstacles.boxes).toHaveLength(6);
  });

  it('puts a code badge beyond both ends of every line', () => {
    const badges = elements.filter((element) => element.classes.includes('line-badge'));
    expect(badges.map((badge) => badge.data.id).sort()).toEqual([
      'badge:L1:end',
      'badge:L1:start',
      'badge:L2:end',
      'badge:L2:start',
      'badge:L3:end',
      'badge:L3:start',
    ]);
    // L1 starts at a (0, 0) heading right: its badge sits to the left of a.
    const start = byId(elements, 'badge:L1:start');
    expect(start.position?.y).toBe(0);
    expect(start.position?.x).toBeLessThan(0);
    expect(start.data).toMatchObject({ caption: 'L1', color: '#006dac', textColor: '#ffffff' });
  });

  it('warns on the badge of a line whose experts are mostly away', () => {
    const map: NetworkMap = {
      ...MAP,
      stations: MAP.stations.map((s) =>
        s.lineCodes.includes('L3') ? { ...s, awayUntil: '2099-01-01' } : s,
      ),
    };
    const badge = byId(toMapElements(map), 'badge:L3:start');
    expect((badge.data as { caption: string }).caption).toMatch(/^L3 \u26a0/);
  });

  it('is deterministic', () => {
    expect(toMapElements(MAP)).toEqual(elements);
  });
});

describe('segmentLanes', () => {
  it('keeps each line on the same side all along a shared stretch, whatever the ids', () => {
    // A straight stretch p-q-r shared by two lines; ids are ordered so that the stretch runs
    // against the id order on one segment and with it on the other.
    const stations = [
      station('q', 0, 0, ['L1', 'L2']),
      station('m', 100, 0, ['L1', 'L2']),
      station('z', 200, 0, ['L1', 'L2']),
    ];
    const map: NetworkMap = {
      lines: [
        { id: 'line-L1', code: 'L1', name: 'Yksi', color: '#006dac' },
        { id: 'line-L2', code: 'L2', name: 'Kaksi', color: '#c23b00' },
      ],
      stations,
      segments: [
        { lineCode: 'L1', from: 'q', to: 'm', offset: 0 },
        { lineCode: 'L1', from: 'm', to: 'z', offset: 0 },
        { lineCode: 'L2', from: 'z', to: 'm', offset: 0 },
        { lineCode: 'L2', from: 'm', to: 'q', offset: 0 },
      ],
    };
    const elements = toMapElements(map);
    const l1 = [
      offsetOf(byId(elements, 'segment:L1:q:m')),
      offsetOf(byId(elements, 'segment:L1:m:z')),
    ];
    const l2 = [
      offsetOf(byId(elements, 'segment:L2:z:m')),
      offsetOf(byId(elements, 'segment:L2:m:q')),
    ];
    expect(l1[0]).toEqual(l1[1]);
    expect(l2[0]).toEqual(l2[1]);
    expect(l1[0]?.[1]).toBe(-(l2[0]?.[1] ?? 0));
  });

  it('spreads three lines over three lanes centred on the segment', () => {
    const segments = ['L1', 'L2', 'L3'].map((lineCode) => ({
      lineCode,
      from: 'a',
      to: 'b',
      offset: 0,
    }));
    const lanes = segmentLanes(segments, ['L1', 'L2', 'L3']);
    expect(segments.map((segment) => lanes.get(segment))).toEqual([1, 0, -1]);
  });
});

describe('lanes from the layout', () => {
  it('uses the offsets the server computed, positive to the left of travel', () => {
    const map: NetworkMap = {
      ...MAP,
      segments: MAP.segments.map((segment) =>
        segment.from === 'b' && segment.to === 'c'
          ? { ...segment, offset: -0.5 }
          : segment.from === 'c' && segment.to === 'b'
            ? { ...segment, offset: -0.5 }
            : segment,
      ),
    };
    const elements = toMapElements(map);
    // L1 travels b to c (rightwards): its right is down (y grows). L2 travels c to b: its right
    // is up.
    expect(offsetOf(byId(elements, 'segment:L1:b:c'))).toEqual([0, LANE_SPACING / 2]);
    expect(offsetOf(byId(elements, 'segment:L2:c:b'))).toEqual([0, -LANE_SPACING / 2]);
  });
});

describe('line code badges', () => {
  it('move further out rather than cover the badge of a line ending nearby', () => {
    // L1 and L2 both end at stations 20 apart, running the same way: their badges would meet.
    const map: NetworkMap = {
      lines: [
        { id: 'line-L1', code: 'L1', name: 'Yksi', color: '#006dac' },
        { id: 'line-L2', code: 'L2', name: 'Kaksi', color: '#c23b00' },
      ],
      stations: [
        station('a', 0, 0, ['L1']),
        station('b', 120, 0, ['L1']),
        station('c', 0, 20, ['L2']),
        station('d', 120, 20, ['L2']),
      ],
      segments: [
        { lineCode: 'L1', from: 'a', to: 'b', offset: 0 },
        { lineCode: 'L2', from: 'c', to: 'd', offset: 0 },
      ],
    };
    const badges = toMapElements(map).filter((element) => element.classes.includes('line-badge'));
    expect(badges).toHaveLength(4);
    const half = {
      x: (BADGE_WIDTH * BADGE_MAX_SCALE) / 2,
      y: (BADGE_HEIGHT * BADGE_MAX_SCALE) / 2,
    };
    for (const [i, one] of badges.entries()) {
      for (const other of badges.slice(i + 1)) {
        const dx = Math.abs((one.position?.x ?? 0) - (other.position?.x ?? 0));
        const dy = Math.abs((one.position?.y ?? 0) - (other.position?.y ?? 0));
        expect(dx >= 2 * half.x || dy >= 2 * half.y).toBe(true);
      }
    }
  });
});

describe('toOverlayElements', () => {
  it('draws a layer as a rail of items above the map, linked to the lines they serve', () => {
    const elements = toOverlayElements(MAP, 'vip', [
      { id: 'vip-1', name: 'Pirkanmaan VIP-verkosto', lineCodes: ['L1', 'L2'] },
      { id: 'vip-2', name: 'Kanta-Hämeen VIP-verkosto', lineCodes: ['L3', 'L99'] },
    ]);
    const hubs = elements.filter((element) => element.classes.includes('overlay'));
    expect(hubs).toHaveLength(2);
    expect(hubs.map((hub) => (hub.data as { label: string }).label).sort()).toEqual([
      'Kanta-Hämeen VIP-verkosto\nL3',
      'Pirkanmaan VIP-verkosto\nL1 L2',
    ]);
    for (const hub of hubs) {
      expect(hub.position?.y).toBeLessThan(0);
    }
    const links = elements.filter((element) => element.classes.includes('overlay-link'));
    // L99 is not on the map: no link to it.
    expect(links.map((link) => link.data.id).sort()).toEqual([
      'vip:vip-1:link:L1',
      'vip:vip-1:link:L2',
      'vip:vip-2:link:L3',
    ]);
    expect(elements.filter((element) => element.classes.includes('overlay-rail'))).toHaveLength(1);
  });

  it('places items outside the network, spread evenly, the same way every time', () => {
    const items = [
      { id: 'c', name: 'Tampereen yliopisto', lineCodes: ['L3'] },
      { id: 'a', name: 'Terveyden ja hyvinvoinnin laitos (THL)', lineCodes: ['L1'] },
      { id: 'b', name: 'TAYS', lineCodes: ['L2', 'L3'] },
    ];
    const elements = toOverlayElements(MAP, 'research', items);
    expect(toOverlayElements(MAP, 'research', [...items].reverse())).toEqual(elements);
    const ys = MAP.stations.map((station) => station.y);
    const xs = MAP.stations.map((station) => station.x);
    const nodes = elements.filter((element) => element.classes.includes('overlay'));
    for (const node of nodes) {
      expect(node.position?.y).toBe(Math.max(...ys) + OVERLAY_MARGIN);
      expect(node.position?.x).toBeGreaterThanOrEqual(Math.min(...xs));
      expect(node.position?.x).toBeLessThanOrEqual(Math.max(...xs));
    }
    const positions = nodes.map((node) => node.position?.x ?? 0);
    const gaps = positions.slice(1).map((x, index) => x - (positions[index] as number));
    expect(new Set(gaps.map((gap) => Math.round(gap))).size).toBe(1);
    // The abbreviation a name ends with stands for it on the map.
    expect(nodes.map((node) => (node.data as { label: string }).label.split('\n')[0])).toContain(
      'THL',
    );
    // Every link ends at a station of its line; the metro's own elements are not touched.
    for (const link of elements.filter((element) => element.classes.includes('overlay-link'))) {
      const data = link.data as { target: string; lineCodes: string[] };
      const station = MAP.stations.find((candidate) => candidate.id === data.target);
      expect(station?.lineCodes).toContain(data.lineCodes[0]);
    }
  });

  it('names an organisation by the abbreviation its name ends with', () => {
    expect(shortName('Tampereen ammattikorkeakoulu (TAMK)')).toBe('TAMK');
    expect(shortName('Tampereen yliopisto')).toBe('Tampereen yliopisto');
  });

  it('draws research partners below the map, and nothing for an empty layer', () => {
    const elements = toOverlayElements(MAP, 'research', [
      { id: 'p1', name: 'Hanke', lineCodes: ['L3'] },
    ]);
    expect(
      elements.find((element) => element.classes.includes('overlay'))?.position?.y,
    ).toBeGreaterThan(300);
    expect(toOverlayElements(MAP, 'research', [])).toEqual([]);
  });
});

describe('elementView', () => {
  it('hides an element when all its lines are hidden and fades it when another line has focus', () => {
    const hidden = new Set(['L1']);
    expect(elementView(['L1'], hidden, null)).toEqual({
      hidden: true,
      faded: false,
      emphasised: false,
    });
    expect(elementView(['L1', 'L2'], hidden, null)).toMatchObject({ hidden: false, faded: false });
    expect(elementView(['L2'], new Set(), 'L1')).toEqual({
      hidden: false,
      faded: true,
      emphasised: false,
    });
    expect(elementView(['L1', 'L2'], new Set(), 'L2')).toEqual({
      hidden: false,
      faded: false,
      emphasised: true,
    });
  });
});
