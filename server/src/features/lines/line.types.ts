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
}
