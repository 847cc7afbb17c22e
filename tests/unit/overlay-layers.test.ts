/** The overlay layers' items: research partners grouped from their projects, VIP networks. */
import { describe, expect, it } from 'vitest';
import {
  itemsOnLine,
  researchPartnerItems,
  sortLineCodes,
  vipNetworkItems,
} from '../../web/src/lib/overlay-layers.ts';

const lines = (...codes: string[]) => codes.map((code) => ({ code }));
const THL = { id: 'org-thl', name: 'Terveyden ja hyvinvoinnin laitos (THL)' };
const TAMK = { id: 'org-tamk', name: 'Tampereen ammattikorkeakoulu (TAMK)' };

describe('researchPartnerItems', () => {
  it('makes one item per partner with the lines all its projects inform, in line order', () => {
    const items = researchPartnerItems([
      { id: 'p2', title: 'MARAK', organisation: THL, lines: lines('L10', 'L2') },
      { id: 'p1', title: 'Autismikirjo', organisation: THL, lines: lines('L2', 'L5') },
      { id: 'p3', title: 'Karkailu', organisation: TAMK, lines: lines('L6') },
      { id: 'p4', title: 'Ilman kumppania', organisation: null, lines: lines('L1') },
    ]);
    expect(items).toEqual([
      {
        id: 'org-tamk',
        name: TAMK.name,
        lineCodes: ['L6'],
        details: [{ id: 'p3', title: 'Karkailu', lineCodes: ['L6'] }],
      },
      {
        id: 'org-thl',
        name: THL.name,
        lineCodes: ['L2', 'L5', 'L10'],
        details: [
          { id: 'p1', title: 'Autismikirjo', lineCodes: ['L2', 'L5'] },
          { id: 'p2', title: 'MARAK', lineCodes: ['L2', 'L10'] },
        ],
      },
    ]);
  });

  it('gives the same items whatever order the projects come in', () => {
    const projects = [
      { id: 'p1', title: 'A', organisation: THL, lines: lines('L1') },
      { id: 'p2', title: 'B', organisation: TAMK, lines: lines('L2') },
      { id: 'p3', title: 'C', organisation: THL, lines: lines('L3') },
    ];
    expect(researchPartnerItems([...projects].reverse())).toEqual(researchPartnerItems(projects));
  });
});

describe('vipNetworkItems and itemsOnLine', () => {
  it('sorts networks by name and finds the items serving a line', () => {
    const items = vipNetworkItems([
      { id: 'vip-2', name: 'Sisä-Suomen VIP-verkosto', lines: lines('L7', 'L1') },
      { id: 'vip-1', name: 'Kanta-Hämeen VIP-verkosto', lines: lines('L5') },
    ]);
    expect(items.map((item) => item.id)).toEqual(['vip-1', 'vip-2']);
    expect(items[1]?.lineCodes).toEqual(['L1', 'L7']);
    expect(itemsOnLine(items, 'L7').map((item) => item.id)).toEqual(['vip-2']);
    expect(itemsOnLine(items, 'L9')).toEqual([]);
  });

  it('orders line codes by number, without repeats', () => {
    expect(sortLineCodes(['L10', 'L2', 'L1', 'L2'])).toEqual(['L1', 'L2', 'L10']);
  });
});
