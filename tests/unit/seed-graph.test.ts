import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { SeedValidationError, validateSeedGraph } from '../../graph-seed/seed-schema.ts';
import type { ExpertRecord } from '../../graph-seed/seed-types.ts';

const TODAY = '2026-11-23';

describe('demo network generator', () => {
  const demo = generateNetwork({ scale: 'demo', today: TODAY });
  const experts = demo.stations.filter((s): s is ExpertRecord => s.kind === 'EXPERT');

  it('is deterministic: the same options give the same graph', () => {
    expect(generateNetwork({ scale: 'demo', today: TODAY })).toEqual(demo);
    expect(generateNetwork({ scale: 'demo', today: TODAY, seed: 5 })).not.toEqual(demo);
  });

  it('passes its own validation', () => {
    expect(() => validateSeedGraph(demo)).not.toThrow();
  });

  it('has the ten lines, 150-250 experts, and the seven named units', () => {
    expect(demo.lines.map((line) => line.code)).toEqual([
      'L1',
      'L2',
      'L3',
      'L4',
      'L5',
      'L6',
      'L7',
      'L8',
      'L9',
      'L10',
    ]);
    expect(experts.length).toBeGreaterThanOrEqual(150);
    expect(experts.length).toBeLessThanOrEqual(250);
    const unitNames = demo.stations.filter((s) => s.kind === 'UNIT').map((unit) => unit.name);
    expect(unitNames).toHaveLength(7);
    expect(unitNames.join(' ')).toMatch(/EVA/);
    expect(unitNames.join(' ')).toMatch(/Päiväperho/);
    expect(unitNames.join(' ')).toMatch(/MARAK/);
  });

  it('gives every line a coordinator and several stations, in a gapless order', () => {
    for (const line of demo.lines) {
      const memberships = demo.stations.flatMap((station) =>
        station.lines.filter((membership) => membership.lineCode === line.code),
      );
      expect(memberships.filter((m) => m.coordinator).length, line.code).toBeGreaterThanOrEqual(1);
      expect(memberships.length, line.code).toBeGreaterThanOrEqual(10);
      const positions = memberships.map((m) => m.position).sort((a, b) => a - b);
      expect(positions).toEqual(positions.map((_, index) => index + 1));
    }
  });

  it('has interchanges, among them an honour-culture expert on L8 and L3', () => {
    const interchanges = demo.stations.filter((station) => station.lines.length > 1);
    expect(interchanges.length).toBeGreaterThan(20);
    const honour = experts.find((expert) => /kunniakulttuuri/.test(expert.title));
    expect(honour?.lines.map((m) => m.lineCode)).toEqual(expect.arrayContaining(['L8', 'L3']));
  });

  it('draws people with plausible variety: languages, away experts, immigrant-background names', () => {
    expect(experts.some((expert) => expert.languages.includes('sv'))).toBe(true);
    expect(
      experts.some((expert) => expert.languages.some((l) => !['fi', 'sv', 'en'].includes(l))),
    ).toBe(true);
    const away = experts.filter((expert) => expert.awayUntil);
    expect(away.length).toBeGreaterThan(0);
    for (const expert of away) {
      expect(expert.awayUntil! > TODAY).toBe(true);
    }
  });
});

describe('national network generator', () => {
  it('spreads the asked number of experts over all five cooperation areas', () => {
    const national = generateNetwork({ scale: 'national', experts: 2000, today: TODAY });
    expect(() => validateSeedGraph(national)).not.toThrow();
    const experts = national.stations.filter((s) => s.kind === 'EXPERT');
    expect(experts.length).toBeGreaterThanOrEqual(1950);
    expect(experts.length).toBeLessThanOrEqual(2050);
    const areas = national.regions.filter((region) => region.kind === 'AREA').map((a) => a.code);
    expect(areas).toHaveLength(5);
    for (const area of areas) {
      const coordinators = national.stations.filter(
        (station) => station.regionCodes.includes(area) && station.lines.some((m) => m.coordinator),
      );
      expect(coordinators.length, area).toBe(10);
    }
  });
});

describe('seed validation', () => {
  it('names the record and field of a bad record', () => {
    const graph = generateNetwork({ scale: 'demo', today: TODAY });
    const expert = graph.stations.find((s): s is ExpertRecord => s.kind === 'EXPERT')!;
    expert.languages = ['finnish'];
    expect(() => validateSeedGraph(graph)).toThrow(
      new RegExp(
        `stations\\[\\d+\\] \\(${expert.id}\\)\\.languages\\[0\\]: must be an ISO 639-1 code`,
      ),
    );
  });

  it('finds broken references: unknown organisation, duplicate position, line without coordinator', () => {
    const graph = generateNetwork({ scale: 'demo', today: TODAY });
    const [first, second] = graph.stations.filter((s) => s.lines.some((m) => m.lineCode === 'L5'));
    first!.organisationId = 'org-nowhere';
    const firstL5 = first!.lines.find((m) => m.lineCode === 'L5')!;
    second!.lines.find((m) => m.lineCode === 'L5')!.position = firstL5.position;
    for (const station of graph.stations) {
      for (const membership of station.lines) {
        if (membership.lineCode === 'L9') {
          membership.coordinator = false;
        }
      }
    }
    try {
      validateSeedGraph(graph);
      expect.unreachable('the graph should be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(SeedValidationError);
      const problems = (error as SeedValidationError).problems.join('\n');
      expect(problems).toContain(
        `(${first!.id}).organisationId: unknown organisation "org-nowhere"`,
      );
      expect(problems).toMatch(/position \d+ on L5 is already taken/);
      expect(problems).toContain('lines (L9): the line has no coordinator station');
    }
  });
});
