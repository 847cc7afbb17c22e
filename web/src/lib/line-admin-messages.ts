/** Texts of the admins' line upkeep (new line, retiring a line): Finnish, Swedish, English. */
import type { UiLang } from './messages.ts';

const fi = {
  newLine: 'Uusi linja',
  newLineIntro:
    'Uusi palvelutarpeen linja. Asiantuntijat lisätään sille asemakorteista tai henkilöstölistan tuonnilla.',
  code: 'Linjatunnus',
  codeHint: 'L ja numero, esim. L11.',
  nameFi: 'Nimi suomeksi',
  nameSv: 'Nimi ruotsiksi',
  nameEn: 'Nimi englanniksi',
  colour: 'Väri',
  colourHint: 'Vain värit, joita mikään toiminnassa oleva linja ei käytä.',
  create: 'Luo linja',
  created: (code: string) => `Linja ${code} luotu.`,
  retire: (code: string) => `Lakkauta linja ${code}`,
  confirmRetire: (code: string) =>
    `Lakkautetaanko linja ${code}? Se poistuu kartalta ja reitityksestä; muutoksen voi kumota muutoshistoriasta.`,
  confirm: 'Lakkauta',
  cancel: 'Peruuta',
  retired: (code: string) => `Linja ${code} lakkautettu.`,
  failed: 'Tallennus epäonnistui. Mitään ei tallennettu.',
  conflict: 'Linjaa muutettiin juuri toisaalla. Mitään ei tallennettu; yritä uudelleen.',
};

export type LineAdminMessages = typeof fi;

const sv: LineAdminMessages = {
  newLine: 'Ny linje',
  newLineIntro:
    'En ny linje för ett servicebehov. Experter läggs till på den från stationskorten eller genom att importera en personallista.',
  code: 'Linjekod',
  codeHint: 'L och ett nummer, t.ex. L11.',
  nameFi: 'Namn på finska',
  nameSv: 'Namn på svenska',
  nameEn: 'Namn på engelska',
  colour: 'Färg',
  colourHint: 'Bara färger som ingen linje i bruk använder.',
  create: 'Skapa linjen',
  created: (code) => `Linje ${code} skapad.`,
  retire: (code) => `Lägg ned linje ${code}`,
  confirmRetire: (code) =>
    `Lägga ned linje ${code}? Den försvinner från kartan och ruttplaneringen; ändringen kan ångras i ändringshistoriken.`,
  confirm: 'Lägg ned',
  cancel: 'Avbryt',
  retired: (code) => `Linje ${code} nedlagd.`,
  failed: 'Det gick inte att spara. Ingenting sparades.',
  conflict: 'Linjen ändrades nyss på annat håll. Ingenting sparades; försök igen.',
};

const en: LineAdminMessages = {
  newLine: 'New line',
  newLineIntro:
    'A new service-need line. Experts join it from their station cards or through a staff-list import.',
  code: 'Line code',
  codeHint: 'L and a number, e.g. L11.',
  nameFi: 'Name in Finnish',
  nameSv: 'Name in Swedish',
  nameEn: 'Name in English',
  colour: 'Colour',
  colourHint: 'Only colours no active line uses.',
  create: 'Create the line',
  created: (code) => `Line ${code} created.`,
  retire: (code) => `Retire line ${code}`,
  confirmRetire: (code) =>
    `Retire line ${code}? It leaves the map and the journey planner; the change can be undone from the change history.`,
  confirm: 'Retire',
  cancel: 'Cancel',
  retired: (code) => `Line ${code} retired.`,
  failed: 'Saving failed. Nothing was saved.',
  conflict: 'The line was just changed elsewhere. Nothing was saved; try again.',
};

export const LINE_ADMIN_MESSAGES: Record<UiLang, LineAdminMessages> = { fi, sv, en };
