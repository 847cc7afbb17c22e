/**
 * Case text -> service-need lines: the first half of the consultation journey planner.
 *
 * A worker describes the concern in their own words, in Finnish, Swedish or English. Finnish is
 * agglutinative, has consonant gradation and long compounds (väkivalta, väkivallasta,
 * perheväkivaltaa), and people often type without ä/ö. The matcher therefore combines:
 * diacritic folding, a gradation-aware canonical form compared by stem prefix, compound parts,
 * multi-word phrases within a small window, and the curated keyword forms of each line.
 * docs/routing.md explains the rules and the score.
 *
 * Privacy: the description is client information. It is processed in memory during one call
 * only: this module never logs it, never caches it between calls and never returns any part of
 * it (matched terms are the lines' own curated keywords).
 */

/** A line as the matcher needs it: its code, curated keywords and its names in fi/sv/en. */
export interface MatchableLine {
  code: string;
  keywords: readonly string[];
  names: readonly string[];
}

/** One matched line: a score in (0, 1] and the curated terms (never the text) that matched. */
export interface LineMatch {
  lineCode: string;
  score: number;
  matchedTerms: string[];
}

/** Matches one description against the lines the matcher was built for, best line first. */
export type CaseTextMatcher = (text: string) => LineMatch[];

/**
 * Tuning of text matching, in one place. A match contributes
 * `min(maxContribution, base * quality * specificity * phraseBonus)`, and a line's score is
 * `1 - product(1 - contribution)`: every further term raises the score less (diminishing
 * returns) and the score stays in (0, 1), so lines compare across one description.
 */
export const TEXT_MATCH_WEIGHTS = {
  /** Contribution of one exact keyword that no other line shares. */
  base: 0.5,
  /** No single match says more than this. */
  maxContribution: 0.9,
  /** Match quality: the keyword form itself. */
  exact: 1,
  /** Match quality: the same stem, another inflected form (väkivalta ~ väkivallasta). */
  stem: 0.9,
  /** Match quality: the keyword inside a longer compound (väkivalta in perheväkivallasta). */
  compound: 0.6,
  /** Extra factor for a compound part when another line's keyword names the whole word. */
  shadowedCompound: 0.5,
  /** Each further word of a phrase keyword adds this share: phrases are more specific. */
  phraseWordBonus: 0.25,
  /** Line names are long and partly generic: they count a little less than keywords. */
  lineName: 0.8,
  /** A keyword shared by n lines counts 1 / (1 + sharedKeyword * (n - 1)). */
  sharedKeyword: 0.5,
  /** Tokens allowed between the words of a phrase keyword, beyond the phrase's own length. */
  phraseSlack: 3,
} as const;

/** Shorter keyword words only match exactly or with one of the listed endings. */
const MIN_STEM_LENGTH = 5;
/** A compound modifier is at least this long ('perhe' in 'perheväkivalta'). */
const MIN_COMPOUND_MODIFIER = 3;
/** Compound parts shorter than this cause too many false hits ('murha' in 'itsemurha'). */
const MIN_COMPOUND_PART = 6;

/**
 * Endings a short keyword word (under five letters) may take: Finnish case endings, Swedish
 * definite/plural and English plural/past forms. `-ja` and `-t` are left out on purpose: 'eroja'
 * and 'erot' usually mean "differences", not "divorces".
 */
const SHORT_WORD_ENDINGS = new Set([
  '',
  'n',
  'a',
  'aa',
  'an',
  'en',
  'in',
  'on',
  'un',
  'na',
  'ssa',
  'sta',
  'lla',
  'lta',
  'lle',
  'ksi',
  'oon',
  'ihin',
  'ista',
  'issa',
  'illa',
  'ilta',
  'ille',
  'ina',
  'et',
  'er',
  'ar',
  'or',
  'ens',
  'ets',
  's',
  'es',
  'ed',
  'ing',
]);

/** Function words that phrase keywords do not require ('våld mot barn', 'threat to kill'). */
const STOP_WORDS = new Set([
  'ja',
  'tai',
  'seka',
  'och',
  'eller',
  'i',
  'av',
  'mot',
  'om',
  'pa',
  'med',
  'till',
  'for',
  'att',
  'inom',
  'utom',
  'the',
  'of',
  'to',
  'and',
  'or',
  'a',
  'an',
  'in',
  'on',
  'with',
]);

/**
 * Finnish homographs that share a stem prefix with a keyword but mean something else. A token
 * that starts with `prefix` and does not match `allowed` only matches a keyword exactly:
 * 'raskas' (heavy) and 'raskaan' (heavy, genitive) are not 'raskaus'/'raskaana' (pregnancy),
 * and "raskas tilanne" is a common phrase in case descriptions.
 */
const HOMOGRAPH_GUARDS: ReadonlyArray<{ prefix: string; allowed: RegExp }> = [
  { prefix: 'raska', allowed: /^raska(ana|us|ut|ud)/ },
];

/**
 * Consonant gradation and its relatives, mapped to one form so that strong and weak grades
 * compare equal: päihde/päihteet (hd/ht), väkivalta/väkivallan (lt/ll), masennus/masentunut
 * (nn/nt), kehitysvamma (mm/mp), kengät/kenkä (ng/nk), pahoinpidelty/pahoinpitely (d/t).
 * Every replacement keeps the length, so prefix lengths stay comparable.
 */
const GRADATION = /hd|ll|nn|rr|mm|ng|d/g;
const GRADATION_FORM: Readonly<Record<string, string>> = {
  hd: 'ht',
  ll: 'lt',
  nn: 'nt',
  rr: 'rt',
  mm: 'mp',
  ng: 'nk',
  d: 't',
};

type MatchQuality = 'EXACT' | 'STEM' | 'COMPOUND';

/** One token of the description, in the three forms the rules compare. */
interface Token {
  /** Lower-cased, diacritics kept. */
  raw: string;
  /** Lower-cased, å/ä/ö and other diacritics folded to ASCII. */
  folded: string;
  /** Folded, gradation-normalised. */
  canonical: string;
  /** A homograph: may only match keywords exactly. */
  guarded: boolean;
}

/** One distinct word of the keyword vocabulary, precomputed once per matcher. */
interface KeywordWord {
  raw: string;
  folded: string;
  canonical: string;
  /** Under five letters: exact or exact plus a listed ending. */
  short: boolean;
  /** A short word spelled with å/ä/ö keeps them when alone: folded 'rån' would be 'ran'. */
  keepsDiacritics: boolean;
  /** Shared canonical prefix a token needs when the word stands alone. */
  required: number;
  /** Shared canonical prefix a token needs inside a phrase, where context adds certainty. */
  requiredInPhrase: number;
}

/** A keyword or line name of one line, as a sequence of vocabulary words. */
interface CompiledTerm {
  lineIndex: number;
  /** The curated keyword or name, returned as a matched term. */
  term: string;
  wordIds: number[];
  /** 1 for a keyword only this line has, less for keywords shared by several lines. */
  specificity: number;
  fromName: boolean;
}

interface WordHit {
  standalone: MatchQuality | null;
  inPhrase: MatchQuality | null;
}

interface TermMatch {
  termIndex: number;
  positions: number[];
  contribution: number;
}

const QUALITY_FACTOR: Readonly<Record<MatchQuality, number>> = {
  EXACT: TEXT_MATCH_WEIGHTS.exact,
  STEM: TEXT_MATCH_WEIGHTS.stem,
  COMPOUND: TEXT_MATCH_WEIGHTS.compound,
};

/** Lower-case and strip diacritics: 'Päihteiden' -> 'paihteiden', 'våld' -> 'vald'. */
export function foldDiacritics(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

function canonicalForm(folded: string): string {
  return folded.replace(GRADATION, (pair) => GRADATION_FORM[pair] ?? pair);
}

/** Splits lower-cased text into word tokens; hyphens and punctuation separate words. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length === 0) {
      continue;
    }
    const folded = foldDiacritics(raw);
    tokens.push({
      raw,
      folded,
      canonical: canonicalForm(folded),
      guarded: HOMOGRAPH_GUARDS.some(
        (guard) => folded.startsWith(guard.prefix) && !guard.allowed.test(folded),
      ),
    });
  }
  return tokens;
}

/**
 * How much of a keyword word's end may change with inflection: none for words up to six
 * letters (so 'huolto' does not take 'huolta', worry), one for seven, two up to eleven and
 * three for long compounds.
 */
function requiredPrefix(length: number): number {
  const slack = length <= 6 ? 0 : length === 7 ? 1 : length <= 11 ? 2 : 3;
  return Math.max(MIN_STEM_LENGTH, length - slack);
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let index = 0;
  while (index < limit && a.charCodeAt(index) === b.charCodeAt(index)) {
    index++;
  }
  return index;
}

function compileWord(raw: string): KeywordWord {
  const folded = foldDiacritics(raw);
  const short = folded.length < MIN_STEM_LENGTH;
  const required = requiredPrefix(folded.length);
  return {
    raw,
    folded,
    canonical: canonicalForm(folded),
    short,
    keepsDiacritics: short && folded !== raw,
    required,
    // Five-letter words get one letter of slack in a phrase: 'uhkaa tappaa' ~ 'uhkasi tappaa'.
    requiredInPhrase: folded.length === MIN_STEM_LENGTH ? MIN_STEM_LENGTH - 1 : required,
  };
}

function endsWithListedEnding(token: string, stem: string): boolean {
  return token.startsWith(stem) && SHORT_WORD_ENDINGS.has(token.slice(stem.length));
}

/** Compares one token with one keyword word, alone and as part of a phrase. */
function compareWord(word: KeywordWord, token: Token): WordHit {
  if (word.short) {
    const inPhrase =
      token.folded === word.folded
        ? 'EXACT'
        : endsWithListedEnding(token.folded, word.folded)
          ? 'STEM'
          : null;
    if (!word.keepsDiacritics) {
      return { standalone: inPhrase, inPhrase };
    }
    const standalone =
      token.raw === word.raw ? 'EXACT' : endsWithListedEnding(token.raw, word.raw) ? 'STEM' : null;
    return { standalone, inPhrase };
  }
  if (token.folded === word.folded) {
    return { standalone: 'EXACT', inPhrase: 'EXACT' };
  }
  if (token.guarded) {
    return { standalone: null, inPhrase: null };
  }
  const shared = commonPrefixLength(token.canonical, word.canonical);
  return {
    standalone: shared >= word.required ? 'STEM' : null,
    inPhrase: shared >= word.requiredInPhrase ? 'STEM' : null,
  };
}

/** First two canonical letters: every rule needs at least these in common. */
function bucketKey(canonical: string): string {
  return canonical.slice(0, 2);
}

/** The raw (diacritics kept) content words of a term, for the vocabulary. */
function rawContentWords(term: string): string[] {
  return term
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !STOP_WORDS.has(foldDiacritics(word)));
}

/** Index of the first value >= `target` in an ascending list. */
function lowerBound(sorted: readonly number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < target) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/**
 * Finds distinct positions, one per phrase word, within the allowed span: every position of
 * every word is tried as the window's start, and each word takes its first free position from
 * there. Linear in the positions, so a long repetitive text cannot make it slow.
 */
function phrasePositions(positionsPerWord: number[][], maxSpan: number): number[] | null {
  const starts = [...new Set(positionsPerWord.flat())].sort((a, b) => a - b);
  let best: number[] | null = null;
  let bestSpan = Number.POSITIVE_INFINITY;
  for (const start of starts) {
    const chosen: number[] = [];
    for (const positions of positionsPerWord) {
      let index = lowerBound(positions, start);
      while (index < positions.length && chosen.includes(positions[index] ?? -1)) {
        index++;
      }
      const position = positions[index];
      if (position === undefined || position - start > maxSpan) {
        break;
      }
      chosen.push(position);
    }
    if (chosen.length === positionsPerWord.length) {
      const span = Math.max(...chosen) - Math.min(...chosen);
      if (span < bestSpan) {
        best = chosen;
        bestSpan = span;
      }
    }
  }
  return best;
}

/**
 * Builds a matcher for a fixed set of lines: the vocabulary, its lookup buckets and how many
 * lines share each keyword are computed once, so each description costs well under a
 * millisecond. The matcher keeps no state between calls.
 */
export function createCaseTextMatcher(lines: readonly MatchableLine[]): CaseTextMatcher {
  const vocabulary: KeywordWord[] = [];
  const wordIdByRaw = new Map<string, number>();
  const wordId = (raw: string): number => {
    const known = wordIdByRaw.get(raw);
    if (known !== undefined) {
      return known;
    }
    vocabulary.push(compileWord(raw));
    wordIdByRaw.set(raw, vocabulary.length - 1);
    return vocabulary.length - 1;
  };

  const terms: CompiledTerm[] = [];
  lines.forEach((line, lineIndex) => {
    const seen = new Set<string>();
    const add = (term: string, fromName: boolean) => {
      const words = rawContentWords(term);
      const key = words.map(foldDiacritics).join(' ');
      if (words.length === 0 || seen.has(key)) {
        return;
      }
      seen.add(key);
      terms.push({ lineIndex, term, wordIds: words.map(wordId), specificity: 1, fromName });
    };
    for (const keyword of line.keywords) {
      add(keyword, false);
    }
    for (const name of line.names) {
      add(name, true);
    }
  });

  const wordsByBucket = new Map<string, number[]>();
  vocabulary.forEach((word, id) => {
    const key = bucketKey(word.canonical);
    appendTo(wordsByBucket, key, id);
  });

  // Compound parts: single-word keywords long enough to be found inside another word.
  const compoundStems = new Map<string, Array<{ wordId: number; stem: string }>>();
  const compoundCapable = new Set<number>();
  for (const term of terms) {
    const id = term.wordIds[0];
    if (term.wordIds.length !== 1 || id === undefined) {
      continue;
    }
    const word = vocabulary[id];
    if (!word || word.folded.length < MIN_COMPOUND_PART || compoundCapable.has(id)) {
      continue;
    }
    compoundCapable.add(id);
    const stem = word.canonical.slice(0, word.required);
    const key = stem.slice(0, 3);
    appendTo(compoundStems, key, { wordId: id, stem });
  }

  assignSpecificity(terms, vocabulary, wordsByBucket, lines.length);

  const termsByWord = new Map<number, number[]>();
  terms.forEach((term, index) => {
    for (const id of new Set(term.wordIds)) {
      appendTo(termsByWord, id, index);
    }
  });

  const singleWordTerm = new Set<number>();
  for (const term of terms) {
    const id = term.wordIds[0];
    if (term.wordIds.length === 1 && id !== undefined && !term.fromName) {
      singleWordTerm.add(id);
    }
  }

  const findCompoundParts = (token: Token, hits: Map<number, WordHit>): number[] => {
    const found: number[] = [];
    const text = token.canonical;
    for (let start = MIN_COMPOUND_MODIFIER; start + MIN_STEM_LENGTH <= text.length; start++) {
      for (const { wordId: id, stem } of compoundStems.get(text.slice(start, start + 3)) ?? []) {
        if (text.startsWith(stem, start) && !hits.get(id)?.standalone && !found.includes(id)) {
          found.push(id);
        }
      }
    }
    return found;
  };

  return (text: string): LineMatch[] => {
    const tokens = tokenize(text);
    if (tokens.length === 0 || terms.length === 0) {
      return [];
    }

    // Word hits per distinct token; the same word often repeats in a description.
    const hitsByToken = new Map<string, Map<number, WordHit>>();
    const compoundsByToken = new Map<string, number[]>();
    for (const token of tokens) {
      if (hitsByToken.has(token.raw)) {
        continue;
      }
      const hits = new Map<number, WordHit>();
      for (const id of wordsByBucket.get(bucketKey(token.canonical)) ?? []) {
        const word = vocabulary[id];
        if (!word) {
          continue;
        }
        const hit = compareWord(word, token);
        if (hit.standalone !== null || hit.inPhrase !== null) {
          hits.set(id, hit);
        }
      }
      hitsByToken.set(token.raw, hits);
      compoundsByToken.set(token.raw, token.guarded ? [] : findCompoundParts(token, hits));
    }

    // A token whose whole word is some line's keyword is better explained by that keyword
    // than by a compound part of it ('kunniaväkivallasta' is L8's, not L2's 'väkivalta').
    const wholeWordMatched = tokens.map((token) => {
      for (const [id, hit] of hitsByToken.get(token.raw) ?? []) {
        if (hit.standalone !== null && singleWordTerm.has(id)) {
          return true;
        }
      }
      return false;
    });

    const positionsByWord = new Map<number, Array<{ position: number; hit: WordHit }>>();
    tokens.forEach((token, position) => {
      for (const [id, hit] of hitsByToken.get(token.raw) ?? []) {
        appendTo(positionsByWord, id, { position, hit });
      }
    });

    const candidateTerms = new Set<number>();
    for (const id of positionsByWord.keys()) {
      for (const termIndex of termsByWord.get(id) ?? []) {
        candidateTerms.add(termIndex);
      }
    }

    const matchesByLine = new Map<number, TermMatch[]>();
    const record = (termIndex: number, positions: number[], quality: number) => {
      const term = terms[termIndex];
      if (!term) {
        return;
      }
      const phraseBonus = 1 + TEXT_MATCH_WEIGHTS.phraseWordBonus * (term.wordIds.length - 1);
      const nameFactor = term.fromName ? TEXT_MATCH_WEIGHTS.lineName : 1;
      const contribution = Math.min(
        TEXT_MATCH_WEIGHTS.maxContribution,
        TEXT_MATCH_WEIGHTS.base * quality * term.specificity * phraseBonus * nameFactor,
      );
      appendTo(matchesByLine, term.lineIndex, { termIndex, positions, contribution });
    };

    for (const termIndex of [...candidateTerms].sort((a, b) => a - b)) {
      const term = terms[termIndex];
      if (!term) {
        continue;
      }
      if (term.wordIds.length === 1) {
        let best: { position: number; quality: number } | null = null;
        for (const { position, hit } of positionsByWord.get(term.wordIds[0] ?? -1) ?? []) {
          const quality = hit.standalone === null ? 0 : QUALITY_FACTOR[hit.standalone];
          if (quality > 0 && (best === null || quality > best.quality)) {
            best = { position, quality };
          }
        }
        if (best) {
          record(termIndex, [best.position], best.quality);
        }
        continue;
      }
      const perWord = term.wordIds.map((id) =>
        (positionsByWord.get(id) ?? [])
          .filter(({ hit }) => hit.inPhrase !== null)
          .map(({ position }) => position),
      );
      if (perWord.some((positions) => positions.length === 0)) {
        continue;
      }
      const maxSpan = term.wordIds.length - 1 + TEXT_MATCH_WEIGHTS.phraseSlack;
      const positions = phrasePositions(perWord, maxSpan);
      if (positions) {
        const quality = Math.min(
          ...positions.map((position, index) => {
            const hit = hitsByToken
              .get(tokens[position]?.raw ?? '')
              ?.get(term.wordIds[index] ?? -1);
            return hit?.inPhrase ? QUALITY_FACTOR[hit.inPhrase] : 0;
          }),
        );
        record(termIndex, positions, quality);
      }
    }

    tokens.forEach((token, position) => {
      for (const id of compoundsByToken.get(token.raw) ?? []) {
        const shadow = wholeWordMatched[position] ? TEXT_MATCH_WEIGHTS.shadowedCompound : 1;
        for (const termIndex of termsByWord.get(id) ?? []) {
          if (terms[termIndex]?.wordIds.length === 1) {
            record(termIndex, [position], QUALITY_FACTOR.COMPOUND * shadow);
          }
        }
      }
    });

    const results: Array<LineMatch & { lineIndex: number }> = [];
    for (const [lineIndex, matches] of matchesByLine) {
      const line = lines[lineIndex];
      if (!line) {
        continue;
      }
      matches.sort(
        (a, b) =>
          b.contribution - a.contribution ||
          a.termIndex - b.termIndex ||
          (a.positions[0] ?? 0) - (b.positions[0] ?? 0),
      );
      // Each token counts once per line: several forms of one word are one piece of evidence.
      const claimed = new Set<number>();
      const matchedTerms: string[] = [];
      let miss = 1;
      for (const match of matches) {
        if (match.positions.some((position) => claimed.has(position))) {
          continue;
        }
        const term = terms[match.termIndex];
        if (!term || matchedTerms.includes(term.term)) {
          continue;
        }
        for (const position of match.positions) {
          claimed.add(position);
        }
        matchedTerms.push(term.term);
        miss *= 1 - match.contribution;
      }
      const score = Math.round((1 - miss) * 10_000) / 10_000;
      if (score > 0) {
        results.push({ lineIndex, lineCode: line.code, score, matchedTerms });
      }
    }
    results.sort((a, b) => b.score - a.score || a.lineIndex - b.lineIndex);
    return results.map(({ lineCode, score, matchedTerms }) => ({ lineCode, score, matchedTerms }));
  };
}

/**
 * A keyword that several lines list (kunniaväkivalta: L3 and L8) says less about which line is
 * meant. Two keywords count as the same when one, read as a token, matches the other alone.
 */
function assignSpecificity(
  terms: CompiledTerm[],
  vocabulary: readonly KeywordWord[],
  wordsByBucket: ReadonlyMap<string, number[]>,
  lineCount: number,
): void {
  const linesByWord = new Map<number, Set<number>>();
  const phraseLines = new Map<string, Set<number>>();
  for (const term of terms) {
    if (term.fromName) {
      continue;
    }
    if (term.wordIds.length === 1) {
      const id = term.wordIds[0] ?? -1;
      const set = linesByWord.get(id) ?? new Set<number>();
      set.add(term.lineIndex);
      linesByWord.set(id, set);
    } else {
      const key = term.wordIds.map((id) => vocabulary[id]?.canonical ?? '').join(' ');
      const set = phraseLines.get(key) ?? new Set<number>();
      set.add(term.lineIndex);
      phraseLines.set(key, set);
    }
  }
  const sharedBy = (count: number) => 1 / (1 + TEXT_MATCH_WEIGHTS.sharedKeyword * (count - 1));
  for (const term of terms) {
    if (term.fromName) {
      continue;
    }
    if (term.wordIds.length > 1) {
      const key = term.wordIds.map((id) => vocabulary[id]?.canonical ?? '').join(' ');
      term.specificity = sharedBy(phraseLines.get(key)?.size ?? 1);
      continue;
    }
    const id = term.wordIds[0] ?? -1;
    const word = vocabulary[id];
    if (!word) {
      continue;
    }
    const owners = new Set<number>([term.lineIndex]);
    const asToken: Token = {
      raw: word.raw,
      folded: word.folded,
      canonical: word.canonical,
      guarded: false,
    };
    for (const otherId of wordsByBucket.get(bucketKey(word.canonical)) ?? []) {
      const other = vocabulary[otherId];
      const otherLines = linesByWord.get(otherId);
      if (!other || !otherLines) {
        continue;
      }
      const otherAsToken: Token = {
        raw: other.raw,
        folded: other.folded,
        canonical: other.canonical,
        guarded: false,
      };
      if (compareWord(word, otherAsToken).standalone || compareWord(other, asToken).standalone) {
        for (const lineIndex of otherLines) {
          owners.add(lineIndex);
        }
      }
      if (owners.size === lineCount) {
        break;
      }
    }
    term.specificity = sharedBy(owners.size);
  }
}

const matcherCache = new WeakMap<readonly MatchableLine[], CaseTextMatcher>();

/**
 * Matches a case description against lines and returns the matched lines, best first, only
 * those with a score above zero. Builds the matcher once per `lines` array (the lines, never
 * the text, are cached); use {@link createCaseTextMatcher} to hold a matcher explicitly.
 */
export function matchCaseText(text: string, lines: readonly MatchableLine[]): LineMatch[] {
  let matcher = matcherCache.get(lines);
  if (!matcher) {
    matcher = createCaseTextMatcher(lines);
    matcherCache.set(lines, matcher);
  }
  return matcher(text);
}
