import { describe, expect, it } from 'vitest';
import { inLanguage } from '../../server/src/graphql/lang.ts';

describe('content language', () => {
  const texts = { fi: 'Erotyö', sv: 'Skilsmässoarbete', en: null };

  it('gives the text in the asked language', () => {
    expect(inLanguage(texts, 'SV')).toBe('Skilsmässoarbete');
    expect(inLanguage(texts, 'FI')).toBe('Erotyö');
  });

  it('falls back to Finnish when a translation is missing or blank', () => {
    expect(inLanguage(texts, 'EN')).toBe('Erotyö');
    expect(inLanguage({ ...texts, sv: '  ' }, 'SV')).toBe('Erotyö');
  });
});
