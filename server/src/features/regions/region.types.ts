export type RegionKind = 'MUNICIPALITY' | 'COUNTY' | 'AREA' | 'COUNTRY';

/** A municipality, wellbeing services county, cooperation area or the whole country. */
export interface RegionNode {
  code: string;
  name: string;
  nameSv: string | null;
  kind: RegionKind;
  /** Code of the region this one is part of; null for the country. */
  parentCode: string | null;
}
