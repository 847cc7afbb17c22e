/** The station order editor's logic, without the DOM. Pure, so unit-tested. */

export const LINE_ORDER_QUERY = /* GraphQL */ `
  query LineOrder($code: String!) {
    line(code: $code) { code version stations { id name } }
  }
`;

export const REORDER_MUTATION = /* GraphQL */ `
  mutation ReorderLineStations($code: String!, $expectedVersion: Int!, $stationIds: [ID!]!) {
    reorderLineStations(code: $code, expectedVersion: $expectedVersion, stationIds: $stationIds) {
      line { version }
    }
  }
`;

export interface OrderedStation {
  id: string;
  name: string;
}

/**
 * `stations` with the one at `from` moved to index `to` (clamped to the list); the same array
 * when nothing moves.
 */
export function moveStation<T>(stations: readonly T[], from: number, to: number): readonly T[] {
  const target = Math.max(0, Math.min(stations.length - 1, to));
  if (from < 0 || from >= stations.length || from === target) {
    return stations;
  }
  const next = [...stations];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** Whether two orders differ: only then is there anything to save. */
export function orderChanged(
  before: readonly OrderedStation[],
  after: readonly OrderedStation[],
): boolean {
  return (
    before.length !== after.length ||
    before.some((station, index) => station.id !== after[index]?.id)
  );
}
