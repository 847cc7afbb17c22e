/** Sorting of the researchers' tables: by one column, numbers numerically, text in Finnish order. Pure. */

export type SortDirection = 'ascending' | 'descending';

export type CellValue = string | number | null;

/** Rows sorted by `key`; nulls last; ties keep their order. */
export function sortRows<Row extends Record<string, CellValue>>(
  rows: readonly Row[],
  key: string,
  direction: SortDirection,
): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[key] ?? null;
      const y = b.row[key] ?? null;
      if (x === null || y === null) {
        return x === y ? a.index - b.index : x === null ? 1 : -1;
      }
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), 'fi', { numeric: true });
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
}
