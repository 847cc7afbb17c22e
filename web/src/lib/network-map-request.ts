/**
 * The metro map's one large request, which the entry module starts before the app's code has
 * even been fetched: the server answers while the browser loads and compiles the app, instead
 * of only after. The map state then takes over that response instead of asking again.
 */
import { requestGraphQL } from './graphql-client.ts';
import type { UiLang } from './messages.ts';
import type { NetworkMap } from './network-map.types.ts';

export const NETWORK_MAP_QUERY = /* GraphQL */ `
  query NetworkMap($lang: Lang!) {
    networkMap {
      lines { id code name(lang: $lang) color }
      stations { id label kind x y lineCodes interchange awayUntil }
      segments { lineCode from to offset }
    }
  }
`;

/**
 * Names of the `performance.mark`s on the way to a drawn map, which the map benchmark reads to
 * say where the time goes: the network map received, turned into elements, given to Cytoscape,
 * and drawn for the first time.
 */
export const MAP_MARKS = {
  received: 'metrokartta:network-map-received',
  elements: 'metrokartta:map-elements-built',
  mounted: 'metrokartta:map-mounted',
  drawn: 'metrokartta:map-drawn',
} as const;

let early: { lang: UiLang; response: Promise<NetworkMap> } | null = null;

function requestNetworkMap(lang: UiLang, fetchImpl: typeof fetch): Promise<NetworkMap> {
  return requestGraphQL<{ networkMap: NetworkMap }>(
    NETWORK_MAP_QUERY,
    { lang: lang.toUpperCase() },
    fetchImpl,
  ).then((data) => data.networkMap);
}

/** Starts loading the map in `lang` now, for {@link loadNetworkMap} to pick up later. */
export function prefetchNetworkMap(lang: UiLang, fetchImpl: typeof fetch = fetch): void {
  const response = requestNetworkMap(lang, fetchImpl);
  // A failure is reported when the map state takes the response over, not as unhandled here.
  response.catch(() => {});
  early = { lang, response };
}

/**
 * The network map in `lang`: the prefetched response when there is one for this language (used
 * once, so that a retry asks the server again), otherwise a new request.
 */
export function loadNetworkMap(lang: UiLang, fetchImpl: typeof fetch = fetch): Promise<NetworkMap> {
  const prefetched = early;
  early = null;
  return prefetched?.lang === lang ? prefetched.response : requestNetworkMap(lang, fetchImpl);
}
