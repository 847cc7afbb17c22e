/**
 * Evidence-based methods and working approaches that OT experts can be trained in, as named in
 * the LAPE planning documents; each with a one-sentence Finnish description for the map.
 */
import type { MethodRecord } from '../seed-types.ts';

export const METHODS: MethodRecord[] = [
  {
    id: 'method-ipc',
    name: 'IPC (Interpersonal Counselling)',
    description:
      'Interpersonaaliseen psykoterapiaan perustuva lyhytinterventio nuorten lievän ja ' +
      'keskivaikean masennuksen hoitoon perus- ja erityistasolla.',
  },
  {
    id: 'method-cool-kids',
    name: 'Cool Kids',
    description:
      'Kognitiiviseen käyttäytymisterapiaan perustuva ohjelma lasten ja nuorten ' +
      'ahdistuneisuuden hoitoon ryhmässä tai yksilöllisesti vanhempien kanssa.',
  },
  {
    id: 'method-ihmeelliset-vuodet',
    name: 'Ihmeelliset vuodet (Incredible Years)',
    description:
      'Vanhemmille, opettajille ja lapsille suunnattu ryhmäohjelma pienten lasten ' +
      'käytösongelmien ehkäisyyn ja hoitoon.',
  },
  {
    id: 'method-lapset-puheeksi',
    name: 'Lapset puheeksi',
    description:
      'Lyhyt keskustelumenetelmä, jossa vanhemman kanssa käydään läpi lapsen arkea, vahvuuksia ' +
      'ja haavoittuvuuksia sekä sovitaan tuesta.',
  },
  {
    id: 'method-toimiva-lapsi-perhe',
    name: 'Toimiva lapsi & perhe',
    description:
      'Perheinterventio, joka tukee lapsia ja perhettä silloin, kun vanhemmalla on ' +
      'mielenterveys- tai päihdeongelma tai muu kuormittava sairaus.',
  },
  {
    id: 'method-mdft',
    name: 'MDFT (Multidimensional Family Therapy)',
    description:
      'Moniulotteinen perheterapia nuorille, joilla on päihde- ja käytösongelmia, ja heidän ' +
      'perheilleen.',
  },
  {
    id: 'method-avekki',
    name: 'AVEKKI',
    description:
      'Toimintatapamalli aggressiivisen ja haastavan käyttäytymisen ennaltaehkäisyyn ja ' +
      'turvalliseen hallintaan vuorovaikutusta korostaen.',
  },
  {
    id: 'method-art',
    name: 'ART (Aggression Replacement Training)',
    description:
      'Ryhmämuotoinen menetelmä, jossa nuoret harjoittelevat sosiaalisia taitoja, ' +
      'vihanhallintaa ja moraalista päättelyä aggressiivisen käyttäytymisen vähentämiseksi.',
  },
  {
    id: 'method-friends',
    name: 'Friends',
    description:
      'Kognitiiviseen käyttäytymisterapiaan perustuva ohjelma lasten ja nuorten ' +
      'tunnetaitojen vahvistamiseen ja ahdistuksen ehkäisyyn.',
  },
  {
    id: 'method-maestro',
    name: 'Maestro',
    description:
      'Opettajille suunnattu toimintamalli, jolla tuetaan lapsen toiminnanohjausta ja ' +
      'myönteistä käyttäytymistä luokassa.',
  },
  {
    id: 'method-voimaperheet',
    name: 'Voimaperheet',
    description:
      'Verkkomateriaaliin ja puhelinvalmennukseen perustuva vanhemmuusohjelma lasten ' +
      'käytösongelmien varhaiseen hoitoon.',
  },
  {
    id: 'method-systeeminen-tyoote',
    name: 'Systeeminen työote',
    description:
      'Työote, jossa perhettä ja sen verkostoa tarkastellaan vuorovaikutusten kokonaisuutena ' +
      'ja työtä tehdään moniammatillisena tiiminä.',
  },
  {
    id: 'method-perheterapia',
    name: 'Perheterapia',
    description:
      'Psykoterapian muoto, jossa hoidetaan perhettä kokonaisuutena ja sen jäsenten välisiä ' +
      'vuorovaikutussuhteita.',
  },
  {
    id: 'method-mielenterveyden-ensiapu',
    name: 'Mielenterveyden ensiapu',
    description:
      'Koulutus, jossa opitaan tunnistamaan mielenterveyden ongelmia ja kriisejä sekä ' +
      'tukemaan ihmistä avun piiriin.',
  },
  {
    id: 'method-hackney',
    name: 'Hackney-malli (systeeminen lastensuojelu)',
    description:
      'Systeemisen lastensuojelun toimintamalli, jossa sosiaalityöntekijät, perheterapeutti ja ' +
      'koordinaattori työskentelevät yhteisessä tiimissä perheen kanssa.',
  },
];
