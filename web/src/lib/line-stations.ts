/** The stations of each line in line order, as the list view reads them. Pure. */
import type { MapStation, NetworkMap } from './network-map.types.ts';

/**
 * Stations of every line in line order: the path its segments (given in line order) run along,
 * or, for a line without segments, its stations in the order the API lists them.
 */
export function stationsByLine(map: NetworkMap): Map<string, MapStation[]> {
  const byId = new Map(map.stations.map((station) => [station.id, station]));
  const result = new Map<string, MapStation[]>();
  for (const line of map.lines) {
    const segments = map.segments.filter((segment) => segment.lineCode === line.code);
    const ids =
      segments.length > 0
        ? [segments[0]?.from as string, ...segments.map((segment) => segment.to)]
        : map.stations.filter((station) => station.lineCodes.includes(line.code)).map((s) => s.id);
    result.set(
      line.code,
      ids.flatMap((id) => {
        const station = byId.get(id);
        return station ? [station] : [];
      }),
    );
  }
  return result;
}
