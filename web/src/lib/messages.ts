/** UI texts: Finnish first, Swedish and English. Every key exists in every language. */

export type UiLang = 'fi' | 'sv' | 'en';

export const UI_LANGS: ReadonlyArray<{ code: UiLang; label: string }> = [
  { code: 'fi', label: 'Suomi' },
  { code: 'sv', label: 'Svenska' },
  { code: 'en', label: 'English' },
];

const fi = {
  appTitle: 'Metrokartta',
  appSubtitle: 'OT-keskuksen konsultaatioverkosto',
  language: 'Kieli',
  linesHeading: 'Linjat',
  linesIntro:
    'Jokainen linja on yksi vaativa palvelutarve. Valitse linja nähdäksesi sen asiantuntijat.',
  loading: 'Ladataan…',
  loadFailed: 'Linjojen lataaminen epäonnistui. Yritä hetken kuluttua uudelleen.',
  retry: 'Yritä uudelleen',
  lineCode: 'Linjatunnus',
};

type Messages = typeof fi;

const sv: Messages = {
  appTitle: 'Metrokartan',
  appSubtitle: 'Konsultationsnätverket vid kompetens- och stödcentret',
  language: 'Språk',
  linesHeading: 'Linjer',
  linesIntro: 'Varje linje är ett krävande servicebehov. Välj en linje för att se dess experter.',
  loading: 'Laddar…',
  loadFailed: 'Linjerna kunde inte laddas. Försök igen om en stund.',
  retry: 'Försök igen',
  lineCode: 'Linjekod',
};

const en: Messages = {
  appTitle: 'Metro map',
  appSubtitle: 'Consultation network of the expertise and support centre',
  language: 'Language',
  linesHeading: 'Lines',
  linesIntro: 'Each line is one demanding service need. Choose a line to see its experts.',
  loading: 'Loading…',
  loadFailed: 'The lines could not be loaded. Please try again in a moment.',
  retry: 'Try again',
  lineCode: 'Line code',
};

export const MESSAGES: Record<UiLang, Messages> = { fi, sv, en };
