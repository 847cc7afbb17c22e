/**
 * The line editor's logic, without the DOM: who may edit (mirroring the server's
 * authorization.ts, which stays the authority), the form's values, the mutations a save sends
 * and where the server's per-field problems belong in the form. Pure, so unit-tested.
 */
import type { SignedInAccount } from './session.svelte.ts';

/** Whether `account` may edit line `lineCode`: admins every line, coordinators their own. */
export function canEditLine(account: SignedInAccount | null, lineCode: string): boolean {
  if (!account) {
    return false;
  }
  return (
    account.role === 'admin' ||
    (account.role === 'coordinator' && account.lineCodes.includes(lineCode.trim().toUpperCase()))
  );
}

/** Whether `account` may edit a station on `lineCodes`: on one of the lines they may edit. */
export function canEditStation(
  account: SignedInAccount | null,
  lineCodes: readonly string[],
): boolean {
  return account?.role === 'admin' || lineCodes.some((code) => canEditLine(account, code));
}

/** Whether `account` may edit anything at all (shows the map's "edit positions" switch). */
export function canEditAnything(account: SignedInAccount | null): boolean {
  return (
    account?.role === 'admin' || (account?.role === 'coordinator' && account.lineCodes.length > 0)
  );
}

export type ContentLang = 'fi' | 'sv' | 'en';
export const CONTENT_LANGS: readonly ContentLang[] = ['fi', 'sv', 'en'];

type Texts = Record<ContentLang, string>;

/** What the form holds; keywords one per text line. */
export interface LineDraft {
  name: Texts;
  description: Texts;
  instructions: Texts;
  keywords: Texts;
  color: string;
}

/** The editor's query: the texts as written in each language (no fallback), and the colours in use. */
export const LINE_EDITOR_QUERY = /* GraphQL */ `
  query LineEditor($code: String!) {
    line(code: $code) {
      code version color keywords
      nameFi: nameIn(lang: FI) nameSv: nameIn(lang: SV) nameEn: nameIn(lang: EN)
      descriptionFi: descriptionIn(lang: FI) descriptionSv: descriptionIn(lang: SV)
      descriptionEn: descriptionIn(lang: EN)
      instructionsFi: instructionsIn(lang: FI) instructionsSv: instructionsIn(lang: SV)
      instructionsEn: instructionsIn(lang: EN)
      keywordsFi: keywordsIn(lang: FI) keywordsSv: keywordsIn(lang: SV)
      keywordsEn: keywordsIn(lang: EN)
    }
    lines { code color }
  }
`;

/**
 * A line's editable state: the answer of {@link LINE_EDITOR_QUERY}, and also the shape of the
 * `current` state a CONFLICT carries (the server's LineSnapshot), so both fill the form alike.
 */
export interface LineTexts {
  code: string;
  version: number;
  color: string;
  keywords: string[];
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  descriptionFi: string | null;
  descriptionSv: string | null;
  descriptionEn: string | null;
  instructionsFi: string | null;
  instructionsSv: string | null;
  instructionsEn: string | null;
  keywordsFi: string[] | null;
  keywordsSv: string[] | null;
  keywordsEn: string[] | null;
}

const SUFFIX: Record<ContentLang, 'Fi' | 'Sv' | 'En'> = { fi: 'Fi', sv: 'Sv', en: 'En' };

function textsOf(line: LineTexts, field: 'name' | 'description' | 'instructions'): Texts {
  const pick = (lang: ContentLang) => line[`${field}${SUFFIX[lang]}`] ?? '';
  return { fi: pick('fi'), sv: pick('sv'), en: pick('en') };
}

/** The form's values for `line`. Before keywords are curated per language, all are under Finnish. */
export function draftOf(line: LineTexts): LineDraft {
  const curated = line.keywordsFi !== null || line.keywordsSv !== null || line.keywordsEn !== null;
  const terms = (list: string[] | null) => (list ?? []).join('\n');
  return {
    name: textsOf(line, 'name'),
    description: textsOf(line, 'description'),
    instructions: textsOf(line, 'instructions'),
    keywords: curated
      ? { fi: terms(line.keywordsFi), sv: terms(line.keywordsSv), en: terms(line.keywordsEn) }
      : { fi: terms(line.keywords), sv: '', en: '' },
    color: line.color,
  };
}

/** The terms of a keywords box: one per line, trimmed, blank lines dropped. */
export function keywordTerms(text: string): string[] {
  return text
    .split('\n')
    .map((term) => term.trim())
    .filter((term) => term !== '');
}

export type LineEditPart = 'name' | 'description' | 'instructions' | 'keywords' | 'colour';

/** One mutation of a save; `expectedVersion` is added when it is sent. */
export interface LineEditStep {
  part: LineEditPart;
  mutation: string;
  variables: Record<string, unknown>;
}

const RESULT = 'line { version }';

const MUTATIONS: Record<LineEditPart, string> = {
  name: `mutation RenameLine($code: String!, $expectedVersion: Int!, $name: LineNamesInput!) {
    renameLine(code: $code, expectedVersion: $expectedVersion, name: $name) { ${RESULT} } }`,
  description: `mutation DescribeLine($code: String!, $expectedVersion: Int!, $description: LineTextsInput!) {
    describeLine(code: $code, expectedVersion: $expectedVersion, description: $description) { ${RESULT} } }`,
  instructions: `mutation SetLineInstructions($code: String!, $expectedVersion: Int!, $instructions: LineTextsInput!) {
    setLineInstructions(code: $code, expectedVersion: $expectedVersion, instructions: $instructions) { ${RESULT} } }`,
  keywords: `mutation SetLineKeywords($code: String!, $expectedVersion: Int!, $keywords: LineKeywordsInput!) {
    setLineKeywords(code: $code, expectedVersion: $expectedVersion, keywords: $keywords) { ${RESULT} } }`,
  colour: `mutation RecolourLine($code: String!, $expectedVersion: Int!, $color: String!) {
    recolourLine(code: $code, expectedVersion: $expectedVersion, color: $color) { ${RESULT} } }`,
};

/** The data field of each mutation's answer. */
export const MUTATION_FIELD: Record<LineEditPart, string> = {
  name: 'renameLine',
  description: 'describeLine',
  instructions: 'setLineInstructions',
  keywords: 'setLineKeywords',
  colour: 'recolourLine',
};

const sameTexts = (a: Texts, b: Texts) => CONTENT_LANGS.every((lang) => a[lang] === b[lang]);

/** Texts as the API takes them: an empty translation is none (null). */
function apiTexts(texts: Texts): Record<ContentLang, string | null> {
  const value = (text: string) => (text.trim() === '' ? null : text);
  return { fi: value(texts.fi), sv: value(texts.sv), en: value(texts.en) };
}

/**
 * The mutations that turn `saved` into `draft`, one per part that differs, in form order.
 * Each bumps the line's version, so they are sent one after another.
 */
export function lineEditSteps(code: string, saved: LineDraft, draft: LineDraft): LineEditStep[] {
  const steps: LineEditStep[] = [];
  const step = (part: LineEditPart, variables: Record<string, unknown>) =>
    steps.push({ part, mutation: MUTATIONS[part], variables: { code, ...variables } });
  if (!sameTexts(saved.name, draft.name)) {
    const name = apiTexts(draft.name);
    step('name', { name: { ...name, fi: draft.name.fi.trim() } });
  }
  if (!sameTexts(saved.description, draft.description)) {
    step('description', { description: apiTexts(draft.description) });
  }
  if (!sameTexts(saved.instructions, draft.instructions)) {
    step('instructions', { instructions: apiTexts(draft.instructions) });
  }
  const terms = (texts: Texts) => CONTENT_LANGS.map((lang) => keywordTerms(texts[lang]).join('\n'));
  if (terms(saved.keywords).join('\u0000') !== terms(draft.keywords).join('\u0000')) {
    step('keywords', {
      keywords: {
        fi: keywordTerms(draft.keywords.fi),
        sv: keywordTerms(draft.keywords.sv),
        en: keywordTerms(draft.keywords.en),
      },
    });
  }
  if (saved.color.toLowerCase() !== draft.color.toLowerCase()) {
    step('colour', { color: draft.color });
  }
  return steps;
}

/** Ids of the form's fields: `name-fi`, `instructions-sv`, `keywords-en`, `color`. */
export type LineFieldId =
  | `${'name' | 'description' | 'instructions' | 'keywords'}-${ContentLang}`
  | 'color';

const PART_FIELD: Record<LineEditPart, string> = {
  name: 'name',
  description: 'description',
  instructions: 'instructions',
  keywords: 'keywords',
  colour: 'color',
};

/**
 * Where each of the server's problems (`{field: 'name.sv', message}`) goes in the form: the
 * field it names, or the part's first field when it names none of them (so none is lost).
 */
export function problemsByField(
  part: LineEditPart,
  problems: ReadonlyArray<{ field: string; message: string }>,
): Partial<Record<LineFieldId, string[]>> {
  const result: Partial<Record<LineFieldId, string[]>> = {};
  const base = PART_FIELD[part];
  for (const problem of problems) {
    const [head, lang] = problem.field.split('.');
    let id: LineFieldId;
    if (part === 'colour') {
      id = 'color';
    } else if (head === base && CONTENT_LANGS.includes(lang as ContentLang)) {
      id = `${base}-${lang}` as LineFieldId;
    } else {
      id = `${base}-fi` as LineFieldId;
    }
    result[id] = [...(result[id] ?? []), problem.message];
  }
  return result;
}
