/**
 * The state of the metro map view: the network from the API, the legend's choices (hidden and
 * focused lines, overlay layers), the selected and highlighted station, view mode and language.
 * Components render it and call its methods; they hold no state of their own beyond UI details.
 */
import { getContext, setContext } from 'svelte';
import { errorCode, requestGraphQL } from './graphql-client.ts';
import { labelLevelForZoom } from './label-placement.ts';
import { type LineNotice, lineNotices } from './line-notices.ts';
import { type MapElement, toMapElements, toOverlayElements } from './map-elements.ts';
import { MAP_FONT, type MapStyleRule, mapStylesheet } from './map-style.ts';
import type { UiLang } from './messages.ts';
import {
  LAYER_NAMES,
  type LayerName,
  type MapLine,
  type MapStation,
  type NetworkMap,
  type OverlayItem,
} from './network-map.types.ts';
import { loadNetworkMap, MAP_MARKS } from './network-map-request.ts';
import {
  type ResearchProjectRow,
  researchPartnerItems,
  type VipNetworkRow,
  vipNetworkItems,
} from './overlay-layers.ts';
import { canvasTextMeasure } from './text-measure.ts';
import type { UrlState, ViewMode } from './url-state.ts';

const VIP_QUERY = /* GraphQL */ `
  query VipLayer {
    vipNetworks { id name lines { code } }
  }
`;

const RESEARCH_QUERY = /* GraphQL */ `
  query ResearchLayer {
    researchProjects { id title organisation { id name } lines { code } }
  }
`;

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export class MapState {
  lang = $state<UiLang>('fi');
  /** The view the user chose, or null to let the screen width decide. */
  chosenView = $state<ViewMode | null>(null);
  /** Narrow screens (< 700 px) open the list view first. */
  narrowScreen = $state(false);

  network = $state.raw<NetworkMap | null>(null);
  status = $state<LoadStatus>('idle');
  /** Why the last load failed: `DATABASE_UNAVAILABLE`, `NETWORK`, ... */
  failure = $state<string | null>(null);

  hiddenLines = $state.raw<ReadonlySet<string>>(new Set());
  focusedLine = $state<string | null>(null);
  /** The station whose card is open. */
  selectedStationId = $state<string | null>(null);
  /** The station last found by search: ringed on the map. */
  highlightedStationId = $state<string | null>(null);
  /** The stops of the itinerary opened from the route planner: ringed on the map. */
  routeStationIds = $state.raw<ReadonlySet<string>>(new Set());

  layers = $state.raw<LayerName[]>([]);
  overlayItems = $state.raw<Record<LayerName, OverlayItem[]>>({ research: [], vip: [] });
  overlayStatus = $state<Record<LayerName, LoadStatus>>({ research: 'idle', vip: 'idle' });
  /** The label level of the map's zoom (label-placement.ts): which names are drawn, how big. */
  labelLevel = $state(-1);

  view: ViewMode = $derived(this.chosenView ?? (this.narrowScreen ? 'list' : 'map'));
  lines: MapLine[] = $derived(this.network?.lines ?? []);
  stationsById: Map<string, MapStation> = $derived(
    new Map((this.network?.stations ?? []).map((station) => [station.id, station])),
  );
  notices: Map<string, LineNotice> = $derived(
    this.network ? lineNotices(this.network) : new Map<string, LineNotice>(),
  );
  elements: MapElement[] = $derived(this.#elements());
  stylesheet: MapStyleRule[] = $derived(mapStylesheet(this.lines, this.labelLevel));

  #loadId = 0;
  readonly #measure = canvasTextMeasure(MAP_FONT);

  #elements(): MapElement[] {
    const network = this.network;
    if (!network) {
      return [];
    }
    const stations = toMapElements(network, { measure: this.#measure });
    // Marks for the map benchmark's breakdown (bench/map): where the time to a drawn map goes.
    performance.mark(MAP_MARKS.elements);
    return [
      ...stations,
      ...this.layers.flatMap((layer) =>
        toOverlayElements(network, layer, this.overlayItems[layer]),
      ),
    ];
  }

  /** The part of the state the URL holds. */
  get urlState(): UrlState {
    return {
      lang: this.lang,
      view: this.chosenView,
      line: this.focusedLine,
      station: this.selectedStationId,
      layers: this.layers,
    };
  }

  /** Takes over a view from the URL (on start and on the back button). */
  applyUrlState(url: UrlState): void {
    const langChanged = url.lang !== this.lang;
    this.lang = url.lang;
    this.chosenView = url.view;
    this.focusedLine = url.line;
    this.selectedStationId = url.station;
    for (const layer of LAYER_NAMES) {
      this.setLayer(layer, url.layers.includes(layer));
    }
    if (langChanged && this.status !== 'idle') {
      void this.load();
    }
  }

  /** Loads the network in the current language; a newer load wins over an older one. */
  async load(): Promise<void> {
    const loadId = ++this.#loadId;
    // A reload (e.g. a language switch) keeps the drawn map until the new one arrives.
    this.status = this.network ? 'ready' : 'loading';
    this.failure = null;
    try {
      const network = await loadNetworkMap(this.lang);
      performance.mark(MAP_MARKS.received);
      if (loadId !== this.#loadId) {
        return;
      }
      this.network = network;
      this.status = 'ready';
      this.#dropUnknownChoices();
    } catch (error) {
      if (loadId !== this.#loadId) {
        return;
      }
      this.failure = errorCode(error);
      this.status = 'failed';
    }
  }

  /** A shared URL may name a line or station that no longer exists: forget those. */
  #dropUnknownChoices(): void {
    const codes = new Set(this.lines.map((line) => line.code));
    if (this.focusedLine !== null && !codes.has(this.focusedLine)) {
      this.focusedLine = null;
    }
    const hidden = [...this.hiddenLines].filter((code) => codes.has(code));
    if (hidden.length !== this.hiddenLines.size) {
      this.hiddenLines = new Set(hidden);
    }
  }

  /** The map's zoom settled at `zoom`: draws the names of its label level. */
  setZoom(zoom: number): void {
    const level = labelLevelForZoom(zoom);
    if (level !== this.labelLevel) {
      this.labelLevel = level;
    }
  }

  setLang(lang: UiLang): void {
    if (lang !== this.lang) {
      this.lang = lang;
      void this.load();
    }
  }

  setView(view: ViewMode): void {
    this.chosenView = view;
  }

  lineByCode(code: string): MapLine | undefined {
    return this.lines.find((line) => line.code === code);
  }

  lineById(id: string): MapLine | undefined {
    return this.lines.find((line) => line.id === id);
  }

  setLineVisible(code: string, visible: boolean): void {
    const hidden = new Set(this.hiddenLines);
    if (visible) {
      hidden.delete(code);
    } else {
      hidden.add(code);
      if (this.focusedLine === code) {
        this.focusedLine = null;
      }
    }
    this.hiddenLines = hidden;
  }

  showAllLines(): void {
    this.hiddenLines = new Set();
  }

  /** Focuses a line (the others fade), or clears the focus with null. */
  focusLine(code: string | null): void {
    this.focusedLine = code;
    if (code !== null && this.hiddenLines.has(code)) {
      this.setLineVisible(code, true);
    }
  }

  /** The legend's focus button: focuses the line, or clears the focus when it has it. */
  toggleFocus(code: string): void {
    this.focusLine(this.focusedLine === code ? null : code);
  }

  selectStation(id: string | null): void {
    this.selectedStationId = id;
  }

  highlightStation(id: string | null): void {
    this.highlightedStationId = id;
  }

  /** Shows an itinerary on the map: focuses its first line and rings its stations. */
  showItinerary(lineCode: string | null, stationIds: readonly string[]): void {
    this.focusLine(lineCode);
    this.routeStationIds = new Set(stationIds);
    this.highlightedStationId = null;
    this.setView('map');
  }

  setLayer(layer: LayerName, on: boolean): void {
    const layers = new Set(this.layers);
    if (on) {
      layers.add(layer);
    } else {
      layers.delete(layer);
    }
    this.layers = LAYER_NAMES.filter((name) => layers.has(name));
    if (on && (this.overlayStatus[layer] === 'idle' || this.overlayStatus[layer] === 'failed')) {
      void this.loadLayer(layer);
    }
  }

  async loadLayer(layer: LayerName): Promise<void> {
    this.overlayStatus[layer] = 'loading';
    try {
      const items = await fetchOverlay(layer);
      this.overlayItems = { ...this.overlayItems, [layer]: items };
      this.overlayStatus[layer] = 'ready';
    } catch {
      this.overlayStatus[layer] = 'failed';
    }
  }
}

/** The items of an overlay layer: research partners (from their projects) or VIP networks. */
async function fetchOverlay(layer: LayerName): Promise<OverlayItem[]> {
  if (layer === 'vip') {
    const data = await requestGraphQL<{ vipNetworks: VipNetworkRow[] }>(VIP_QUERY);
    return vipNetworkItems(data.vipNetworks);
  }
  const data = await requestGraphQL<{ researchProjects: ResearchProjectRow[] }>(RESEARCH_QUERY);
  return researchPartnerItems(data.researchProjects);
}

const KEY = Symbol('map-state');

export function setMapState(): MapState {
  return setContext(KEY, new MapState());
}

export function getMapState(): MapState {
  return getContext<MapState>(KEY);
}
