/**
 * Consultation statistics from the stored counters, with small counts suppressed: a count under
 * 5 is shown as "<5" and never as a number, so that a rare line in a small municipality cannot
 * point at a family. Pure, unit-tested.
 */
import type {
  ConsultationCountRow,
  ConsultationStatistics,
  SuppressedCount,
} from './consultation.types.ts';

/** Counts under this are shown as "<5". */
export const SUPPRESSION_THRESHOLD = 5;

/** The count as it may be shown. */
export function suppress(key: string, label: string, count: number): SuppressedCount {
  return count < SUPPRESSION_THRESHOLD
    ? { key, label, count: null, display: `<${SUPPRESSION_THRESHOLD}` }
    : { key, label, count, display: String(count) };
}

function tally(
  rows: ConsultationCountRow[],
  keysOf: (row: ConsultationCountRow) => Array<[string, string]>,
  order: (a: SuppressedCount, b: SuppressedCount) => number,
): SuppressedCount[] {
  const counts = new Map<string, { label: string; count: number }>();
  for (const row of rows) {
    for (const [key, label] of keysOf(row)) {
      const entry = counts.get(key) ?? { label, count: 0 };
      entry.count += row.count;
      counts.set(key, entry);
    }
  }
  return [...counts].map(([key, { label, count }]) => suppress(key, label, count)).sort(order);
}

const byKey = (a: SuppressedCount, b: SuppressedCount) =>
  a.key.localeCompare(b.key, 'fi', { numeric: true });
const byLabel = (a: SuppressedCount, b: SuppressedCount) => a.label.localeCompare(b.label, 'fi');

/**
 * Counts per line (a consultation on two lines counts for both), municipality, wellbeing
 * county, channel and month, each suppressed on its own.
 */
export function consultationStatistics(rows: ConsultationCountRow[]): ConsultationStatistics {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return {
    total: suppress('total', 'total', total),
    byLine: tally(rows, (row) => row.lineCodes.map((code) => [code, code]), byKey),
    byMunicipality: tally(rows, (row) => [[row.municipalityCode, row.municipalityName]], byLabel),
    byCounty: tally(
      rows,
      (row) => (row.countyCode ? [[row.countyCode, row.countyName ?? row.countyCode]] : []),
      byLabel,
    ),
    byChannel: tally(rows, (row) => [[row.channel, row.channel]], byKey),
    byMonth: tally(rows, (row) => [[row.month, row.month]], byKey),
  };
}

const HELSINKI_MONTH = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
});

/** The month in Finland (YYYY-MM) of `now`. */
export function finnishMonth(now: Date = new Date()): string {
  return HELSINKI_MONTH.format(now).slice(0, 7);
}
