/**
 * Education-side VIP networks (vaativan erityisen tuen VIP-verkostot) of the Tampere OT area:
 * a separate layer on the map that can be switched on. Not to be confused with the "VIP
 * clients" of line L7. Region codes are county codes from `regions.ts`.
 */
import type { VipNetworkRecord } from '../seed-types.ts';

export const VIP_NETWORKS: VipNetworkRecord[] = [
  {
    id: 'vip-sisa-suomi',
    name: 'Sisä-Suomen VIP-verkosto',
    description:
      'Vaativan erityisen tuen VIP-verkosto koko Tampereen OT-alueelle: opetuksen ja ' +
      'oppilashuollon asiantuntijoiden yhteistyö OT-keskuksen kanssa.',
    regionCodes: ['HV08', 'HV16', 'HV07'],
    lineCodes: ['L1', 'L5', 'L6', 'L7'],
  },
  {
    id: 'vip-pirkanmaa',
    name: 'Pirkanmaan VIP-verkosto',
    description:
      'Pirkanmaan koulutuksen järjestäjien verkosto vaativaa erityistä tukea tarvitsevien ' +
      'oppilaiden opetuksen ja koulunkäynnin tukemiseen.',
    regionCodes: ['HV08'],
    lineCodes: ['L1', 'L5', 'L6', 'L7'],
  },
  {
    id: 'vip-etela-pohjanmaa',
    name: 'Etelä-Pohjanmaan VIP-verkosto',
    description:
      'Etelä-Pohjanmaan koulutuksen järjestäjien verkosto vaativan erityisen tuen ' +
      'konsultaatioon ja osaamisen jakamiseen.',
    regionCodes: ['HV16'],
    lineCodes: ['L1', 'L5', 'L7'],
  },
  {
    id: 'vip-kanta-hame',
    name: 'Kanta-Hämeen VIP-verkosto',
    description:
      'Kanta-Hämeen koulutuksen järjestäjien verkosto vaativan erityisen tuen ' +
      'konsultaatioon ja osaamisen jakamiseen.',
    regionCodes: ['HV07'],
    lineCodes: ['L1', 'L5', 'L7'],
  },
];
