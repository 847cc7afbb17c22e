export interface ResearchProjectNode {
  id: string;
  title: string;
  startYear: number;
  endYear: number | null;
}

export interface ResearcherNode {
  id: string;
  name: string;
  title: string;
  /** Kaksoisvirka: a doctoral candidate or specialising worker researching OT themes. */
  doublePost: boolean;
}
