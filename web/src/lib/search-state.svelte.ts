/**
 * The search box: suggestions from the API's `search`, debounced, with the active option of the
 * combobox. The text typed never leaves this state except as the search request itself.
 */
import { getContext, setContext } from 'svelte';
import { requestGraphQL } from './graphql-client.ts';
import type { UiLang } from './messages.ts';

const SEARCH_QUERY = /* GraphQL */ `
  query Search($text: String!, $lang: Lang!) {
    search(text: $text, lang: $lang, first: 20) { kind id label score }
  }
`;

/** Kinds the map can show: lines and stations. */
export type SearchKind = 'LINE' | 'EXPERT' | 'UNIT';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  label: string;
  score: number;
}

export type SearchStatus = 'idle' | 'searching' | 'ready' | 'failed';

const SHOWN_KINDS: readonly string[] = ['LINE', 'EXPERT', 'UNIT'];
/** Wait this long after the last key press before asking the server. */
export const SEARCH_DEBOUNCE_MS = 250;
const MAX_SUGGESTIONS = 8;
const MIN_CHARS = 2;

export class SearchState {
  text = $state('');
  hits = $state.raw<SearchHit[]>([]);
  status = $state<SearchStatus>('idle');
  /** Index of the active suggestion, -1 for none. */
  activeIndex = $state(-1);
  open = $state(false);

  activeHit: SearchHit | undefined = $derived(this.hits[this.activeIndex]);

  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | undefined;

  /** Takes new input; the search runs once typing pauses. */
  input(text: string, lang: UiLang): void {
    this.text = text;
    this.activeIndex = -1;
    clearTimeout(this.#timer);
    this.#controller?.abort();
    if (text.trim().length < MIN_CHARS) {
      this.hits = [];
      this.status = 'idle';
      this.open = false;
      return;
    }
    this.status = 'searching';
    this.open = true;
    this.#timer = setTimeout(() => void this.#run(text.trim(), lang), SEARCH_DEBOUNCE_MS);
  }

  /** Runs the current text again, e.g. after the language changed. */
  refresh(lang: UiLang): void {
    if (this.text.trim().length >= MIN_CHARS) {
      this.input(this.text, lang);
      this.open = false;
    }
  }

  async #run(text: string, lang: UiLang): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const data = await requestGraphQL<{
        search: Array<Omit<SearchHit, 'kind'> & { kind: string }>;
      }>(SEARCH_QUERY, { text, lang: lang.toUpperCase() }, fetch, controller.signal);
      this.hits = data.search
        .filter((hit): hit is SearchHit => SHOWN_KINDS.includes(hit.kind))
        .slice(0, MAX_SUGGESTIONS);
      this.status = 'ready';
    } catch {
      if (!controller.signal.aborted) {
        this.hits = [];
        this.status = 'failed';
      }
    }
  }

  /** Moves the active suggestion by `delta`, wrapping around; opens the list when closed. */
  move(delta: number): void {
    if (this.hits.length === 0) {
      return;
    }
    this.open = true;
    const count = this.hits.length;
    this.activeIndex =
      this.activeIndex === -1
        ? delta > 0
          ? 0
          : count - 1
        : (((this.activeIndex + delta) % count) + count) % count;
  }

  /** Shows the chosen suggestion in the box and closes the list. */
  pick(hit: SearchHit): void {
    this.text = hit.label;
    this.close();
  }

  /** Opens the list again (e.g. when the box gets focus) if there is something to show. */
  reopen(): void {
    if (this.hits.length > 0 && this.text.trim().length >= MIN_CHARS) {
      this.open = true;
    }
  }

  setActive(index: number): void {
    this.activeIndex = index;
  }

  close(): void {
    this.open = false;
    this.activeIndex = -1;
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#controller?.abort();
    this.text = '';
    this.hits = [];
    this.status = 'idle';
    this.close();
  }
}

const KEY = Symbol('search-state');

export function setSearchState(): SearchState {
  return setContext(KEY, new SearchState());
}

export function getSearchState(): SearchState {
  return getContext<SearchState>(KEY);
}
