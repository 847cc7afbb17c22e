/** The network as the exports see it: plain values, no GraphQL, no formats. */

export interface ExportLine {
  id: string;
  code: string;
  number: number;
  color: string;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  descriptionFi: string | null;
  /** Stations in line order. */
  stationIds: string[];
  /** Coordinating responsible workers of the line. */
  coordinatorIds: string[];
}

export interface ExportStation {
  id: string;
  kind: 'EXPERT' | 'UNIT';
  name: string;
  title: string | null;
  description: string | null;
  serviceLevel: string | null;
  languages: string[];
  channels: string[];
  awayUntil: string | null;
  /** Contact details: null where the caller may not see them (see `visibleContacts`). */
  email: string | null;
  phone: string | null;
  publicCard: boolean;
  organisationId: string | null;
  organisationName: string | null;
  regionCodes: string[];
  /** Lines through the station, in line order. */
  lineCodes: string[];
  x: number | null;
  y: number | null;
}

export interface ExportRegion {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
}

export interface ExportOrganisation {
  id: string;
  name: string;
  sector: string | null;
}

/** Every station of the network map, its lines, and what they refer to. */
export interface ExportNetwork {
  revision: number;
  exportedAt: string;
  lines: ExportLine[];
  stations: ExportStation[];
  regions: ExportRegion[];
  organisations: ExportOrganisation[];
}

/** One drawn segment: two stations next to each other on a line. */
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  lineCode: string;
  color: string;
}
