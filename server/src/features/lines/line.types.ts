/** A line as the repository returns it: plain values, one property per language. */
export interface LineNode {
  id: string;
  code: string;
  number: number;
  color: string;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  descriptionFi: string | null;
  descriptionSv: string | null;
  descriptionEn: string | null;
  instructionsFi: string | null;
  instructionsSv: string | null;
  instructionsEn: string | null;
  keywords: string[];
  /** Terms per language once curated in the editor; null before that. */
  keywordsFi?: string[] | null;
  keywordsSv?: string[] | null;
  keywordsEn?: string[] | null;
  /** False once retired: a retired line is left off the map and out of routing. */
  active: boolean;
  /** Incremented by every edit; an edit names the version it saw (optimistic concurrency). */
  version: number;
}
