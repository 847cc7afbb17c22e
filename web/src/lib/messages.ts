/** UI texts: Finnish first, Swedish and English. Every key exists in every language. */

export type UiLang = 'fi' | 'sv' | 'en';

export const UI_LANGS: ReadonlyArray<{ code: UiLang; label: string }> = [
  { code: 'fi', label: 'Suomi' },
  { code: 'sv', label: 'Svenska' },
  { code: 'en', label: 'English' },
];

export type ChannelCode =
  | 'PHONE'
  | 'VIDEO'
  | 'CHAT'
  | 'EMAIL'
  | 'ON_SITE'
  | 'NETWORK_MEETING'
  | 'WORK_PAIR';

export type ServiceLevelCode = 'BASIC' | 'SPECIAL' | 'DEMANDING' | 'NATIONAL';

const fi = {
  appTitle: 'Metrokartta',
  appSubtitle: 'OT-keskuksen konsultaatioverkosto',
  skipToContent: 'Siirry sisältöön',
  language: 'Kieli',
  view: 'Näkymä',
  viewMap: 'Kartta',
  viewList: 'Lista',

  loading: 'Ladataan…',
  loadingMap: 'Ladataan karttaa…',
  loadFailed: 'Kartan lataaminen epäonnistui. Yritä hetken kuluttua uudelleen.',
  databaseDown:
    'Tietokanta ei ole juuri nyt käytettävissä, joten karttaa ei voitu ladata. Yritä hetken kuluttua uudelleen.',
  serverDown: 'Palvelimeen ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
  retry: 'Yritä uudelleen',
  emptyMap: 'Kartalla ei ole vielä yhtään linjaa.',

  legendHeading: 'Linjat',
  legendHint: 'Valitse linja kohdistaaksesi siihen: muut linjat himmenevät.',
  show: 'Näytä',
  showLine: (code: string) => `Näytä linja ${code}`,
  focusLine: (code: string) => `Kohdista linjaan ${code}`,
  showAllLines: 'Näytä kaikki linjat',
  clearFocus: 'Poista kohdistus',
  focusedLineNote: (code: string) => `Kohdistettu linja: ${code}. Muut linjat on himmennetty.`,
  hiddenLinesNote: (count: number) =>
    count === 1 ? '1 linja piilotettu.' : `${count} linjaa piilotettu.`,
  noticeDisruption: (away: number) =>
    away === 1 ? 'Häiriö: 1 asiantuntija poissa' : `Häiriö: ${away} asiantuntijaa poissa`,
  noticeGap: (away: number, of: number) => `Katvealue: ${away}/${of} asiantuntijaa poissa`,

  layersHeading: 'Tasot',
  layerResearch: 'Tutkimushankkeet',
  layerVip: 'VIP-verkosto',
  layerLoading: 'Ladataan tasoa…',
  layerFailed: 'Tason lataaminen epäonnistui.',
  layerEmpty: 'Tasolla ei ole vielä kohteita.',

  symbolsHeading: 'Merkit',
  symbolStation: 'Asiantuntija',
  symbolInterchange: 'Vaihtoasema: useammalla linjalla',
  symbolUnit: 'Yksikkö tai työryhmä',
  symbolTerminus: 'Linjan pääteasema',
  symbolAway: 'Poissa (häiriö)',
  symbolBadge: 'Linjatunnus linjan päässä',

  mapLabel: (lines: number, stations: number) =>
    `Metrokartta: ${lines} linjaa ja ${stations} asemaa`,
  mapKeyboardHint:
    'Kartan asemia ei voi valita näppäimistöllä: käytä hakua, linjaluetteloa tai listanäkymää. Nuolinäppäimet siirtävät karttaa.',
  mapControls: 'Kartan ohjaimet',
  zoomIn: 'Lähennä',
  zoomOut: 'Loitonna',
  zoomFit: 'Näytä koko kartta',

  help: 'Pikanäppäimet',
  helpClose: 'Sulje ohje',
  shortcutZoomIn: 'Lähennä karttaa',
  shortcutZoomOut: 'Loitonna karttaa',
  shortcutFit: 'Näytä koko kartta',
  shortcutSearch: 'Siirry hakuun',
  shortcutClose: 'Sulje asemakortti tai ohje',
  shortcutPan: 'Siirrä karttaa, kun kartta on valittuna',
  shortcutNote: 'Pikanäppäimet eivät toimi kirjoitettaessa tekstikenttään.',

  searchLabel: 'Hae asiantuntijaa, yksikköä tai linjaa',
  searchPlaceholder: 'Hae nimellä tai aiheella…',
  searching: 'Haetaan…',
  searchNoResults: 'Ei osumia.',
  searchFailed: 'Haku epäonnistui. Yritä uudelleen.',
  searchResults: (count: number) => (count === 1 ? '1 osuma' : `${count} osumaa`),
  kindLine: 'Linja',
  kindExpert: 'Asiantuntija',
  kindUnit: 'Yksikkö',

  cardClose: 'Sulje asemakortti',
  cardLoading: 'Ladataan asemakorttia…',
  cardFailed: 'Asemakortin lataaminen epäonnistui.',
  cardNotFound: 'Asemaa ei löytynyt. Se on ehkä poistettu kartalta.',
  cardExpert: 'Asiantuntija',
  cardUnit: 'Yksikkö',
  cardInterchange: 'Vaihtoasema',
  fieldTitle: 'Nimike',
  fieldDescription: 'Kuvaus',
  fieldOrganisation: 'Organisaatio',
  fieldLines: 'Linjat',
  fieldServiceLevel: 'Palvelutaso',
  fieldLanguages: 'Kielet',
  fieldRegions: 'Alueet',
  fieldMethods: 'Menetelmät',
  fieldChannels: 'Konsultaatiokanavat',
  fieldOtShare: 'OT-työn osuus',
  fieldAvailability: 'Tavoitettavuus',
  fieldContact: 'Yhteystiedot',
  fieldEmail: 'Sähköposti',
  fieldPhone: 'Puhelin',
  available: 'Tavoitettavissa',
  awayUntil: (date: string) => `Poissa, palaa ${date}`,
  otShare: (percent: number) => `${percent} % työajasta`,
  contactHidden: 'Yhteystiedot näytetään vain kirjautuneille työntekijöille.',
  instructionsHeading: 'Konsultaatio-ohjeet',
  instructionsOf: (code: string, name: string) => `${code} ${name}`,
  noneListed: 'Ei merkitty',
  signLanguage: 'suomalainen viittomakieli',
  serviceLevels: {
    BASIC: 'perustaso',
    SPECIAL: 'erityistaso',
    DEMANDING: 'vaativa erityistaso (OT-taso)',
    NATIONAL: 'kansallinen taso',
  } satisfies Record<ServiceLevelCode, string>,
  channels: {
    PHONE: 'puhelin',
    VIDEO: 'videoyhteys',
    CHAT: 'chat',
    EMAIL: 'sähköposti',
    ON_SITE: 'käynti paikan päällä',
    NETWORK_MEETING: 'verkostokokous',
    WORK_PAIR: 'työpari',
  } satisfies Record<ChannelCode, string>,

  listHeading: 'Linjat ja asemat',
  listIntro:
    'Kaikki linjat asemineen linjajärjestyksessä. Valitse asema avataksesi sen kortin. Vaihtoasemat on merkitty tekstillä ja kuvakkeella.',
  stationCount: (count: number) => (count === 1 ? '1 asema' : `${count} asemaa`),
  listInterchange: (codes: string[]) =>
    codes.length === 1
      ? `Vaihtoasema, myös linja ${codes[0]}`
      : `Vaihtoasema, myös linjat ${codes.join(', ')}`,
  listUnit: 'yksikkö',
  listTerminus: 'pääteasema',
  listAway: (date: string) => `poissa, palaa ${date}`,
  lineHiddenInList: 'Linja on piilotettu kartalta.',
};

export type Messages = typeof fi;

const sv: Messages = {
  appTitle: 'Metrokartan',
  appSubtitle: 'Konsultationsnätverket vid kompetens- och stödcentret',
  skipToContent: 'Hoppa till innehållet',
  language: 'Språk',
  view: 'Vy',
  viewMap: 'Karta',
  viewList: 'Lista',

  loading: 'Laddar…',
  loadingMap: 'Kartan laddas…',
  loadFailed: 'Kartan kunde inte laddas. Försök igen om en stund.',
  databaseDown:
    'Databasen är inte tillgänglig just nu, så kartan kunde inte laddas. Försök igen om en stund.',
  serverDown: 'Ingen kontakt med servern. Kontrollera nätverksanslutningen och försök igen.',
  retry: 'Försök igen',
  emptyMap: 'Kartan har ännu inga linjer.',

  legendHeading: 'Linjer',
  legendHint: 'Välj en linje för att fokusera på den: de andra linjerna tonas ned.',
  show: 'Visa',
  showLine: (code: string) => `Visa linje ${code}`,
  focusLine: (code: string) => `Fokusera på linje ${code}`,
  showAllLines: 'Visa alla linjer',
  clearFocus: 'Ta bort fokus',
  focusedLineNote: (code: string) => `Fokuserad linje: ${code}. De andra linjerna är nedtonade.`,
  hiddenLinesNote: (count: number) => (count === 1 ? '1 linje dold.' : `${count} linjer dolda.`),
  noticeDisruption: (away: number) =>
    away === 1 ? 'Störning: 1 expert frånvarande' : `Störning: ${away} experter frånvarande`,
  noticeGap: (away: number, of: number) => `Täckningslucka: ${away}/${of} experter frånvarande`,

  layersHeading: 'Lager',
  layerResearch: 'Forskningsprojekt',
  layerVip: 'VIP-nätverket',
  layerLoading: 'Lagret laddas…',
  layerFailed: 'Lagret kunde inte laddas.',
  layerEmpty: 'Lagret har ännu inga objekt.',

  symbolsHeading: 'Symboler',
  symbolStation: 'Expert',
  symbolInterchange: 'Bytesstation: på flera linjer',
  symbolUnit: 'Enhet eller arbetsgrupp',
  symbolTerminus: 'Linjens ändstation',
  symbolAway: 'Frånvarande (störning)',
  symbolBadge: 'Linjekod vid linjens ände',

  mapLabel: (lines: number, stations: number) =>
    `Metrokarta: ${lines} linjer och ${stations} stationer`,
  mapKeyboardHint:
    'Kartans stationer kan inte väljas med tangentbordet: använd sökningen, linjeförteckningen eller listvyn. Piltangenterna flyttar kartan.',
  mapControls: 'Kartans reglage',
  zoomIn: 'Zooma in',
  zoomOut: 'Zooma ut',
  zoomFit: 'Visa hela kartan',

  help: 'Kortkommandon',
  helpClose: 'Stäng hjälpen',
  shortcutZoomIn: 'Zooma in på kartan',
  shortcutZoomOut: 'Zooma ut från kartan',
  shortcutFit: 'Visa hela kartan',
  shortcutSearch: 'Gå till sökningen',
  shortcutClose: 'Stäng stationskortet eller hjälpen',
  shortcutPan: 'Flytta kartan när kartan är vald',
  shortcutNote: 'Kortkommandona fungerar inte medan du skriver i ett textfält.',

  searchLabel: 'Sök expert, enhet eller linje',
  searchPlaceholder: 'Sök på namn eller ämne…',
  searching: 'Söker…',
  searchNoResults: 'Inga träffar.',
  searchFailed: 'Sökningen misslyckades. Försök igen.',
  searchResults: (count: number) => (count === 1 ? '1 träff' : `${count} träffar`),
  kindLine: 'Linje',
  kindExpert: 'Expert',
  kindUnit: 'Enhet',

  cardClose: 'Stäng stationskortet',
  cardLoading: 'Stationskortet laddas…',
  cardFailed: 'Stationskortet kunde inte laddas.',
  cardNotFound: 'Stationen hittades inte. Den har kanske tagits bort från kartan.',
  cardExpert: 'Expert',
  cardUnit: 'Enhet',
  cardInterchange: 'Bytesstation',
  fieldTitle: 'Titel',
  fieldDescription: 'Beskrivning',
  fieldOrganisation: 'Organisation',
  fieldLines: 'Linjer',
  fieldServiceLevel: 'Servicenivå',
  fieldLanguages: 'Språk',
  fieldRegions: 'Områden',
  fieldMethods: 'Metoder',
  fieldChannels: 'Konsultationskanaler',
  fieldOtShare: 'Andel OT-arbete',
  fieldAvailability: 'Tillgänglighet',
  fieldContact: 'Kontaktuppgifter',
  fieldEmail: 'E-post',
  fieldPhone: 'Telefon',
  available: 'Anträffbar',
  awayUntil: (date: string) => `Frånvarande, tillbaka ${date}`,
  otShare: (percent: number) => `${percent} % av arbetstiden`,
  contactHidden: 'Kontaktuppgifterna visas endast för inloggade anställda.',
  instructionsHeading: 'Konsultationsanvisningar',
  instructionsOf: (code: string, name: string) => `${code} ${name}`,
  noneListed: 'Inte angivet',
  signLanguage: 'finskt teckenspråk',
  serviceLevels: {
    BASIC: 'basnivå',
    SPECIAL: 'specialnivå',
    DEMANDING: 'krävande specialnivå (OT-nivå)',
    NATIONAL: 'nationell nivå',
  },
  channels: {
    PHONE: 'telefon',
    VIDEO: 'videosamtal',
    CHAT: 'chatt',
    EMAIL: 'e-post',
    ON_SITE: 'besök på plats',
    NETWORK_MEETING: 'nätverksmöte',
    WORK_PAIR: 'arbetspar',
  },

  listHeading: 'Linjer och stationer',
  listIntro:
    'Alla linjer med sina stationer i linjeordning. Välj en station för att öppna dess kort. Bytesstationer är märkta med text och ikon.',
  stationCount: (count: number) => (count === 1 ? '1 station' : `${count} stationer`),
  listInterchange: (codes: string[]) =>
    codes.length === 1
      ? `Bytesstation, även linje ${codes[0]}`
      : `Bytesstation, även linjerna ${codes.join(', ')}`,
  listUnit: 'enhet',
  listTerminus: 'ändstation',
  listAway: (date: string) => `frånvarande, tillbaka ${date}`,
  lineHiddenInList: 'Linjen är dold på kartan.',
};

const en: Messages = {
  appTitle: 'Metro map',
  appSubtitle: 'Consultation network of the expertise and support centre',
  skipToContent: 'Skip to content',
  language: 'Language',
  view: 'View',
  viewMap: 'Map',
  viewList: 'List',

  loading: 'Loading…',
  loadingMap: 'Loading the map…',
  loadFailed: 'The map could not be loaded. Please try again in a moment.',
  databaseDown:
    'The database is not available right now, so the map could not be loaded. Please try again in a moment.',
  serverDown: 'The server could not be reached. Check the network connection and try again.',
  retry: 'Try again',
  emptyMap: 'The map has no lines yet.',

  legendHeading: 'Lines',
  legendHint: 'Choose a line to focus on it: the other lines are dimmed.',
  show: 'Show',
  showLine: (code: string) => `Show line ${code}`,
  focusLine: (code: string) => `Focus on line ${code}`,
  showAllLines: 'Show all lines',
  clearFocus: 'Clear focus',
  focusedLineNote: (code: string) => `Focused line: ${code}. The other lines are dimmed.`,
  hiddenLinesNote: (count: number) => (count === 1 ? '1 line hidden.' : `${count} lines hidden.`),
  noticeDisruption: (away: number) =>
    away === 1 ? 'Disruption: 1 expert away' : `Disruption: ${away} experts away`,
  noticeGap: (away: number, of: number) => `Coverage gap: ${away} of ${of} experts away`,

  layersHeading: 'Layers',
  layerResearch: 'Research projects',
  layerVip: 'VIP network',
  layerLoading: 'Loading the layer…',
  layerFailed: 'The layer could not be loaded.',
  layerEmpty: 'The layer has no items yet.',

  symbolsHeading: 'Symbols',
  symbolStation: 'Expert',
  symbolInterchange: 'Interchange: on several lines',
  symbolUnit: 'Unit or team',
  symbolTerminus: 'End of a line',
  symbolAway: 'Away (disruption)',
  symbolBadge: 'Line code at the end of a line',

  mapLabel: (lines: number, stations: number) =>
    `Metro map: ${lines} lines and ${stations} stations`,
  mapKeyboardHint:
    'Stations on the map cannot be chosen with the keyboard: use the search, the line legend or the list view. The arrow keys move the map.',
  mapControls: 'Map controls',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomFit: 'Show the whole map',

  help: 'Keyboard shortcuts',
  helpClose: 'Close help',
  shortcutZoomIn: 'Zoom in',
  shortcutZoomOut: 'Zoom out',
  shortcutFit: 'Show the whole map',
  shortcutSearch: 'Go to the search',
  shortcutClose: 'Close the station card or the help',
  shortcutPan: 'Move the map while the map is selected',
  shortcutNote: 'Shortcuts do not work while you type in a text field.',

  searchLabel: 'Search for an expert, unit or line',
  searchPlaceholder: 'Search by name or topic…',
  searching: 'Searching…',
  searchNoResults: 'No matches.',
  searchFailed: 'The search failed. Please try again.',
  searchResults: (count: number) => (count === 1 ? '1 match' : `${count} matches`),
  kindLine: 'Line',
  kindExpert: 'Expert',
  kindUnit: 'Unit',

  cardClose: 'Close the station card',
  cardLoading: 'Loading the station card…',
  cardFailed: 'The station card could not be loaded.',
  cardNotFound: 'The station was not found. It may have been removed from the map.',
  cardExpert: 'Expert',
  cardUnit: 'Unit',
  cardInterchange: 'Interchange',
  fieldTitle: 'Title',
  fieldDescription: 'Description',
  fieldOrganisation: 'Organisation',
  fieldLines: 'Lines',
  fieldServiceLevel: 'Service level',
  fieldLanguages: 'Languages',
  fieldRegions: 'Regions',
  fieldMethods: 'Methods',
  fieldChannels: 'Consultation channels',
  fieldOtShare: 'Share of OT work',
  fieldAvailability: 'Availability',
  fieldContact: 'Contact details',
  fieldEmail: 'E-mail',
  fieldPhone: 'Phone',
  available: 'Available',
  awayUntil: (date: string) => `Away, back on ${date}`,
  otShare: (percent: number) => `${percent} % of working time`,
  contactHidden: 'Contact details are shown to signed-in staff only.',
  instructionsHeading: 'Consultation instructions',
  instructionsOf: (code: string, name: string) => `${code} ${name}`,
  noneListed: 'Not listed',
  signLanguage: 'Finnish Sign Language',
  serviceLevels: {
    BASIC: 'basic level',
    SPECIAL: 'special level',
    DEMANDING: 'demanding special level (OT level)',
    NATIONAL: 'national level',
  },
  channels: {
    PHONE: 'phone',
    VIDEO: 'video call',
    CHAT: 'chat',
    EMAIL: 'e-mail',
    ON_SITE: 'on-site visit',
    NETWORK_MEETING: 'network meeting',
    WORK_PAIR: 'work pair',
  },

  listHeading: 'Lines and stations',
  listIntro:
    'Every line with its stations in line order. Choose a station to open its card. Interchanges are marked with text and an icon.',
  stationCount: (count: number) => (count === 1 ? '1 station' : `${count} stations`),
  listInterchange: (codes: string[]) =>
    codes.length === 1
      ? `Interchange, also line ${codes[0]}`
      : `Interchange, also lines ${codes.join(', ')}`,
  listUnit: 'unit',
  listTerminus: 'end of line',
  listAway: (date: string) => `away, back on ${date}`,
  lineHiddenInList: 'The line is hidden on the map.',
};

export const MESSAGES: Record<UiLang, Messages> = { fi, sv, en };
