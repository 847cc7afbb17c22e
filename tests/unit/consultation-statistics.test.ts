/** Consultation statistics: counts per dimension, small counts suppressed, months in Finnish time. */
import { describe, expect, it } from 'vitest';
import type { ConsultationCountRow } from '../../server/src/features/consultations/consultation.types.ts';
import {
  consultationStatistics,
  finnishMonth,
  suppress,
  suppressBreakdown,
} from '../../server/src/features/consultations/consultation-statistics.ts';

function row(
  lineCodes: string[],
  municipalityCode: string,
  channel: ConsultationCountRow['channel'],
  month: string,
  count: number,
): ConsultationCountRow {
  const names: Record<string, string> = { '837': 'Tampere', '536': 'Nokia', '109': 'Hämeenlinna' };
  return {
    lineCodes,
    municipalityCode,
    municipalityName: names[municipalityCode] ?? municipalityCode,
    countyCode: municipalityCode === '109' ? '05' : '06',
    countyName: municipalityCode === '109' ? 'Kanta-Häme' : 'Pirkanmaa',
    channel,
    month,
    count,
  };
}

const rows = [
  row(['L3', 'L8'], '837', 'PHONE', '2026-10', 4),
  row(['L8'], '837', 'VIDEO', '2026-11', 3),
  row(['L3'], '536', 'PHONE', '2026-11', 2),
  row(['L1'], '109', 'PHONE', '2026-11', 9),
];
const stats = consultationStatistics(rows);
const find = (list: typeof stats.byLine, key: string) => list.find((entry) => entry.key === key);

describe('consultation statistics', () => {
  it('shows counts under 5 as "<5" and never as a number', () => {
    expect(suppress('x', 'x', 4)).toEqual({ key: 'x', label: 'x', count: null, display: '<5' });
    expect(suppress('x', 'x', 5)).toEqual({ key: 'x', label: 'x', count: 5, display: '5' });
    expect(suppress('x', 'x', 0).display).toBe('<5');
  });

  it('counts a consultation on two lines for both lines, once for everything else', () => {
    expect(find(stats.byLine, 'L8')?.count).toBe(7);
    expect(find(stats.byLine, 'L3')?.count).toBe(6);
    expect(stats.total.count).toBe(18);
  });

  it('hides small counts and, with them, enough others that none can be worked out', () => {
    // Nokia's 2 is small; Tampere's 7 is hidden too, else 18 - 9 - 7 would give it away.
    expect(find(stats.byMunicipality, '536')).toMatchObject({ count: null, display: '<5' });
    expect(find(stats.byMunicipality, '837')).toMatchObject({ count: null, display: '..' });
    expect(find(stats.byMunicipality, '109')).toMatchObject({ label: 'Hämeenlinna', count: 9 });
    // Pirkanmaa 9 and Kanta-Häme 9: nothing small, nothing hidden.
    expect(find(stats.byCounty, '06')).toMatchObject({ label: 'Pirkanmaa', count: 9 });
    expect(find(stats.byChannel, 'VIDEO')?.display).toBe('<5');
    expect(find(stats.byChannel, 'PHONE')?.display).toBe('..');
    expect(find(stats.byMonth, '2026-10')?.display).toBe('<5');
    expect(find(stats.byMonth, '2026-11')?.display).toBe('..');
    expect(stats.byLine.map((entry) => entry.key)).toEqual(['L1', 'L3', 'L8']);
  });

  it('never lets a small count be derived from the total and the counts shown', () => {
    // The case a new user found: 7 on L10 and 2 on L8 showed total 9, L10 7, L8 "<5".
    const found = consultationStatistics([
      row(['L10'], '837', 'PHONE', '2026-11', 7),
      row(['L8'], '837', 'PHONE', '2026-11', 2),
    ]);
    expect(found.total.count).toBe(9);
    expect(find(found.byLine, 'L8')?.display).toBe('<5');
    expect(find(found.byLine, 'L10')?.display).toBe('..');

    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 48271) + 11) >>> 0;
      return seed % n;
    };
    for (let round = 0; round < 200; round += 1) {
      const counts = Array.from({ length: 1 + random(6) }, (_, index) => ({
        key: `k${index}`,
        label: `k${index}`,
        count: random(12),
      }));
      const shown = suppressBreakdown(counts);
      const hidden = counts.filter((_, index) => shown[index]?.count === null);
      // Every small count is hidden ...
      expect(counts.filter((cell) => cell.count < 5).every((cell) => hidden.includes(cell))).toBe(
        true,
      );
      // ... never alone, and the hidden ones add up to 5 or more (or all are hidden).
      if (hidden.length > 0 && hidden.length < counts.length) {
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        expect(hidden.reduce((sum, cell) => sum + cell.count, 0)).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('takes the month in Finnish time', () => {
    // 22:30 UTC on 31 October is already November in Finland.
    expect(finnishMonth(new Date('2026-10-31T22:30:00Z'))).toBe('2026-11');
    expect(finnishMonth(new Date('2026-10-31T20:00:00Z'))).toBe('2026-10');
  });
});
