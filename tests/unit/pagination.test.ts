import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageInfo } from '../../server/src/graphql/pagination.ts';

describe('pagination cursors', () => {
  it('round-trips an offset through an opaque cursor', () => {
    expect(decodeCursor(encodeCursor(120))).toBe(120);
    expect(decodeCursor(null)).toBe(0);
    expect(encodeCursor(120)).not.toContain('120');
  });

  it('refuses a cursor it did not make, naming the argument', () => {
    for (const bad of ['abc', encodeCursor(-1), Buffer.from('offset:x').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(/after: is not a cursor/);
    }
  });

  it('says whether more pages follow', () => {
    expect(pageInfo(0, 50, 120)).toEqual({ hasNextPage: true, endCursor: encodeCursor(50) });
    expect(pageInfo(100, 20, 120)).toEqual({ hasNextPage: false, endCursor: encodeCursor(120) });
    expect(pageInfo(120, 0, 120)).toEqual({ hasNextPage: false, endCursor: null });
  });
});
