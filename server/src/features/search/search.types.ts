export type SearchHitKind =
  | 'LINE'
  | 'EXPERT'
  | 'UNIT'
  | 'ORGANISATION'
  | 'METHOD'
  | 'RESEARCH_PROJECT'
  | 'VIP_NETWORK';

export interface SearchHitRow {
  score: number;
  kind: SearchHitKind;
  id: string;
  label: string;
}
