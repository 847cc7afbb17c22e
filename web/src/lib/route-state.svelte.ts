/**
 * The consultation route planner: the form, the options it offers (lines, municipalities) and
 * the plan from `routeCase`. The description lives only in `form.text`, in memory: it is never
 * written to the URL, browser storage or logs, and `clearText()` forgets it.
 */
import { getContext, setContext } from 'svelte';
import { errorCode, requestGraphQL } from './graphql-client.ts';
import type { UiLang } from './messages.ts';
import {
  formFromProfile,
  type PlanLine,
  parseLanguageCodes,
  type RouteForm,
  type RoutePlan,
  toCaseInput,
  toggled,
  toRouteProfile,
} from './route-plan.ts';
import type { RouteProfile } from './url-state.ts';

const OPTIONS_QUERY = /* GraphQL */ `
  query RouteOptions($lang: Lang!) {
    lines { code name(lang: $lang) color }
    regions(kind: MUNICIPALITY) { code name(lang: $lang) }
  }
`;

const ROUTE_CASE_QUERY = /* GraphQL */ `
  query RouteCase($input: CaseInput!, $lang: Lang!) {
    routeCase(input: $input, lang: $lang) {
      emergencyNotice
      notice
      matchedLines { code name(lang: $lang) color }
      lineMatches { line { code name(lang: $lang) color } matchedTerms picked }
      itineraries {
        score
        explanation
        transfer
        fallback
        stops {
          line { code name(lang: $lang) color instructions(lang: $lang) }
          station {
            __typename
            id
            name
            channels
            organisation { name }
            ... on Expert { title available awayUntil languages }
            ... on Unit { description }
          }
          reasons
        }
      }
    }
  }
`;

export type PlanStatus = 'idle' | 'loading' | 'ready' | 'failed';
/** Why the form cannot be sent: nothing to route on, or malformed language codes. */
export type FormProblem = 'EMPTY' | 'LANGUAGES';

export interface Municipality {
  code: string;
  name: string;
}

function emptyForm(): RouteForm {
  return {
    text: '',
    lineCodes: [],
    municipality: '',
    languages: [],
    otherLanguages: '',
    urgency: 'ROUTINE',
    channels: [],
    ageBand: null,
    familyKnows: 'unknown',
  };
}

export class RouteState {
  form = $state<RouteForm>(emptyForm());
  /** The form as it was sent: the result's reminders (age band, family) come from it. */
  submitted = $state.raw<Pick<RouteForm, 'ageBand' | 'familyKnows' | 'urgency'> | null>(null);
  plan = $state.raw<RoutePlan | null>(null);
  status = $state<PlanStatus>('idle');
  /** The API's error code when the plan failed, e.g. INVALID_INPUT or NETWORK. */
  failure = $state<string | null>(null);
  problem = $state<FormProblem | null>(null);

  lines = $state.raw<PlanLine[]>([]);
  municipalities = $state.raw<Municipality[]>([]);
  optionsStatus = $state<PlanStatus>('idle');

  invalidLanguages: string[] = $derived(parseLanguageCodes(this.form.otherLanguages).invalid);
  profile: RouteProfile = $derived(toRouteProfile(this.form));

  #planId = 0;
  #optionsId = 0;

  /** Loads the lines and municipalities to pick from, in the UI language. */
  async loadOptions(lang: UiLang): Promise<void> {
    const id = ++this.#optionsId;
    this.optionsStatus = 'loading';
    try {
      const data = await requestGraphQL<{ lines: PlanLine[]; regions: Municipality[] }>(
        OPTIONS_QUERY,
        { lang: lang.toUpperCase() },
      );
      if (id !== this.#optionsId) {
        return;
      }
      this.lines = data.lines;
      this.municipalities = [...data.regions].sort((a, b) => a.name.localeCompare(b.name, lang));
      this.optionsStatus = 'ready';
    } catch {
      if (id === this.#optionsId) {
        this.optionsStatus = 'failed';
      }
    }
  }

  /** Fills in a shared profile (lines, municipality, languages, urgency). */
  applyProfile(profile: RouteProfile | undefined): void {
    if (profile) {
      Object.assign(this.form, formFromProfile(profile));
    }
  }

  /** Checks the form; returns the problem, if any, and keeps it for the form to show. */
  validate(): FormProblem | null {
    const input = toCaseInput(this.form);
    if (this.invalidLanguages.length > 0) {
      this.problem = 'LANGUAGES';
    } else if (!input.text && !input.lineCodes) {
      this.problem = 'EMPTY';
    } else {
      this.problem = null;
    }
    return this.problem;
  }

  /** Asks `routeCase` for a plan; a newer request wins over an older one. */
  async planRoute(lang: UiLang): Promise<void> {
    if (this.validate() !== null) {
      return;
    }
    const id = ++this.#planId;
    const { ageBand, familyKnows, urgency } = this.form;
    this.status = 'loading';
    this.failure = null;
    try {
      const data = await requestGraphQL<{ routeCase: RoutePlan }>(ROUTE_CASE_QUERY, {
        input: toCaseInput(this.form),
        lang: lang.toUpperCase(),
      });
      if (id !== this.#planId) {
        return;
      }
      this.plan = data.routeCase;
      this.submitted = { ageBand, familyKnows, urgency };
      this.status = 'ready';
    } catch (error) {
      if (id !== this.#planId) {
        return;
      }
      // Only the code is kept: a server message could in principle echo the input.
      this.failure = errorCode(error);
      this.status = 'failed';
    }
  }

  /** Forgets the description (on "clear", and when the worker leaves the planner). */
  clearText(): void {
    this.form.text = '';
  }

  /** Clears the whole form and the result. */
  reset(): void {
    this.#planId++;
    this.form = emptyForm();
    this.plan = null;
    this.submitted = null;
    this.status = 'idle';
    this.failure = null;
    this.problem = null;
  }

  toggleLine(code: string, on: boolean): void {
    this.form.lineCodes = toggled(this.form.lineCodes, code, on);
  }
}

const KEY = Symbol('route-state');

export function setRouteState(): RouteState {
  return setContext(KEY, new RouteState());
}

export function getRouteState(): RouteState {
  return getContext<RouteState>(KEY);
}
