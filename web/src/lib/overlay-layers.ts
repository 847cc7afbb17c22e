/**
 * The overlay layers' content, from the API's answers to the items the map and the list view
 * show: research partners (grouped from the research projects they run, each informing some
 * lines) and VIP networks. Pure: no fetching, no Svelte.
 */
import type { OverlayItem } from './network-map.types.ts';

/** A research project as the layer query returns it. */
export interface ResearchProjectRow {
  id: string;
  title: string;
  organisation: { id: string; name: string } | null;
  lines: Array<{ code: string }>;
}

/** A VIP network as the layer query returns it. */
export interface VipNetworkRow {
  id: string;
  name: string;
  lines: Array<{ code: string }>;
}

const LINE_NUMBER = /^L(\d+)$/;

/** Line codes in line order (L2 before L10), without repeats. */
export function sortLineCodes(codes: Iterable<string>): string[] {
  const number = (code: string) => Number(LINE_NUMBER.exec(code)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return [...new Set(codes)].sort((a, b) => number(a) - number(b) || a.localeCompare(b));
}

/**
 * One item per research partner: the lines its projects inform, and the projects (title and
 * lines). Projects without a partner are left out (the layer is about partners). Sorted by
 * name, projects by title, so the same data always gives the same layer.
 */
export function researchPartnerItems(projects: readonly ResearchProjectRow[]): OverlayItem[] {
  const partners = new Map<string, { name: string; projects: ResearchProjectRow[] }>();
  for (const project of projects) {
    if (!project.organisation) {
      continue;
    }
    const partner = partners.get(project.organisation.id) ?? {
      name: project.organisation.name,
      projects: [],
    };
    partner.projects.push(project);
    partners.set(project.organisation.id, partner);
  }
  return [...partners.entries()]
    .map(([id, partner]) => ({
      id,
      name: partner.name,
      lineCodes: sortLineCodes(
        partner.projects.flatMap((project) => project.lines.map((line) => line.code)),
      ),
      details: [...partner.projects]
        .sort((a, b) => a.title.localeCompare(b.title, 'fi') || a.id.localeCompare(b.id))
        .map((project) => ({
          id: project.id,
          title: project.title,
          lineCodes: sortLineCodes(project.lines.map((line) => line.code)),
        })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.id.localeCompare(b.id));
}

/** One item per VIP network, sorted by name. */
export function vipNetworkItems(networks: readonly VipNetworkRow[]): OverlayItem[] {
  return networks
    .map((network) => ({
      id: network.id,
      name: network.name,
      lineCodes: sortLineCodes(network.lines.map((line) => line.code)),
      details: [],
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.id.localeCompare(b.id));
}

/** The items of a layer that serve `lineCode`, for the list view's line sections. */
export function itemsOnLine(items: readonly OverlayItem[], lineCode: string): OverlayItem[] {
  return items.filter((item) => item.lineCodes.includes(lineCode));
}
