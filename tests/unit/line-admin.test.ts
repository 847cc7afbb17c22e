/** Admins' line upkeep in the web app: the next code, the free colours, the request. */
import { describe, expect, it } from 'vitest';
import { LINE_PALETTE } from '../../common/line-palette.ts';
import { freeColours, newLineVariables, nextLineCode } from '../../web/src/lib/line-admin.ts';

describe('a new line from the web app', () => {
  it('suggests the code after the highest in use', () => {
    expect(nextLineCode(['L1', 'L10', 'L2'])).toBe('L11');
    expect(nextLineCode([])).toBe('L1');
  });

  it('offers only the palette colours no active line uses', () => {
    const [first, second] = LINE_PALETTE;
    const free = freeColours([first?.color.toUpperCase() ?? '', second?.color ?? '']);
    expect(free).toHaveLength(LINE_PALETTE.length - 2);
    expect(free.map((entry) => entry.color)).not.toContain(first?.color);
  });

  it('sends the code in capitals and leaves unwritten translations out', () => {
    expect(
      newLineVariables({
        code: ' l11 ',
        fi: ' Uusi linja ',
        sv: '',
        en: 'New line',
        color: '#006dac',
      }),
    ).toEqual({
      code: 'L11',
      name: { fi: 'Uusi linja', sv: null, en: 'New line' },
      color: '#006dac',
    });
  });
});
