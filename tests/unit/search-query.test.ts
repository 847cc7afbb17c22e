import { describe, expect, it } from 'vitest';
import {
  buildSearchQueries,
  foldDiacritics,
  MAX_SEARCH_TOKENS,
  searchTokens,
  stemPrefix,
} from '../../server/src/features/search/search-query.ts';

describe('search query building', () => {
  it('folds Finnish and Swedish diacritics', () => {
    expect(foldDiacritics('Päihdehuolto Tvångsäktenskap ÖVERGREPP')).toBe(
      'paihdehuolto tvangsaktenskap overgrepp',
    );
  });

  it('keeps only words: Lucene syntax cannot reach the query', () => {
    expect(searchTokens('kunnia* OR name:foo) AND ("x" [a TO z] ~2 ^3 \\ /')).toEqual([
      'kunnia',
      'or',
      'name',
      'foo',
      'and',
      'x',
      'a',
      'to',
      'z',
      '2',
      '3',
    ]);
    const queries = buildSearchQueries('title:[a TO z] OR *:*');
    expect(queries?.analyzed).not.toMatch(/[:[\]*()"~^\\/]/);
    expect(queries?.folded).not.toMatch(/[:[\]()"~\\/]/);
    expect(queries?.analyzed).not.toMatch(/\b(OR|AND|NOT|TO)\b/);
  });

  it('gives no query for text without a word', () => {
    expect(buildSearchQueries('  ?! *** ')).toBeNull();
  });

  it('shortens long words to a stem prefix so inflected forms meet', () => {
    expect(stemPrefix('kunniavakivallasta')).toBe('kunniavakival');
    expect('kunniavakivalta'.startsWith(stemPrefix('kunniavakivallasta') ?? '?')).toBe(true);
    expect('paihdehuollon'.startsWith(stemPrefix('paihdehuolto') ?? '?')).toBe(true);
    expect(stemPrefix('ero')).toBeNull();
  });

  it('builds a folded query with exact, prefix and stem terms', () => {
    expect(buildSearchQueries('Päihdehuolto')).toEqual({
      analyzed: 'päihdehuolto',
      folded: 'paihdehuolto^3 paihdehuolto*^2 paihdehuo*',
    });
  });

  it('caps the number of words', () => {
    const many = Array.from({ length: 40 }, (_, i) => `sana${i}`).join(' ');
    expect(searchTokens(many)).toHaveLength(MAX_SEARCH_TOKENS);
  });
});
