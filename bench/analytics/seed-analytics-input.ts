/** The analytics input of a generated seed graph, without a database (for timing the pure part). */
import type { SeedGraph } from '../../graph-seed/seed-types.ts';
import type { AnalyticsInput } from '../../server/src/features/analytics/analytics.types.ts';

export function analyticsInputOfSeed(seed: SeedGraph): AnalyticsInput {
  const organisationName = new Map(seed.organisations.map((o) => [o.id, o.name]));
  const researcherById = new Map(seed.researchers.map((r) => [r.id, r]));
  return {
    lines: seed.lines.map((line, index) => ({
      code: line.code,
      number: index + 1,
      stationIds: seed.stations
        .flatMap((station) =>
          station.lines
            .filter((m) => m.lineCode === line.code)
            .map((m) => ({ id: station.id, position: m.position })),
        )
        .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
        .map((entry) => entry.id),
    })),
    stations: seed.stations.map((station) => ({
      id: station.id,
      name: station.name,
      kind: station.kind,
      awayUntil: station.kind === 'EXPERT' ? (station.awayUntil ?? null) : null,
      regionCodes: station.regionCodes,
      methodIds: station.kind === 'EXPERT' ? station.methodIds : [],
    })),
    regions: seed.regions.map((region) => ({
      code: region.code,
      name: region.name,
      kind: region.kind,
      parentCode: region.partOf ?? null,
    })),
    methods: seed.methods.map((method) => ({ id: method.id, name: method.name })),
    projects: seed.projects.map((project) => ({
      id: project.id,
      title: project.title,
      lineCodes: project.lineCodes,
      researchers: project.researcherIds.map((id) => ({
        id,
        name: researcherById.get(id)?.name ?? id,
      })),
      partners: [
        { id: project.organisationId, name: organisationName.get(project.organisationId) ?? '' },
      ],
    })),
  };
}
