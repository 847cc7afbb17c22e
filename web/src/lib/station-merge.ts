/**
 * Merging a duplicate station into the one kept, from the kept station's card (admins, and
 * coordinators who may edit both). The duplicate is picked from the stations of the map by name;
 * both versions are read just before the merge, which the server checks and audits.
 */
import type { MapStation } from './network-map.types.ts';

export const STATION_VERSIONS_QUERY = /* GraphQL */ `
  query StationVersions($keepId: ID!, $removeId: ID!) {
    keep: station(id: $keepId) { version }
    remove: station(id: $removeId) { version }
  }`;

export const MERGE_STATIONS = /* GraphQL */ `
  mutation MergeStations($keepId: ID!, $keepVersion: Int!, $removeId: ID!, $removeVersion: Int!) {
    mergeStations(keepId: $keepId, keepVersion: $keepVersion, removeId: $removeId, removeVersion: $removeVersion) {
      station { id version }
    }
  }`;

/** Folds case and Finnish diacritics, so "aino" finds "Äino" and "Aino". */
function folded(text: string): string {
  return text
    .toLocaleLowerCase('fi')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');
}

/**
 * Stations of the same kind as `kept` whose name contains `query` (at least 2 letters), by name;
 * at most `limit`.
 */
export function duplicateCandidates(
  stations: readonly MapStation[],
  kept: { id: string; kind: MapStation['kind'] },
  query: string,
  limit = 8,
): MapStation[] {
  const wanted = folded(query.trim());
  if (wanted.length < 2) {
    return [];
  }
  return stations
    .filter(
      (station) =>
        station.id !== kept.id &&
        station.kind === kept.kind &&
        folded(station.label).includes(wanted),
    )
    .sort((a, b) => a.label.localeCompare(b.label, 'fi'))
    .slice(0, limit);
}
