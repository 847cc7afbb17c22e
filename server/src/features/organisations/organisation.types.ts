export interface OrganisationNode {
  id: string;
  name: string;
  sector: string;
  /** Set when the organisation is a research partner (university, university hospital...). */
  researchCategory: string | null;
  regionCode: string | null;
}
