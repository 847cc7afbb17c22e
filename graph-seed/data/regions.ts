/**
 * Geography of the seed graph: municipality -> wellbeing services county -> cooperation area
 * (one per university hospital, the OT areas) -> Finland.
 *
 * Code schemes:
 * - country: `FI`;
 * - cooperation areas: `YTA-<university hospital city>`, following the areas of Government
 *   Decree 91/2022 on social and health care cooperation areas;
 * - wellbeing services counties: `HV01`-`HV21` in the order of Statistics Finland's
 *   classification (Itä-Uusimaa 01 ... Lappi 21); `HV22` is the City of Helsinki, which organises
 *   its own services and is not a county (a project convention, not an official code);
 * - municipalities: Statistics Finland's 3-digit municipality codes (2023-2025 division).
 * `nameSv` is given only where the official Swedish name differs from the Finnish one.
 */
import type { RegionRecord } from '../seed-types.ts';

/** A municipality record; leaves `nameSv` out when the municipality has no Swedish name. */
function municipality(code: string, name: string, county: string, nameSv?: string): RegionRecord {
  const record: RegionRecord = { code, name, kind: 'MUNICIPALITY', partOf: county };
  if (nameSv !== undefined) {
    record.nameSv = nameSv;
  }
  return record;
}

/** The three counties served by the Tampere OT-keskus: Pirkanmaa, Etelä-Pohjanmaa, Kanta-Häme. */
export const TAMPERE_AREA_COUNTY_CODES: string[] = ['HV08', 'HV16', 'HV07'];

const COUNTRY: RegionRecord[] = [{ code: 'FI', name: 'Suomi', nameSv: 'Finland', kind: 'COUNTRY' }];

const AREAS: RegionRecord[] = [
  {
    code: 'YTA-HELSINKI',
    name: 'Etelä-Suomen yhteistyöalue',
    nameSv: 'Södra Finlands samarbetsområde',
    kind: 'AREA',
    partOf: 'FI',
  },
  {
    code: 'YTA-TURKU',
    name: 'Länsi-Suomen yhteistyöalue',
    nameSv: 'Västra Finlands samarbetsområde',
    kind: 'AREA',
    partOf: 'FI',
  },
  {
    code: 'YTA-TAMPERE',
    name: 'Sisä-Suomen yhteistyöalue',
    nameSv: 'Inre Finlands samarbetsområde',
    kind: 'AREA',
    partOf: 'FI',
  },
  {
    code: 'YTA-KUOPIO',
    name: 'Itä-Suomen yhteistyöalue',
    nameSv: 'Östra Finlands samarbetsområde',
    kind: 'AREA',
    partOf: 'FI',
  },
  {
    code: 'YTA-OULU',
    name: 'Pohjois-Suomen yhteistyöalue',
    nameSv: 'Norra Finlands samarbetsområde',
    kind: 'AREA',
    partOf: 'FI',
  },
];

const COUNTIES: RegionRecord[] = [
  {
    code: 'HV01',
    name: 'Itä-Uudenmaan hyvinvointialue',
    nameSv: 'Östra Nylands välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-HELSINKI',
  },
  {
    code: 'HV02',
    name: 'Keski-Uudenmaan hyvinvointialue',
    nameSv: 'Mellersta Nylands välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-HELSINKI',
  },
  {
    code: 'HV03',
    name: 'Länsi-Uudenmaan hyvinvointialue',
    nameSv: 'Västra Nylands välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-HELSINKI',
  },
  {
    code: 'HV04',
    name: 'Vantaan ja Keravan hyvinvointialue',
    nameSv: 'Vanda och Kervo välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-HELSINKI',
  },
  {
    code: 'HV05',
    name: 'Varsinais-Suomen hyvinvointialue',
    nameSv: 'Egentliga Finlands välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-TURKU',
  },
  {
    code: 'HV06',
    name: 'Satakunnan hyvinvointialue',
    nameSv: 'Satakunta välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-TURKU',
  },
  {
    code: 'HV07',
    name: 'Kanta-Hämeen hyvinvointialue',
    nameSv: 'Egentliga Tavastlands välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-TAMPERE',
  },
  {
    code: 'HV08',
    name: 'Pirkanmaan hyvinvointialue',
    nameSv: 'Birkalands välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-TAMPERE',
  },
  {
    code: 'HV09',
    name: 'Päijät-Hämeen hyvinvointialue',
    nameSv: 'Päijänne-Tavastlands välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-HELSINKI',
  },
  {
    code: 'HV10',
    name: 'Kymenlaakson hyvinvointialue',
    nameSv: 'Kymmenedalens välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-HELSINKI',
  },
  {
    code: 'HV11',
    name: 'Etelä-Karjalan hyvinvointialue',
    nameSv: 'Södra Karelens välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-HELSINKI',
  },
  {
    code: 'HV12',
    name: 'Etelä-Savon hyvinvointialue',
    nameSv: 'Södra Savolax välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-KUOPIO',
  },
  {
    code: 'HV13',
    name: 'Pohjois-Savon hyvinvointialue',
    nameSv: 'Norra Savolax välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-KUOPIO',
  },
  {
    code: 'HV14',
    name: 'Pohjois-Karjalan hyvinvointialue',
    nameSv: 'Norra Karelens välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-KUOPIO',
  },
  {
    code: 'HV15',
    name: 'Keski-Suomen hyvinvointialue',
    nameSv: 'Mellersta Finlands välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-KUOPIO',
  },
  {
    code: 'HV16',
    name: 'Etelä-Pohjanmaan hyvinvointialue',
    nameSv: 'Södra Österbottens välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-TAMPERE',
  },
  {
    code: 'HV17',
    name: 'Pohjanmaan hyvinvointialue',
    nameSv: 'Österbottens välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-TURKU',
  },
  {
    code: 'HV18',
    name: 'Keski-Pohjanmaan hyvinvointialue',
    nameSv: 'Mellersta Österbottens välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-OULU',
  },
  {
    code: 'HV19',
    name: 'Pohjois-Pohjanmaan hyvinvointialue',
    nameSv: 'Norra Österbottens välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-OULU',
  },
  {
    code: 'HV20',
    name: 'Kainuun hyvinvointialue',
    nameSv: 'Kajanalands välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-OULU',
  },
  {
    code: 'HV21',
    name: 'Lapin hyvinvointialue',
    nameSv: 'Lapplands välfärdsområde',
    kind: 'COUNTY',
    partOf: 'YTA-OULU',
  },
  {
    code: 'HV22',
    name: 'Helsingin kaupunki',
    nameSv: 'Helsingfors stad',
    kind: 'COUNTY',
    partOf: 'YTA-HELSINKI',
  },
];

/** Pirkanmaa (HV08): the 23 municipalities, Kuhmoinen included since 2021. */
const PIRKANMAA: RegionRecord[] = [
  municipality('020', 'Akaa', 'HV08', 'Ackas'),
  municipality('108', 'Hämeenkyrö', 'HV08', 'Tavastkyro'),
  municipality('143', 'Ikaalinen', 'HV08', 'Ikalis'),
  municipality('177', 'Juupajoki', 'HV08'),
  municipality('211', 'Kangasala', 'HV08'),
  municipality('250', 'Kihniö', 'HV08'),
  municipality('291', 'Kuhmoinen', 'HV08', 'Kuhmois'),
  municipality('418', 'Lempäälä', 'HV08'),
  municipality('508', 'Mänttä-Vilppula', 'HV08'),
  municipality('536', 'Nokia', 'HV08'),
  municipality('562', 'Orivesi', 'HV08'),
  municipality('581', 'Parkano', 'HV08'),
  municipality('604', 'Pirkkala', 'HV08', 'Birkala'),
  municipality('619', 'Punkalaidun', 'HV08'),
  municipality('635', 'Pälkäne', 'HV08'),
  municipality('702', 'Ruovesi', 'HV08'),
  municipality('790', 'Sastamala', 'HV08'),
  municipality('837', 'Tampere', 'HV08', 'Tammerfors'),
  municipality('887', 'Urjala', 'HV08'),
  municipality('908', 'Valkeakoski', 'HV08'),
  municipality('922', 'Vesilahti', 'HV08'),
  municipality('936', 'Virrat', 'HV08', 'Virdois'),
  municipality('980', 'Ylöjärvi', 'HV08'),
];

/** Etelä-Pohjanmaa (HV16): 18 municipalities. */
const ETELA_POHJANMAA: RegionRecord[] = [
  municipality('005', 'Alajärvi', 'HV16'),
  municipality('010', 'Alavus', 'HV16', 'Alavo'),
  municipality('052', 'Evijärvi', 'HV16'),
  municipality('145', 'Ilmajoki', 'HV16', 'Ilmola'),
  municipality('151', 'Isojoki', 'HV16', 'Storå'),
  municipality('152', 'Isokyrö', 'HV16', 'Storkyro'),
  municipality('218', 'Karijoki', 'HV16', 'Bötom'),
  municipality('232', 'Kauhajoki', 'HV16'),
  municipality('233', 'Kauhava', 'HV16'),
  municipality('300', 'Kuortane', 'HV16'),
  municipality('301', 'Kurikka', 'HV16'),
  municipality('403', 'Lappajärvi', 'HV16'),
  municipality('408', 'Lapua', 'HV16', 'Lappo'),
  municipality('743', 'Seinäjoki', 'HV16'),
  municipality('759', 'Soini', 'HV16'),
  municipality('846', 'Teuva', 'HV16', 'Östermark'),
  municipality('934', 'Vimpeli', 'HV16', 'Vindala'),
  municipality('989', 'Ähtäri', 'HV16', 'Etseri'),
];

/** Kanta-Häme (HV07): 11 municipalities. */
const KANTA_HAME: RegionRecord[] = [
  municipality('061', 'Forssa', 'HV07'),
  municipality('082', 'Hattula', 'HV07'),
  municipality('086', 'Hausjärvi', 'HV07'),
  municipality('103', 'Humppila', 'HV07'),
  municipality('109', 'Hämeenlinna', 'HV07', 'Tavastehus'),
  municipality('165', 'Janakkala', 'HV07'),
  municipality('169', 'Jokioinen', 'HV07', 'Jockis'),
  municipality('433', 'Loppi', 'HV07'),
  municipality('694', 'Riihimäki', 'HV07'),
  municipality('834', 'Tammela', 'HV07'),
  municipality('981', 'Ypäjä', 'HV07'),
];

/** Country, cooperation areas, all counties and the municipalities of the Tampere OT area. */
export const REGIONS: RegionRecord[] = [
  ...COUNTRY,
  ...AREAS,
  ...COUNTIES,
  ...PIRKANMAA,
  ...ETELA_POHJANMAA,
  ...KANTA_HAME,
];

/**
 * A few real municipalities of every other county, so that the synthetic national benchmark
 * network has municipalities everywhere. Vantaa ja Kerava has only two municipalities and the
 * City of Helsinki only one.
 */
export const OTHER_AREA_MUNICIPALITIES: RegionRecord[] = [
  municipality('638', 'Porvoo', 'HV01', 'Borgå'),
  municipality('434', 'Loviisa', 'HV01', 'Lovisa'),
  municipality('753', 'Sipoo', 'HV01', 'Sibbo'),
  municipality('018', 'Askola', 'HV01'),
  municipality('106', 'Hyvinkää', 'HV02', 'Hyvinge'),
  municipality('186', 'Järvenpää', 'HV02', 'Träskända'),
  municipality('543', 'Nurmijärvi', 'HV02'),
  municipality('858', 'Tuusula', 'HV02', 'Tusby'),
  municipality('505', 'Mäntsälä', 'HV02'),
  municipality('049', 'Espoo', 'HV03', 'Esbo'),
  municipality('444', 'Lohja', 'HV03', 'Lojo'),
  municipality('257', 'Kirkkonummi', 'HV03', 'Kyrkslätt'),
  municipality('710', 'Raasepori', 'HV03', 'Raseborg'),
  municipality('927', 'Vihti', 'HV03', 'Vichtis'),
  municipality('092', 'Vantaa', 'HV04', 'Vanda'),
  municipality('245', 'Kerava', 'HV04', 'Kervo'),
  municipality('853', 'Turku', 'HV05', 'Åbo'),
  municipality('734', 'Salo', 'HV05'),
  municipality('202', 'Kaarina', 'HV05', 'S:t Karins'),
  municipality('680', 'Raisio', 'HV05', 'Reso'),
  municipality('895', 'Uusikaupunki', 'HV05', 'Nystad'),
  municipality('430', 'Loimaa', 'HV05'),
  municipality('609', 'Pori', 'HV06', 'Björneborg'),
  municipality('684', 'Rauma', 'HV06', 'Raumo'),
  municipality('886', 'Ulvila', 'HV06', 'Ulvsby'),
  municipality('214', 'Kankaanpää', 'HV06'),
  municipality('102', 'Huittinen', 'HV06', 'Vittis'),
  municipality('398', 'Lahti', 'HV09', 'Lahtis'),
  municipality('098', 'Hollola', 'HV09'),
  municipality('111', 'Heinola', 'HV09'),
  municipality('560', 'Orimattila', 'HV09'),
  municipality('016', 'Asikkala', 'HV09'),
  municipality('285', 'Kotka', 'HV10'),
  municipality('286', 'Kouvola', 'HV10'),
  municipality('075', 'Hamina', 'HV10', 'Fredrikshamn'),
  municipality('624', 'Pyhtää', 'HV10', 'Pyttis'),
  municipality('935', 'Virolahti', 'HV10', 'Vederlax'),
  municipality('405', 'Lappeenranta', 'HV11', 'Villmanstrand'),
  municipality('153', 'Imatra', 'HV11'),
  municipality('700', 'Ruokolahti', 'HV11', 'Ruokolax'),
  municipality('441', 'Luumäki', 'HV11'),
  municipality('580', 'Parikkala', 'HV11'),
  municipality('491', 'Mikkeli', 'HV12', 'S:t Michel'),
  municipality('740', 'Savonlinna', 'HV12', 'Nyslott'),
  municipality('593', 'Pieksämäki', 'HV12'),
  municipality('178', 'Juva', 'HV12'),
  municipality('507', 'Mäntyharju', 'HV12'),
  municipality('297', 'Kuopio', 'HV13'),
  municipality('140', 'Iisalmi', 'HV13', 'Idensalmi'),
  municipality('915', 'Varkaus', 'HV13'),
  municipality('749', 'Siilinjärvi', 'HV13'),
  municipality('420', 'Leppävirta', 'HV13'),
  municipality('167', 'Joensuu', 'HV14'),
  municipality('260', 'Kitee', 'HV14', 'Kides'),
  municipality('422', 'Lieksa', 'HV14'),
  municipality('541', 'Nurmes', 'HV14'),
  municipality('276', 'Kontiolahti', 'HV14', 'Kontiolax'),
  municipality('179', 'Jyväskylä', 'HV15'),
  municipality('182', 'Jämsä', 'HV15'),
  municipality('992', 'Äänekoski', 'HV15'),
  municipality('410', 'Laukaa', 'HV15', 'Laukas'),
  municipality('249', 'Keuruu', 'HV15', 'Keuru'),
  municipality('729', 'Saarijärvi', 'HV15'),
  municipality('905', 'Vaasa', 'HV17', 'Vasa'),
  municipality('499', 'Mustasaari', 'HV17', 'Korsholm'),
  municipality('598', 'Pietarsaari', 'HV17', 'Jakobstad'),
  municipality('545', 'Närpiö', 'HV17', 'Närpes'),
  municipality('287', 'Kristiinankaupunki', 'HV17', 'Kristinestad'),
  municipality('399', 'Laihia', 'HV17', 'Laihela'),
  municipality('272', 'Kokkola', 'HV18', 'Karleby'),
  municipality('217', 'Kannus', 'HV18'),
  municipality('236', 'Kaustinen', 'HV18', 'Kaustby'),
  municipality('924', 'Veteli', 'HV18', 'Vetil'),
  municipality('849', 'Toholampi', 'HV18'),
  municipality('564', 'Oulu', 'HV19', 'Uleåborg'),
  municipality('678', 'Raahe', 'HV19', 'Brahestad'),
  municipality('977', 'Ylivieska', 'HV19'),
  municipality('305', 'Kuusamo', 'HV19'),
  municipality('244', 'Kempele', 'HV19'),
  municipality('535', 'Nivala', 'HV19'),
  municipality('205', 'Kajaani', 'HV20', 'Kajana'),
  municipality('765', 'Sotkamo', 'HV20'),
  municipality('290', 'Kuhmo', 'HV20'),
  municipality('777', 'Suomussalmi', 'HV20'),
  municipality('578', 'Paltamo', 'HV20'),
  municipality('698', 'Rovaniemi', 'HV21'),
  municipality('240', 'Kemi', 'HV21'),
  municipality('851', 'Tornio', 'HV21', 'Torneå'),
  municipality('758', 'Sodankylä', 'HV21'),
  municipality('148', 'Inari', 'HV21', 'Enare'),
  municipality('091', 'Helsinki', 'HV22', 'Helsingfors'),
];
