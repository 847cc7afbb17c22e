/**
 * Consultation statistics from the stored counters, with small counts suppressed: a count under
 * 5 is shown as "<5" and never as a number, so that a rare line in a small municipality cannot
 * point at a family; nor can it be worked out from the total and the other counts. Pure,
 * unit-tested.
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

/** How a hidden count is shown: too small ("<5"), or hidden so the small one cannot be derived (".."). */
export const SMALL_COUNT = `<${SUPPRESSION_THRESHOLD}`;
export const PROTECTING_COUNT = '..';

/**
 * The counts of one breakdown with small counts hidden, and enough others hidden with them that
 * no small count can be worked out from the total by subtraction: whenever a count is hidden, at
 * least two are, and the hidden ones add up to at least the threshold. The smallest shown counts
 * are hidden first (".." rather than "<5": they are not small). Statistics Finland's
 * complementary suppression works the same way.
 */
export function suppressBreakdown(
  cells: Array<{ key: string; label: string; count: number }>,
): SuppressedCount[] {
  const hidden = new Set(
    cells.filter((cell) => cell.count < SUPPRESSION_THRESHOLD).map((cell) => cell.key),
  );
  const small = new Set(hidden);
  if (hidden.size > 0) {
    const shown = cells
      .filter((cell) => !hidden.has(cell.key))
      .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
    let hiddenSum = cells
      .filter((cell) => hidden.has(cell.key))
      .reduce((sum, cell) => sum + cell.count, 0);
    while ((hidden.size < 2 || hiddenSum < SUPPRESSION_THRESHOLD) && shown.length > 0) {
      const next = shown.shift() as { key: string; count: number };
      hidden.add(next.key);
      hiddenSum += next.count;
    }
  }
  return cells.map(({ key, label, count }) =>
    hidden.has(key)
      ? { key, label, count: null, display: small.has(key) ? SMALL_COUNT : PROTECTING_COUNT }
      : { key, label, count, display: String(count) },
  );
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
  return suppressBreakdown(
    [...counts].map(([key, { label, count }]) => ({ key, label, count })),
  ).sort(order);
}

const byKey = (a: SuppressedCount, b: SuppressedCount) =>
  a.key.localeCompare(b.key, 'fi', { numeric: true });
const byLabel = (a: SuppressedCount, b: SuppressedCount) => a.label.localeCompare(b.label, 'fi');

/**
 * Counts per line (a consultation on two lines counts for both), municipality, wellbeing
 * county, channel and month, each breakdown suppressed as a whole (see `suppressBreakdown`).
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
