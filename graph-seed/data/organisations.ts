/**
 * Real organisations of the Tampere OT area (names from the LAPE planning documents plus the
 * universities of applied sciences of Etelä-Pohjanmaa and Kanta-Häme) and the seven fixed OT
 * units named in the 2018 organisation model draft. Unit contact details are fictional: reserved
 * `.example` addresses and the `+358 40 0000 xxx` range.
 */
import type { Channel, OrganisationRecord } from '../seed-types.ts';

export const ORGANISATIONS: OrganisationRecord[] = [
  {
    id: 'org-pirkanmaan-hyvinvointialue',
    name: 'Pirkanmaan hyvinvointialue',
    sector: 'SOCIAL',
    regionCode: 'HV08',
  },
  {
    id: 'org-tays',
    name: 'Tampereen yliopistollinen sairaala (TAYS)',
    sector: 'HEALTH',
    researchCategory: 'UNIVERSITY_HOSPITAL',
    regionCode: '837',
  },
  {
    id: 'org-etela-pohjanmaan-hyvinvointialue',
    name: 'Etelä-Pohjanmaan hyvinvointialue',
    sector: 'SOCIAL',
    regionCode: 'HV16',
  },
  {
    id: 'org-kanta-hameen-hyvinvointialue',
    name: 'Kanta-Hämeen hyvinvointialue',
    sector: 'SOCIAL',
    regionCode: 'HV07',
  },
  {
    id: 'org-seinajoen-keskussairaala',
    name: 'Seinäjoen keskussairaala',
    sector: 'HEALTH',
    regionCode: '743',
  },
  {
    id: 'org-kanta-hameen-keskussairaala',
    name: 'Kanta-Hämeen keskussairaala',
    sector: 'HEALTH',
    regionCode: '109',
  },
  {
    id: 'org-tampereen-yliopisto',
    name: 'Tampereen yliopisto',
    sector: 'RESEARCH',
    researchCategory: 'UNIVERSITY',
    regionCode: '837',
  },
  {
    id: 'org-tamk',
    name: 'Tampereen ammattikorkeakoulu (TAMK)',
    sector: 'RESEARCH',
    researchCategory: 'UNIVERSITY_OF_APPLIED_SCIENCES',
    regionCode: '837',
  },
  {
    id: 'org-seamk',
    name: 'Seinäjoen ammattikorkeakoulu (SeAMK)',
    sector: 'RESEARCH',
    researchCategory: 'UNIVERSITY_OF_APPLIED_SCIENCES',
    regionCode: '743',
  },
  {
    id: 'org-hamk',
    name: 'Hämeen ammattikorkeakoulu (HAMK)',
    sector: 'RESEARCH',
    researchCategory: 'UNIVERSITY_OF_APPLIED_SCIENCES',
    regionCode: '109',
  },
  {
    id: 'org-thl',
    name: 'Terveyden ja hyvinvoinnin laitos (THL)',
    sector: 'RESEARCH',
    researchCategory: 'RESEARCH_INSTITUTE',
    regionCode: '091',
  },
  {
    id: 'org-pikassos',
    name: 'Pikassos – sosiaalialan osaamiskeskus',
    sector: 'SOCIAL',
    researchCategory: 'SOCIAL_WELFARE_CENTRE_OF_EXPERTISE',
    regionCode: '837',
  },
  {
    id: 'org-mll-tampereen-osasto',
    name: 'MLL Tampereen osasto',
    sector: 'NGO',
    regionCode: '837',
  },
  {
    id: 'org-mll-hameen-piiri',
    name: 'MLL Hämeen piiri',
    sector: 'NGO',
    regionCode: '837',
  },
  {
    id: 'org-tampereen-setlementti',
    name: 'Tampereen Setlementti',
    sector: 'NGO',
    regionCode: '837',
  },
  {
    id: 'org-spr-nuorten-turvatalo-tampere',
    name: 'SPR Nuorten turvatalo Tampere',
    sector: 'NGO',
    regionCode: '837',
  },
  {
    id: 'org-kolvi',
    name: 'Kölvin monikulttuurinen nuorisotyö',
    sector: 'NGO',
    regionCode: '837',
  },
  {
    id: 'org-suomen-mielenterveysseura',
    name: 'Suomen Mielenterveysseura',
    sector: 'NGO',
    regionCode: '091',
  },
  {
    id: 'org-miessakit',
    name: 'Miessakit',
    sector: 'NGO',
    regionCode: '091',
  },
  {
    id: 'org-pelastakaa-lapset',
    name: 'Pelastakaa Lapset',
    sector: 'NGO',
    regionCode: '091',
  },
  {
    id: 'org-parasta-lapsille',
    name: 'Parasta lapsille',
    sector: 'NGO',
    regionCode: '091',
  },
  {
    id: 'org-tampereen-kaupunkilahetys',
    name: 'Tampereen Kaupunkilähetys',
    sector: 'NGO',
    regionCode: '837',
  },
  {
    id: 'org-tampereen-seurakunnat',
    name: 'Tampereen seurakunnat',
    sector: 'PARISH',
    regionCode: '837',
  },
  {
    id: 'org-kangasalan-seurakunta',
    name: 'Kangasalan seurakunta',
    sector: 'PARISH',
    regionCode: '211',
  },
  {
    id: 'org-sisa-suomen-poliisilaitos',
    name: 'Sisä-Suomen poliisilaitos',
    sector: 'POLICE',
    regionCode: 'HV08',
  },
  {
    id: 'org-rikosseuraamuslaitos',
    name: 'Rikosseuraamuslaitos',
    sector: 'POLICE',
    regionCode: '091',
  },
  {
    id: 'org-stm',
    name: 'Sosiaali- ja terveysministeriö (STM)',
    sector: 'SOCIAL',
    regionCode: '091',
  },
];

/** A fixed OT unit or team: becomes a station of kind UNIT once placed on its lines. */
export interface UnitSeed {
  id: string;
  name: string;
  organisationId: string;
  description: string;
  lineCodes: string[];
  channels: Channel[];
  regionCodes: string[];
  email: string;
  phone: string;
}

/**
 * The seven fixed units of the 2018 draft. EVA and Päiväperho are not explained in the source,
 * so they keep their names and get neutral descriptions; their organisation is an assumption.
 */
export const UNITS: UnitSeed[] = [
  {
    id: 'unit-tays-kehitysvammahuolto',
    name: 'TAYS kehitysvammahuolto',
    organisationId: 'org-tays',
    description:
      'Kehitysvammaisten ja vaikeasti vammaisten lasten ja nuorten erikoissairaanhoidon ' +
      'tutkimus, kuntoutuksen suunnittelu ja konsultaatio koko yhteistyöalueelle.',
    lineCodes: ['L5', 'L1'],
    channels: ['PHONE', 'VIDEO', 'EMAIL', 'NETWORK_MEETING', 'ON_SITE'],
    regionCodes: ['YTA-TAMPERE'],
    email: 'kehitysvammahuolto@ot-keskus.example',
    phone: '+358 40 0000 101',
  },
  {
    id: 'unit-eva',
    name: 'EVA',
    organisationId: 'org-pirkanmaan-hyvinvointialue',
    description:
      'EVA – linjan L7 kiinteä OT-yksikkö, nimetty Tampereen OT-keskuksen ' +
      'organisaatiomallin luonnoksessa (2018).',
    lineCodes: ['L7'],
    channels: ['PHONE', 'VIDEO', 'EMAIL', 'NETWORK_MEETING', 'WORK_PAIR'],
    regionCodes: ['HV08'],
    email: 'eva@ot-keskus.example',
    phone: '+358 40 0000 102',
  },
  {
    id: 'unit-erityisen-vaativa-sijaishuolto',
    name: 'Erityisen vaativan sijaishuollon yksikkö',
    organisationId: 'org-pirkanmaan-hyvinvointialue',
    description:
      'Monialainen sijaishuollon yksikkö lapsille ja nuorille, joiden tarpeisiin tavallinen ' +
      'sijaishuolto ei riitä; konsultoi muita sijaishuoltopaikkoja.',
    lineCodes: ['L6'],
    channels: ['PHONE', 'VIDEO', 'NETWORK_MEETING', 'WORK_PAIR', 'ON_SITE'],
    regionCodes: ['YTA-TAMPERE'],
    email: 'sijaishuolto@ot-keskus.example',
    phone: '+358 40 0000 103',
  },
  {
    id: 'unit-paivaperho',
    name: 'Päiväperho',
    organisationId: 'org-pirkanmaan-hyvinvointialue',
    description:
      'Päiväperho – linjan L10 kiinteä OT-yksikkö, nimetty Tampereen OT-keskuksen ' +
      'organisaatiomallin luonnoksessa (2018).',
    lineCodes: ['L10'],
    channels: ['PHONE', 'VIDEO', 'EMAIL', 'NETWORK_MEETING'],
    regionCodes: ['HV08'],
    email: 'paivaperho@ot-keskus.example',
    phone: '+358 40 0000 104',
  },
  {
    id: 'unit-vaativat-eropalvelut',
    name: 'Vaativat eropalvelut',
    organisationId: 'org-pirkanmaan-hyvinvointialue',
    description:
      'Tiimi pitkittyneisiin ja monimutkaisiin ero- ja huoltoriitatilanteisiin: ' +
      'konsultaatio, verkostokokoukset ja perheasioiden sovittelun tuki.',
    lineCodes: ['L9'],
    channels: ['PHONE', 'VIDEO', 'EMAIL', 'NETWORK_MEETING', 'WORK_PAIR'],
    regionCodes: ['HV08'],
    email: 'eropalvelut@ot-keskus.example',
    phone: '+358 40 0000 105',
  },
  {
    id: 'unit-oikeuspsykiatria',
    name: 'Lasten ja nuorten oikeuspsykiatrian yksikkö',
    organisationId: 'org-tays',
    description:
      'Lasten ja nuorten oikeuspsykiatrinen tutkimus ja arviointi: väkivalta- ja ' +
      'hyväksikäyttöepäilyjen selvittäminen sekä vakaviin rikoksiin syyllistyneiden nuorten ' +
      'arviointi ja hoidon suunnittelu.',
    lineCodes: ['L2', 'L4'],
    channels: ['PHONE', 'VIDEO', 'EMAIL', 'NETWORK_MEETING'],
    regionCodes: ['YTA-TAMPERE'],
    email: 'oikeuspsykiatria@ot-keskus.example',
    phone: '+358 40 0000 106',
  },
  {
    id: 'unit-marak-tyoryhma',
    name: 'MARAK-työryhmä',
    organisationId: 'org-pirkanmaan-hyvinvointialue',
    description:
      'Moniammatillinen työryhmä, joka arvioi vakavan lähisuhdeväkivallan riskiä ja sopii ' +
      'uhrin ja lasten turvallisuutta parantavista toimista.',
    lineCodes: ['L3'],
    channels: ['PHONE', 'EMAIL', 'NETWORK_MEETING'],
    regionCodes: ['HV08'],
    email: 'marak@ot-keskus.example',
    phone: '+358 40 0000 107',
  },
];
