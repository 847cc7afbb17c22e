/**
 * The lines the app shows, and the language they are shown in. State lives in this class;
 * components only render it.
 */
import { getContext, setContext } from 'svelte';
import { requestGraphQL } from './graphql-client.ts';
import type { UiLang } from './messages.ts';

export interface LineSummary {
  code: string;
  name: string;
  color: string;
}

const LINES_QUERY = /* GraphQL */ `
  query Lines($lang: Lang!) {
    lines { code name(lang: $lang) color }
  }
`;

export class LinesState {
  lang = $state<UiLang>('fi');
  lines = $state.raw<LineSummary[]>([]);
  status = $state<'loading' | 'ready' | 'failed'>('loading');

  async load(): Promise<void> {
    this.status = 'loading';
    try {
      const data = await requestGraphQL<{ lines: LineSummary[] }>(LINES_QUERY, {
        lang: this.lang.toUpperCase(),
      });
      this.lines = data.lines;
      this.status = 'ready';
    } catch {
      this.status = 'failed';
    }
  }

  async setLang(lang: UiLang): Promise<void> {
    this.lang = lang;
    document.documentElement.lang = lang;
    await this.load();
  }
}

const KEY = Symbol('lines-state');

export function setLinesState(): LinesState {
  return setContext(KEY, new LinesState());
}

export function getLinesState(): LinesState {
  return getContext<LinesState>(KEY);
}
