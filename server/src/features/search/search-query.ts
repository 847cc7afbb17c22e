/**
 * Turns what a worker typed into Lucene queries for the full-text indexes. Pure: unit-tested.
 *
 * Only letters and digits survive tokenising, so Lucene syntax in the input (quotes, brackets,
 * wildcards, field names, AND/OR) is dropped rather than escaped: it cannot break or widen a query.
 * Two queries come out:
 * - `analyzed`: the plain tokens, for the indexes whose analyzers (Finnish, Swedish, English)
 *   stem inflected forms: "kunniaväkivallasta" meets "kunniaväkivalta";
 * - `folded`: diacritics folded, each token also as a prefix and as a shortened stem prefix, for
 *   the ASCII-folding index: "paihdehuolto" meets "Päihdehuollon", a half-typed word still matches.
 *   Wildcard terms bypass the analyzer, so the folding and lowercasing happen here.
 */

export const MAX_SEARCH_TOKENS = 12;
const MAX_TOKEN_LENGTH = 40;
const MIN_PREFIX_TOKEN_LENGTH = 3;
const MIN_STEM_LENGTH = 5;

export interface SearchQueries {
  analyzed: string;
  folded: string;
}

/** Lowercase, without diacritics: "Päihdehuolto" -> "paihdehuolto". */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of `text`: letters and digits only, at most MAX_SEARCH_TOKENS, deduplicated. */
export function searchTokens(text: string): string[] {
  const words =
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_TOKEN_LENGTH)))].slice(
    0,
    MAX_SEARCH_TOKENS,
  );
}

/**
 * Stem prefix for agglutinative Finnish: drop about a third of a long word, which removes most
 * case endings and consonant-gradation changes ("väkivallasta" -> "väkival").
 */
export function stemPrefix(token: string): string | null {
  if (token.length < 7) {
    return null;
  }
  return token.slice(0, Math.max(MIN_STEM_LENGTH, Math.ceil(token.length * 0.68)));
}

/** The Lucene queries for `text`, or null when it has no searchable word. */
export function buildSearchQueries(text: string): SearchQueries | null {
  const tokens = searchTokens(text);
  if (tokens.length === 0) {
    return null;
  }
  const folded = tokens.flatMap((token) => {
    const plain = foldDiacritics(token);
    const terms = [`${plain}^3`];
    if (plain.length >= MIN_PREFIX_TOKEN_LENGTH) {
      terms.push(`${plain}*^2`);
    }
    const stem = stemPrefix(plain);
    if (stem) {
      terms.push(`${stem}*`);
    }
    return terms;
  });
  return { analyzed: tokens.join(' '), folded: folded.join(' ') };
}
