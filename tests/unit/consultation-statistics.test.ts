/** Consultation statistics: counts per dimension, small counts suppressed, months in Finnish time. */
import { describe, expect, it } from 'vitest';
import type { ConsultationCountRow } from '../../server/src/features/consultations/consultation.types.ts';
import {
  consultationStatistics,
  finnishMonth,
  suppress,
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

  it('suppresses each dimension on its own', () => {
    expect(find(stats.byMunicipality, '837')).toMatchObject({ label: 'Tampere', count: 7 });
    expect(find(stats.byMunicipality, '536')).toMatchObject({ count: null, display: '<5' });
    expect(find(stats.byCounty, '06')).toMatchObject({ label: 'Pirkanmaa', count: 9 });
    expect(find(stats.byChannel, 'VIDEO')?.display).toBe('<5');
    expect(find(stats.byChannel, 'PHONE')?.count).toBe(15);
    expect(find(stats.byMonth, '2026-10')?.display).toBe('<5');
    expect(find(stats.byMonth, '2026-11')?.count).toBe(14);
    expect(stats.byLine.map((entry) => entry.key)).toEqual(['L1', 'L3', 'L8']);
  });

  it('takes the month in Finnish time', () => {
    // 22:30 UTC on 31 October is already November in Finland.
    expect(finnishMonth(new Date('2026-10-31T22:30:00Z'))).toBe('2026-11');
    expect(finnishMonth(new Date('2026-10-31T20:00:00Z'))).toBe('2026-10');
  });
});
