/** Texts of the staff-list import: Finnish, Swedish, English. */
import type { UiLang } from './messages.ts';

const fi = {
  importTitle: 'Tuo henkilöstölista',
  importIntro:
    'Tuo asiantuntijat CSV- tai JSON-tiedostosta. Esikatselu tarkistaa jokaisen rivin eikä tallenna mitään; tuonti tallentaa kaikki rivit kerralla tai ei mitään. Rivi, jonka sähköposti on jo jonkun asiantuntijan, päivittää tämän kortin.',
  importColumns: 'Sarakkeet (CSV:n otsikkorivillä tai JSONin avaimina):',
  importFile: 'Tiedosto',
  importPaste: 'tai liitä lista tähän',
  importFormat: 'Muoto',
  importPreview: 'Esikatsele',
  importRun: 'Tuo kaikki rivit',
  importUndo: 'Kumoa tuonti',
  importWorking: 'Tarkistetaan…',
  importTooLarge: (kilobytes: number) =>
    `Lista on ${kilobytes} kt; yhdellä kertaa voi tuoda enintään 60 kt (noin 500 riviä). Jaa lista osiin.`,
  importEmpty: 'Valitse tiedosto tai liitä lista ensin.',
  importUnreadable: 'Listaa ei voitu lukea:',
  importFailed: 'Tuonti epäonnistui. Mitään ei tallennettu. Yritä hetken kuluttua uudelleen.',
  importForbidden:
    'Roolisi ei salli tuontia tai listassa on linja, jota et koordinoi. Mitään ei tallennettu.',
  importSummary: (rows: number, created: number, updated: number) =>
    `${rows} riviä: ${created} uutta asiantuntijaa, ${updated} päivitettävää korttia.`,
  importInvalid: (invalid: number) =>
    `${invalid} rivillä on korjattavaa. Korjaa tiedosto ja esikatsele uudelleen; mitään ei tuoda ennen kuin kaikki rivit kelpaavat.`,
  importReady: 'Kaikki rivit kelpaavat. Tuonti tallentaa ne yhtenä muutoksena, jonka voi kumota.',
  importChanged: 'Lista on muuttunut esikatselun jälkeen: esikatsele uudelleen ennen tuontia.',
  importDone: (created: number, updated: number) =>
    `Tuotu: ${created} uutta asiantuntijaa, ${updated} päivitettyä korttia. Muutos näkyy kartalla ja muutoshistoriassa.`,
  importUndone: 'Tuonti kumottu: kortit ovat kuten ennen tuontia.',
  importUndoConflict: 'Tuontia ei voi kumota, koska joitakin sen kortteja on muokattu sen jälkeen.',
  tableCaption: 'Esikatselu riveittäin',
  colRow: 'Rivi',
  colName: 'Nimi',
  colEmail: 'Sähköposti',
  colAction: 'Toimenpide',
  colProblems: 'Korjattavaa',
  actionCreate: 'Uusi',
  actionUpdate: 'Päivitys',
  actionNone: '–',
  rowOk: 'Kunnossa',
};

export type StaffImportMessages = typeof fi;

const sv: StaffImportMessages = {
  importTitle: 'Importera personallista',
  importIntro:
    'Importera experter från en CSV- eller JSON-fil. Förhandsgranskningen kontrollerar varje rad och sparar ingenting; importen sparar alla rader på en gång eller ingenting. En rad vars e-post redan tillhör en expert uppdaterar dennes kort.',
  importColumns: 'Kolumner (i CSV-filens rubrikrad eller som JSON-nycklar):',
  importFile: 'Fil',
  importPaste: 'eller klistra in listan här',
  importFormat: 'Format',
  importPreview: 'Förhandsgranska',
  importRun: 'Importera alla rader',
  importUndo: 'Ångra importen',
  importWorking: 'Kontrollerar…',
  importTooLarge: (kilobytes) =>
    `Listan är ${kilobytes} kB; högst 60 kB (cirka 500 rader) kan importeras åt gången. Dela upp listan.`,
  importEmpty: 'Välj en fil eller klistra in listan först.',
  importUnreadable: 'Listan kunde inte läsas:',
  importFailed: 'Importen misslyckades. Ingenting sparades. Försök igen om en stund.',
  importForbidden:
    'Din roll tillåter inte import, eller listan har en linje som du inte koordinerar. Ingenting sparades.',
  importSummary: (rows, created, updated) =>
    `${rows} rader: ${created} nya experter, ${updated} kort att uppdatera.`,
  importInvalid: (invalid) =>
    `${invalid} rader behöver rättas. Rätta filen och förhandsgranska igen; ingenting importeras innan alla rader duger.`,
  importReady: 'Alla rader duger. Importen sparar dem som en ändring som kan ångras.',
  importChanged:
    'Listan har ändrats efter förhandsgranskningen: förhandsgranska igen före importen.',
  importDone: (created, updated) =>
    `Importerat: ${created} nya experter, ${updated} uppdaterade kort. Ändringen syns på kartan och i ändringshistoriken.`,
  importUndone: 'Importen ångrad: korten är som före importen.',
  importUndoConflict:
    'Importen kan inte ångras eftersom några av dess kort har ändrats sedan dess.',
  tableCaption: 'Förhandsgranskning per rad',
  colRow: 'Rad',
  colName: 'Namn',
  colEmail: 'E-post',
  colAction: 'Åtgärd',
  colProblems: 'Att rätta',
  actionCreate: 'Ny',
  actionUpdate: 'Uppdatering',
  actionNone: '–',
  rowOk: 'I ordning',
};

const en: StaffImportMessages = {
  importTitle: 'Import a staff list',
  importIntro:
    'Import experts from a CSV or JSON file. The preview checks every row and saves nothing; the import saves every row at once, or nothing. A row whose e-mail is already an expert’s updates that card.',
  importColumns: 'Columns (in the CSV header row, or as JSON keys):',
  importFile: 'File',
  importPaste: 'or paste the list here',
  importFormat: 'Format',
  importPreview: 'Preview',
  importRun: 'Import every row',
  importUndo: 'Undo the import',
  importWorking: 'Checking…',
  importTooLarge: (kilobytes) =>
    `The list is ${kilobytes} kB; at most 60 kB (about 500 rows) can be imported at a time. Split the list.`,
  importEmpty: 'Choose a file or paste the list first.',
  importUnreadable: 'The list could not be read:',
  importFailed: 'The import failed. Nothing was saved. Try again in a moment.',
  importForbidden:
    'Your role may not import, or the list names a line you do not coordinate. Nothing was saved.',
  importSummary: (rows, created, updated) =>
    `${rows} rows: ${created} new experts, ${updated} cards to update.`,
  importInvalid: (invalid) =>
    `${invalid} rows need fixing. Fix the file and preview again; nothing is imported until every row is valid.`,
  importReady: 'Every row is valid. The import saves them as one change, which can be undone.',
  importChanged: 'The list changed after the preview: preview again before importing.',
  importDone: (created, updated) =>
    `Imported: ${created} new experts, ${updated} updated cards. The change shows on the map and in the change history.`,
  importUndone: 'Import undone: the cards are as they were before it.',
  importUndoConflict: 'The import cannot be undone: some of its cards have been edited since.',
  tableCaption: 'Preview, row by row',
  colRow: 'Row',
  colName: 'Name',
  colEmail: 'E-mail',
  colAction: 'Action',
  colProblems: 'To fix',
  actionCreate: 'New',
  actionUpdate: 'Update',
  actionNone: '–',
  rowOk: 'Valid',
};

export const STAFF_IMPORT_MESSAGES: Record<UiLang, StaffImportMessages> = { fi, sv, en };
