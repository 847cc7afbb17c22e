/** The open station card: loaded from `station(id)` in the UI language. */
import { getContext, setContext } from 'svelte';
import { requestGraphQL } from './graphql-client.ts';
import type { ChannelCode, ServiceLevelCode, UiLang } from './messages.ts';

const STATION_QUERY = /* GraphQL */ `
  query StationCard($id: ID!, $lang: Lang!) {
    station(id: $id) {
      __typename
      id
      name
      interchange
      channels
      contact { email phone }
      organisation { name }
      regions { code name(lang: $lang) }
      lines { code name(lang: $lang) color instructions(lang: $lang) }
      ... on Expert {
        title serviceLevel languages available awayUntil otShare
        methods { id name }
      }
      ... on Unit { description }
    }
  }
`;

export interface CardLine {
  code: string;
  name: string;
  color: string;
  instructions: string | null;
}

interface StationBase {
  id: string;
  name: string;
  interchange: boolean;
  channels: ChannelCode[];
  contact: { email: string | null; phone: string | null } | null;
  organisation: { name: string } | null;
  regions: Array<{ code: string; name: string }>;
  lines: CardLine[];
}

export interface ExpertCard extends StationBase {
  __typename: 'Expert';
  title: string;
  serviceLevel: ServiceLevelCode;
  languages: string[];
  available: boolean;
  awayUntil: string | null;
  otShare: number;
  methods: Array<{ id: string; name: string }>;
}

export interface UnitCard extends StationBase {
  __typename: 'Unit';
  description: string | null;
}

export type StationCard = ExpertCard | UnitCard;

export type CardStatus = 'idle' | 'loading' | 'ready' | 'not-found' | 'failed';

export class StationCardState {
  card = $state.raw<StationCard | null>(null);
  status = $state<CardStatus>('idle');
  #requestId = 0;

  /** Loads the card of station `id`; null closes it. The newest request wins. */
  async show(id: string | null, lang: UiLang): Promise<void> {
    const requestId = ++this.#requestId;
    if (id === null) {
      this.card = null;
      this.status = 'idle';
      return;
    }
    if (this.card?.id !== id) {
      this.card = null;
    }
    this.status = 'loading';
    try {
      const data = await requestGraphQL<{ station: StationCard | null }>(STATION_QUERY, {
        id,
        lang: lang.toUpperCase(),
      });
      if (requestId !== this.#requestId) {
        return;
      }
      this.card = data.station;
      this.status = data.station ? 'ready' : 'not-found';
    } catch {
      if (requestId === this.#requestId) {
        this.status = 'failed';
      }
    }
  }
}

const KEY = Symbol('station-card-state');

export function setStationCardState(): StationCardState {
  return setContext(KEY, new StationCardState());
}

export function getStationCardState(): StationCardState {
  return getContext<StationCardState>(KEY);
}
