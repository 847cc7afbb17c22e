/**
 * Curated vocabularies for the seeded generator of fictional people: immigrant-background names
 * with the languages such a person may speak, expert and researcher titles, research project
 * topics and expertise phrases per line. No real person is named here.
 */
import type { Sector, ServiceLevel } from '../seed-types.ts';

/** Plausible names; `languages` are ISO 639-1 codes spoken besides Finnish. */
export const IMMIGRANT_BACKGROUND_NAMES: Array<{
  first: string;
  last: string;
  languages: string[];
}> = [
  { first: 'Hodan', last: 'Abdi', languages: ['so', 'en'] },
  { first: 'Abdirahman', last: 'Warsame', languages: ['so', 'ar'] },
  { first: 'Fadumo', last: 'Yusuf', languages: ['so'] },
  { first: 'Khadar', last: 'Nur', languages: ['so', 'en'] },
  { first: 'Sahra', last: 'Mohamed', languages: ['so', 'ar', 'en'] },
  { first: 'Layla', last: 'Haddad', languages: ['ar', 'en'] },
  { first: 'Omar', last: 'Al-Khatib', languages: ['ar'] },
  { first: 'Rana', last: 'Saleh', languages: ['ar', 'en'] },
  { first: 'Yousef', last: 'Mansour', languages: ['ar', 'sv'] },
  { first: 'Noor', last: 'Al-Jaberi', languages: ['ar', 'en'] },
  { first: 'Karim', last: 'Nasser', languages: ['ar', 'fr'] },
  { first: 'Shirin', last: 'Karimi', languages: ['ku', 'fa'] },
  { first: 'Rebin', last: 'Ahmadi', languages: ['ku', 'ar'] },
  { first: 'Dilan', last: 'Aziz', languages: ['ku', 'tr'] },
  { first: 'Hawre', last: 'Rasul', languages: ['ku', 'ar', 'en'] },
  { first: 'Natalia', last: 'Ivanova', languages: ['ru'] },
  { first: 'Dmitri', last: 'Smirnov', languages: ['ru', 'en'] },
  { first: 'Olga', last: 'Petrova', languages: ['ru', 'et'] },
  { first: 'Jelena', last: 'Kuznetsova', languages: ['ru', 'uk'] },
  { first: 'Kadri', last: 'Tamm', languages: ['et', 'ru'] },
  { first: 'Margus', last: 'Saar', languages: ['et'] },
  { first: 'Liis', last: 'Kask', languages: ['et', 'en'] },
  { first: 'Maryam', last: 'Hosseini', languages: ['fa', 'en'] },
  { first: 'Reza', last: 'Moradi', languages: ['fa'] },
  { first: 'Zahra', last: 'Rezaei', languages: ['fa', 'ps'] },
  { first: 'Ahmad', last: 'Sharifi', languages: ['fa', 'ps'] },
  { first: 'Parisa', last: 'Jafari', languages: ['fa', 'en'] },
  { first: 'Lan', last: 'Nguyen', languages: ['vi'] },
  { first: 'Minh', last: 'Tran', languages: ['vi', 'en'] },
  { first: 'Thu', last: 'Pham', languages: ['vi', 'en'] },
  { first: 'Arben', last: 'Krasniqi', languages: ['sq', 'en'] },
  { first: 'Drita', last: 'Berisha', languages: ['sq', 'de'] },
  { first: 'Besnik', last: 'Gashi', languages: ['sq'] },
  { first: 'Senait', last: 'Tesfaye', languages: ['ti', 'am', 'en'] },
  { first: 'Meron', last: 'Bekele', languages: ['am', 'en'] },
  { first: 'Elif', last: 'Yilmaz', languages: ['tr', 'en'] },
  { first: 'Oksana', last: 'Kovalenko', languages: ['uk', 'ru'] },
  { first: 'Suda', last: 'Wongsawat', languages: ['th', 'en'] },
  { first: 'Amra', last: 'Hodžić', languages: ['bs', 'de'] },
  { first: 'Gulalai', last: 'Ahmadzai', languages: ['ps', 'fa'] },
  { first: 'Wei', last: 'Zhang', languages: ['zh', 'en'] },
  { first: 'Fatima', last: 'Benali', languages: ['ar', 'fr'] },
];

/** Finnish job titles of station experts, with their sector and plausible service levels. */
export const EXPERT_TITLES: Array<{ title: string; sector: Sector; levels: ServiceLevel[] }> = [
  { title: 'sosiaalityöntekijä', sector: 'SOCIAL', levels: ['BASIC', 'SPECIAL'] },
  { title: 'johtava sosiaalityöntekijä', sector: 'SOCIAL', levels: ['SPECIAL', 'DEMANDING'] },
  { title: 'erikoissosiaalityöntekijä', sector: 'SOCIAL', levels: ['SPECIAL', 'DEMANDING'] },
  {
    title: 'lastensuojelun erityisasiantuntija',
    sector: 'SOCIAL',
    levels: ['DEMANDING', 'NATIONAL'],
  },
  { title: 'sosiaaliohjaaja', sector: 'SOCIAL', levels: ['BASIC', 'SPECIAL'] },
  { title: 'perhetyöntekijä', sector: 'SOCIAL', levels: ['BASIC', 'SPECIAL'] },
  { title: 'päihdetyöntekijä', sector: 'SOCIAL', levels: ['BASIC', 'SPECIAL'] },
  { title: 'vammaispalvelujen sosiaalityöntekijä', sector: 'SOCIAL', levels: ['SPECIAL'] },
  {
    title: 'kehitysvamma-alan erityisasiantuntija',
    sector: 'SOCIAL',
    levels: ['SPECIAL', 'DEMANDING'],
  },
  { title: 'perheasioiden sovittelija', sector: 'SOCIAL', levels: ['SPECIAL'] },
  { title: 'kuraattori', sector: 'SOCIAL', levels: ['BASIC'] },
  { title: 'psykologi', sector: 'HEALTH', levels: ['BASIC', 'SPECIAL'] },
  { title: 'erikoispsykologi', sector: 'HEALTH', levels: ['SPECIAL', 'DEMANDING'] },
  { title: 'neuropsykologi', sector: 'HEALTH', levels: ['SPECIAL', 'DEMANDING'] },
  { title: 'koulupsykologi', sector: 'HEALTH', levels: ['BASIC'] },
  { title: 'lastenpsykiatri', sector: 'HEALTH', levels: ['SPECIAL', 'DEMANDING'] },
  { title: 'nuorisopsykiatri', sector: 'HEALTH', levels: ['SPECIAL', 'DEMANDING'] },
  {
    title: 'oikeuspsykiatrian erikoislääkäri',
    sector: 'HEALTH',
    levels: ['DEMANDING', 'NATIONAL'],
  },
  { title: 'erikoislääkäri', sector: 'HEALTH', levels: ['SPECIAL', 'DEMANDING'] },
  { title: 'perheterapeutti', sector: 'HEALTH', levels: ['SPECIAL', 'DEMANDING'] },
  { title: 'psykiatrinen sairaanhoitaja', sector: 'HEALTH', levels: ['SPECIAL'] },
  { title: 'terveydenhoitaja', sector: 'HEALTH', levels: ['BASIC'] },
  { title: 'kätilö', sector: 'HEALTH', levels: ['BASIC', 'SPECIAL'] },
  { title: 'puheterapeutti', sector: 'HEALTH', levels: ['SPECIAL'] },
  { title: 'erityisopettaja', sector: 'EDUCATION', levels: ['BASIC', 'SPECIAL'] },
  { title: 'erityisluokanopettaja', sector: 'EDUCATION', levels: ['BASIC', 'SPECIAL'] },
  { title: 'rikosylikonstaapeli', sector: 'POLICE', levels: ['SPECIAL'] },
  { title: 'rikoskomisario', sector: 'POLICE', levels: ['SPECIAL', 'DEMANDING'] },
  { title: 'järjestön erityisasiantuntija', sector: 'NGO', levels: ['SPECIAL', 'DEMANDING'] },
  { title: 'kriisityöntekijä', sector: 'NGO', levels: ['BASIC', 'SPECIAL'] },
  { title: 'perheneuvoja', sector: 'PARISH', levels: ['BASIC', 'SPECIAL'] },
];

/** Titles of researchers and developers; "(kaksoisvirka)" marks a double post. */
export const RESEARCHER_TITLES: string[] = [
  'väitöskirjatutkija',
  'tutkijatohtori',
  'yliopistotutkija',
  'yliopistonlehtori',
  'apulaisprofessori',
  'professori',
  'erikoistutkija',
  'yliopettaja',
  'TKI-asiantuntija',
  'kehittämispäällikkö',
  'kehittäjäsosiaalityöntekijä',
  'erikoistuva sosiaalityöntekijä (kaksoisvirka)',
  'erikoistuva psykologi (kaksoisvirka)',
  'erikoistuva lääkäri (kaksoisvirka)',
  'väitöskirjatutkija (kaksoisvirka)',
];

/** Plausible research and development project titles on OT themes, each tied to 1-3 lines. */
export const RESEARCH_PROJECT_TOPICS: Array<{ title: string; lineCodes: string[] }> = [
  {
    title: 'Nuorten itsetuhoisuuden tunnistaminen ja IPC-interventio perustasolla',
    lineCodes: ['L1'],
  },
  { title: 'Syömishäiriöiden konsultaatiomallit perusterveydenhuollossa', lineCodes: ['L1'] },
  {
    title: 'Lapsiin kohdistuvan väkivallan epäilyjen selvittäminen ja Barnahus-malli',
    lineCodes: ['L2', 'L4'],
  },
  { title: 'Kuritusväkivallan puheeksi ottaminen perhekeskuksissa', lineCodes: ['L2', 'L7'] },
  { title: 'Perhesurmien riskitekijät ja ehkäisy moniammatillisessa työssä', lineCodes: ['L3'] },
  { title: 'MARAK-menetelmän vaikuttavuus lapsiperheissä', lineCodes: ['L3', 'L2'] },
  {
    title: 'Vakavaan väkivaltaan syyllistyneiden nuorten hoitopolut',
    lineCodes: ['L4', 'L1'],
  },
  {
    title: 'Rikoksilla oireilevat nuoret ja moniammatillinen varhainen puuttuminen',
    lineCodes: ['L4', 'L7'],
  },
  {
    title: 'Kehitysvammaisten lasten haastavan käyttäytymisen tuki kotona ja koulussa',
    lineCodes: ['L5'],
  },
  {
    title: 'Autismikirjon lasten perheiden palvelupolut so-te-si-yhteistyössä',
    lineCodes: ['L5', 'L1'],
  },
  {
    title: 'Rajoitustoimenpiteet ja lapsen osallisuus erityisen vaativassa sijaishuollossa',
    lineCodes: ['L6'],
  },
  { title: 'Sijoitettujen nuorten karkailu ja sen ehkäisy', lineCodes: ['L6', 'L10'] },
  {
    title: 'Ylisukupolvinen lastensuojeluasiakkuus: mikä katkaisee kierteen?',
    lineCodes: ['L7'],
  },
  {
    title: 'Systeemisen työotteen käyttöönotto lastensuojelun avohuollossa',
    lineCodes: ['L7', 'L6'],
  },
  {
    title: 'Kunniaan liittyvän väkivallan tunnistaminen lastensuojelussa',
    lineCodes: ['L8', 'L3'],
  },
  {
    title: 'Traumatisoituneiden turvapaikanhakijalasten hoito ja tuki',
    lineCodes: ['L8', 'L1'],
  },
  { title: 'Ihmiskaupan uhriksi joutuneiden nuorten tunnistaminen', lineCodes: ['L8', 'L2'] },
  { title: 'Pitkittyneet huoltoriidat ja lapsen kokemus erosta', lineCodes: ['L9'] },
  { title: 'Vieraannuttamisen tunnistaminen eropalveluissa', lineCodes: ['L9', 'L7'] },
  {
    title: 'Päihteitä käyttävien raskaana olevien naisten hoitoon ohjaus',
    lineCodes: ['L10', 'L1'],
  },
  { title: 'MDFT-hoidon vaikuttavuus nuorten päihdeongelmissa', lineCodes: ['L10', 'L4'] },
  {
    title: 'Konsultaatiotilastot tiedolla johtamisen välineenä OT-keskuksessa',
    lineCodes: ['L7', 'L9', 'L1'],
  },
];

/**
 * Expertise phrases per line, used to make experts plausible. Some phrases recur on several lines
 * on purpose (an honour-culture expert is needed on L8 and L3), which makes interchange stations.
 */
export const EXPERTISE_BY_LINE: Record<string, string[]> = {
  L1: [
    'lastenpsykiatrinen konsultaatio',
    'nuorisopsykiatrinen arviointi',
    'syömishäiriöiden hoito',
    'itsetuhoisuuden arviointi',
    'neuropsykiatriset häiriöt',
  ],
  L2: [
    'seksuaalisen hyväksikäytön epäilyjen selvittäminen',
    'lapsen oikeuspsykologinen haastattelu',
    'kuritusväkivallan tunnistaminen',
    'traumapsykoterapia',
    'Barnahus-työ',
  ],
  L3: [
    'lähisuhdeväkivallan riskinarviointi',
    'MARAK-koordinointi',
    'vainoamisen tunnistaminen',
    'turvasuunnittelu',
    'kunniakulttuurin asiantuntija',
  ],
  L4: [
    'oikeuspsykiatrinen arviointi',
    'väkivaltariskin arviointi',
    'nuorten rikoksentekijöiden kuntoutus',
    'Ankkuri-toiminta',
  ],
  L5: [
    'kehitysvammahuolto',
    'autismikirjon kuntoutus',
    'puhetta tukeva ja korvaava kommunikointi',
    'haastavan käyttäytymisen tuki',
    'vammaispalvelujen palveluohjaus',
  ],
  L6: [
    'vaativa laitoshoito',
    'rajoitustoimenpiteet sijaishuollossa',
    'sijaishuollon valvonta',
    'traumatietoinen hoito',
  ],
  L7: [
    'systeeminen lastensuojelu',
    'ylisukupolvisten asiakkuuksien työ',
    'tehostettu perhetyö',
    'vanhemmuuden arviointi',
  ],
  L8: [
    'kunniakulttuurin asiantuntija',
    'ihmiskaupan uhrien tunnistaminen',
    'pakkoavioliittojen ehkäisy',
    'pakolaistrauma',
    'tulkkivälitteinen työ',
    'tyttöjen sukuelinten silpomisen ehkäisy',
  ],
  L9: [
    'eroauttaminen',
    'perheasioiden sovittelu',
    'olosuhdeselvitykset huoltoriidoissa',
    'vieraannuttamisen tunnistaminen',
  ],
  L10: [
    'raskaudenaikainen päihdetyö',
    'nuorten päihdehoito (MDFT)',
    'vauvaperhetyö',
    'FASD-osaaminen',
  ],
};
