import { afterEach, describe, expect, it, vi } from 'vitest';
import { LINES } from '../../graph-seed/data/lines.ts';
import {
  createCaseTextMatcher,
  foldDiacritics,
  type LineMatch,
  type MatchableLine,
  matchCaseText,
} from '../../server/src/features/routing/case-text-matcher.ts';

const MATCHABLE: MatchableLine[] = LINES.map((line) => ({
  code: line.code,
  keywords: line.keywords,
  names: [line.name.fi, line.name.sv, line.name.en],
}));
const match = createCaseTextMatcher(MATCHABLE);
const codes = (matches: LineMatch[]) => matches.map((m) => m.lineCode);

interface TopLineCase {
  text: string;
  line: string;
  lang: 'fi' | 'sv' | 'en';
}

/** Descriptions a worker might type, and the line that must come first. */
const TOP_LINE_CASES: TopLineCase[] = [
  { lang: 'fi', line: 'L1', text: 'Nuori on itsetuhoinen ja viiltelee' },
  { lang: 'fi', line: 'L1', text: 'tytöllä on vaikea syomishairio' },
  { lang: 'fi', line: 'L1', text: 'masentunut ja ahdistunut nuori, psykoottisia oireita' },
  { lang: 'sv', line: 'L1', text: 'Flickan har en ätstörning och självskadebeteende' },
  { lang: 'en', line: 'L1', text: 'teenager with psychosis and suicidal thoughts' },
  { lang: 'fi', line: 'L2', text: 'Epäily lapsen seksuaalisesta hyväksikäytöstä' },
  { lang: 'fi', line: 'L2', text: 'isä on pahoinpidellyt lasta' },
  { lang: 'sv', line: 'L2', text: 'misstanke om sexuella övergrepp mot barnet' },
  { lang: 'en', line: 'L2', text: 'suspected child sexual abuse' },
  { lang: 'fi', line: 'L3', text: 'isä uhkasi tappaa koko perheen' },
  { lang: 'fi', line: 'L3', text: 'lähisuhdeväkivaltaa ja vainoamista, äiti on turvakodissa' },
  { lang: 'fi', line: 'L3', text: 'perhe elää väkivallan uhan alla' },
  { lang: 'sv', line: 'L3', text: 'dödshot mot mamman, våld i nära relationer' },
  { lang: 'en', line: 'L3', text: 'the father made a death threat; domestic violence' },
  { lang: 'fi', line: 'L4', text: 'nuori syyllistyi ryöstöön' },
  { lang: 'fi', line: 'L4', text: 'poika puukotti luokkatoveriaan' },
  { lang: 'sv', line: 'L4', text: 'pojken har begått ett rån' },
  { lang: 'en', line: 'L4', text: 'juvenile offender convicted of robbery' },
  { lang: 'fi', line: 'L5', text: 'vaikeasti kehitysvammainen lapsi, haastava käyttäytyminen' },
  { lang: 'fi', line: 'L5', text: 'lapsella on autismikirjon häiriö' },
  { lang: 'en', line: 'L5', text: 'a child with intellectual disability and autism' },
  { lang: 'fi', line: 'L6', text: 'sijoitettu nuori karkailee lastensuojelulaitoksesta' },
  { lang: 'fi', line: 'L6', text: 'huostaanotettu lapsi sijaisperheessä' },
  { lang: 'sv', line: 'L6', text: 'placering i familjehem, vård utom hemmet' },
  {
    lang: 'fi',
    line: 'L7',
    text: 'perhe on ollut lastensuojelun avohuollon asiakkaana kolmessa sukupolvessa',
  },
  { lang: 'fi', line: 'L7', text: 'ylisukupolviset ongelmat, tehostettu perhetyö ei ole auttanut' },
  { lang: 'fi', line: 'L8', text: 'kunniavakivallasta' },
  { lang: 'fi', line: 'L8', text: 'Tyttöä uhkaa pakkoavioliitto' },
  { lang: 'fi', line: 'L8', text: 'turvapaikanhakijaperheen lapsen trauma' },
  { lang: 'sv', line: 'L8', text: 'hedersrelaterat våld och tvångsäktenskap' },
  { lang: 'en', line: 'L8', text: 'forced marriage' },
  { lang: 'en', line: 'L8', text: 'honour violence in an asylum-seeking family' },
  { lang: 'fi', line: 'L9', text: 'pitkittynyt huoltoriita ja vieraannuttaminen' },
  { lang: 'fi', line: 'L9', text: 'vanhemmat erosivat ja riitelevät huoltajuudesta' },
  { lang: 'sv', line: 'L9', text: 'utdragen vårdnadstvist' },
  { lang: 'en', line: 'L9', text: 'high-conflict divorce and parental alienation' },
  { lang: 'fi', line: 'L10', text: 'paihteiden kaytto raskausaikana' },
  { lang: 'fi', line: 'L10', text: 'äiti käyttää huumeita' },
  { lang: 'sv', line: 'L10', text: 'gravid mamma som använder droger' },
  { lang: 'en', line: 'L10', text: 'pregnant mother with substance abuse' },
];

describe('case text -> lines', () => {
  it('has cases for every line in Finnish, and in Swedish and English', () => {
    expect(new Set(TOP_LINE_CASES.map((c) => c.line))).toEqual(
      new Set(LINES.map((line) => line.code)),
    );
    const finnish = TOP_LINE_CASES.filter((c) => c.lang === 'fi');
    expect(new Set(finnish.map((c) => c.line)).size).toBe(LINES.length);
    expect(TOP_LINE_CASES.filter((c) => c.lang === 'sv').length).toBeGreaterThanOrEqual(8);
    expect(TOP_LINE_CASES.filter((c) => c.lang === 'en').length).toBeGreaterThanOrEqual(8);
  });

  it.each(TOP_LINE_CASES)('$lang: "$text" -> $line first', ({ text, line }) => {
    const matches = match(text);
    expect(matches[0]?.lineCode).toBe(line);
    expect(matches[0]?.matchedTerms.length).toBeGreaterThan(0);
  });

  it.each([
    {
      text: 'kunniaväkivallan uhka ja pakkoavioliitto, lisäksi äidin päihteiden käyttö',
      lines: ['L8', 'L10', 'L3'],
    },
    { text: 'ero on riitaisa ja isä uhkaili tappaa äidin', lines: ['L9', 'L3'] },
    {
      text:
        'Äiti on raskaana ja käyttää päihteitä. Isä on uhannut tappaa perheen ja lapset ovat ' +
        'nähneet lähisuhdeväkivaltaa.',
      lines: ['L3', 'L10'],
    },
    {
      text: 'sijoitettu nuori on syyllistynyt ryöstöön ja käyttää huumeita',
      lines: ['L6', 'L4', 'L10'],
    },
    {
      text: 'autistinen lapsi, vanhempien huoltoriita ja pitkittynyt ero',
      lines: ['L9', 'L5'],
    },
  ])('several needs in one description: "$text" -> $lines', ({ text, lines }) => {
    const matched = codes(match(text));
    expect(matched.slice(0, lines.length).sort()).toEqual([...lines].sort());
  });

  it('ranks the line with more evidence above a line with a passing mention', () => {
    const matches = match('Äiti on raskaana ja käyttää päihteitä ja alkoholia. Lisäksi ero.');
    expect(codes(matches)).toEqual(['L10', 'L9']);
    expect(matches[0]?.score).toBeGreaterThan(matches[1]?.score ?? 1);
  });

  it.each([
    'Lapsi tarvitsee uudet kengät talveksi.',
    'raskas tilanne, paljon huolta lapsesta ja lapsen huoltaja on väsynyt',
    'the boy ran home after school',
    'erot ovat pieniä',
    '',
    '  ... !!! ',
  ])('a description that matches nothing gives no lines: "%s"', (text) => {
    expect(match(text)).toEqual([]);
  });

  it('keeps Finnish homographs apart: raskas (heavy) is not raskaus (pregnancy)', () => {
    expect(codes(match('raskaan elämäntilanteen keskellä'))).toEqual([]);
    expect(codes(match('raskauden aikana'))).toEqual(['L10']);
    expect(codes(match('hän on raskaana'))).toEqual(['L10']);
  });

  it('matches inflected forms through consonant gradation', () => {
    for (const text of ['päihteiden', 'paihteet', 'väkivallasta', 'väkivaltaa', 'raskauden']) {
      expect(match(text).length, text).toBeGreaterThan(0);
    }
    expect(codes(match('päihteitä'))).toEqual(['L10']);
    expect(codes(match('väkivallasta'))[0]).toBe('L2');
  });

  it('finds a keyword inside a compound, below a line that names the whole word', () => {
    expect(codes(match('kouluväkivalta'))).toEqual(['L2']);
    const family = match('perheväkivallasta');
    expect(codes(family)).toEqual(['L3', 'L2']);
    expect(family[0]?.score).toBeGreaterThan((family[1]?.score ?? 1) * 2);
  });

  it('ignores case and missing diacritics', () => {
    expect(match('FORCED MARRIAGE')).toEqual(match('forced marriage'));
    expect(codes(match('LAHISUHDEVAKIVALTA'))).toEqual(codes(match('lähisuhdeväkivalta')));
    expect(foldDiacritics('Päihde Våld Ö')).toBe('paihde vald o');
  });

  it('gives scores in (0, 1], best first, with curated terms only', () => {
    const matches = match('kunniaväkivalta, pakkoavioliitto, ihmiskauppa ja huumeet');
    expect(matches.length).toBeGreaterThan(1);
    const keywords = new Set(
      MATCHABLE.flatMap((line) => [...line.keywords, ...line.names]).map((term) => term),
    );
    for (const [index, m] of matches.entries()) {
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(m.score).toBeLessThanOrEqual(matches[index - 1]?.score ?? 1);
      for (const term of m.matchedTerms) {
        expect(keywords.has(term)).toBe(true);
      }
    }
  });

  it('matchCaseText gives the same answer as a held matcher, and calls do not leak', () => {
    const text = 'nuori syyllistyi ryöstöön';
    expect(matchCaseText(text, MATCHABLE)).toEqual(match(text));
    match('kunniaväkivalta ja ihmiskauppa');
    expect(match(text)).toEqual(createCaseTextMatcher(MATCHABLE)(text));
  });

  describe('privacy', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('never logs the description and never returns any part of it', () => {
      const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation(() => undefined),
      );
      const marker = 'Zqxmarker4711';
      const matches = matchCaseText(
        `${marker} on kunniaväkivallan uhan alla, ${marker}ssa pakkoavioliitto`,
        MATCHABLE,
      );
      expect(codes(matches)).toContain('L8');
      expect(JSON.stringify(matches).toLowerCase()).not.toContain(marker.toLowerCase());
      for (const spy of spies) {
        expect(spy).not.toHaveBeenCalled();
      }
    });
  });
});
