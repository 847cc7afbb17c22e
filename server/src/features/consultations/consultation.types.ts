/** Consultation statistics: counts, never cases. Plain values, no GraphQL. */

export const CONSULTATION_CHANNELS = [
  'PHONE',
  'VIDEO',
  'CHAT',
  'EMAIL',
  'ON_SITE',
  'NETWORK_MEETING',
  'WORK_PAIR',
] as const;

export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

/** What one recorded consultation adds to the counts: no time finer than the month, no person. */
export interface ConsultationRecord {
  /** Line codes, sorted, without duplicates. */
  lineCodes: string[];
  /** Statistics Finland municipality code. */
  municipalityCode: string;
  channel: ConsultationChannel;
  /** YYYY-MM in Finnish time, from the server clock. */
  month: string;
}

/** One stored counter: how many consultations had exactly these lines, place, channel and month. */
export interface ConsultationCountRow {
  lineCodes: string[];
  municipalityCode: string;
  municipalityName: string;
  countyCode: string | null;
  countyName: string | null;
  channel: ConsultationChannel;
  month: string;
  count: number;
}

/** A count as shown: exact from 5 up, "<5" below (small counts could identify a family). */
export interface SuppressedCount {
  key: string;
  label: string;
  /** Null when suppressed. */
  count: number | null;
  display: string;
}

export interface ConsultationStatistics {
  /** Consultations recorded in all (suppressed too when under 5). */
  total: SuppressedCount;
  byLine: SuppressedCount[];
  byMunicipality: SuppressedCount[];
  byCounty: SuppressedCount[];
  byChannel: SuppressedCount[];
  byMonth: SuppressedCount[];
}
