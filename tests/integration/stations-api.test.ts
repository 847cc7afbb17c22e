/** Stations, the expert list with its filters and pages, and the other lists, against real Neo4j. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readTransaction } from '../../server/src/database/neo4j-driver.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { graphqlClient } from '../support/graphql-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { yoga } = createApp({ database, logger: createLogger('silent') });
const graphql = graphqlClient(yoga);
afterAll(() => database.driver.close());

async function cypherValue<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T> {
  return readTransaction(
    database,
    async (tx) => (await tx.run(cypher, params)).records[0]?.get(0) as T,
  );
}

interface ExpertPage {
  experts: {
    totalCount: number;
    nodes: Array<{
      id: string;
      name: string;
      languages: string[];
      available: boolean;
      serviceLevel: string;
      channels: string[];
      lines: Array<{ code: string }>;
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const EXPERTS = /* GraphQL */ `
  query Experts($filter: ExpertFilter, $first: Int, $after: String) {
    experts(filter: $filter, first: $first, after: $after) {
      totalCount
      nodes { id name languages available serviceLevel channels lines { code } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

describe('station', () => {
  it('gives an expert card: title, organisation, lines, level, languages, regions, methods, availability', async () => {
    const id = await cypherValue<string>(
      `MATCH (e:Expert)-[:ON_LINE]->(:Line) WITH e, count(*) AS lines WHERE lines > 1
       RETURN e.id ORDER BY e.id LIMIT 1`,
    );
    const { data, errors } = await graphql<{
      station: {
        __typename: string;
        id: string;
        name: string;
        title: string;
        interchange: boolean;
        organisation: { name: string } | null;
        lines: Array<{ code: string }>;
        regions: Array<{ code: string; name: string }>;
        languages: string[];
        serviceLevel: string;
        methods: Array<{ name: string }>;
        otShare: number;
        available: boolean;
        awayUntil: string | null;
      };
    }>(
      `query Card($id: ID!) { station(id: $id) { __typename id name
        ... on Expert { title serviceLevel languages available awayUntil otShare methods { name } }
        interchange organisation { name } lines { code } regions { code name } } }`,
      { id },
    );
    expect(errors).toBeUndefined();
    const card = data.station;
    expect(card.__typename).toBe('Expert');
    expect(card.id).toBe(id);
    expect(card.title.length).toBeGreaterThan(3);
    expect(card.organisation?.name).toBeTruthy();
    expect(card.lines.length).toBeGreaterThan(1);
    expect(card.interchange).toBe(true);
    expect(card.regions.length).toBeGreaterThan(0);
    expect(card.languages).toContain('fi');
    expect(['BASIC', 'SPECIAL', 'DEMANDING', 'NATIONAL']).toContain(card.serviceLevel);
    expect(card.available).toBe(card.awayUntil === null);
  });

  it('tells when an away expert is back', async () => {
    const id = await cypherValue<string>(
      'MATCH (e:Expert) WHERE e.awayUntil > date() RETURN e.id ORDER BY e.id LIMIT 1',
    );
    const { data } = await graphql<{ station: { available: boolean; awayUntil: string } }>(
      'query($id: ID!) { station(id: $id) { ... on Expert { available awayUntil } } }',
      { id },
    );
    expect(data.station.available).toBe(false);
    expect(data.station.awayUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives a unit with its description and public contact details', async () => {
    const { data } = await graphql<{
      station: {
        __typename: string;
        name: string;
        description: string;
        contact: { email: string };
      };
    }>(
      '{ station(id: "unit-marak-tyoryhma") { __typename name ... on Unit { description } contact { email } } }',
    );
    expect(data.station.__typename).toBe('Unit');
    expect(data.station.name).toMatch(/MARAK/);
    expect(data.station.contact.email).toMatch(/@/);
  });

  it('hides contact details of experts from anonymous callers unless the card is public', async () => {
    const { data } = await graphql<{
      experts: { nodes: Array<{ id: string; contact: { email: string } | null }> };
    }>('{ experts(first: 200) { nodes { id contact { email } } } }');
    const publicIds = new Set(
      await cypherValue<string[]>('MATCH (e:Expert {publicCard: true}) RETURN collect(e.id)'),
    );
    expect(publicIds.size).toBeGreaterThan(0);
    for (const expert of data.experts.nodes) {
      expect(expert.contact !== null, expert.id).toBe(publicIds.has(expert.id));
    }
  });

  it('answers null for an unknown station', async () => {
    const { data, errors } = await graphql<{ station: null }>(
      '{ station(id: "expert-9999") { id } }',
    );
    expect(errors).toBeUndefined();
    expect(data.station).toBeNull();
  });
});

describe('line stations and coordinators', () => {
  it('lists the stations of a line in line order and its coordinators', async () => {
    const expected = await cypherValue<string[]>(
      `MATCH (s:Station)-[on:ON_LINE]->(:Line {code: 'L3'}) WITH s, on ORDER BY on.position
       RETURN collect(s.id)`,
    );
    const { data } = await graphql<{
      line: {
        stations: Array<{ id: string }>;
        coordinators: Array<{ id: string; otShare: number }>;
      };
    }>('{ line(code: "L3") { stations { id } coordinators { id otShare } } }');
    expect(data.line.stations.map((station) => station.id)).toEqual(expected);
    expect(data.line.coordinators.length).toBeGreaterThanOrEqual(1);
    expect(data.line.coordinators[0]?.otShare).toBe(1);
  });
});

describe('experts list', () => {
  it('pages through all experts without gaps or repeats', async () => {
    const total = await cypherValue<number>('MATCH (e:Expert) RETURN count(e)');
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data }: { data: ExpertPage } = await graphql<ExpertPage>(EXPERTS, {
        first: 60,
        after,
      });
      expect(data.experts.totalCount).toBe(total);
      seen.push(...data.experts.nodes.map((expert) => expert.id));
      if (!data.experts.pageInfo.hasNextPage) {
        break;
      }
      after = data.experts.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('gives an empty last page past the end', async () => {
    const first = await graphql<ExpertPage>(EXPERTS, { first: 200 });
    const cursor = first.data.experts.pageInfo.endCursor;
    const { data } = await graphql<ExpertPage>(EXPERTS, { first: 200, after: cursor });
    if (first.data.experts.pageInfo.hasNextPage) {
      expect(data.experts.nodes.length).toBeGreaterThan(0);
    } else {
      expect(data.experts.nodes).toEqual([]);
      expect(data.experts.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    }
  });

  it('filters by line, language, service level, channel and availability, all at once', async () => {
    const { data } = await graphql<ExpertPage>(EXPERTS, {
      filter: { lineCode: 'l8', language: 'en', available: true, channel: 'PHONE' },
      first: 200,
    });
    expect(data.experts.nodes.length).toBeGreaterThan(0);
    for (const expert of data.experts.nodes) {
      expect(expert.lines.map((line) => line.code)).toContain('L8');
      expect(expert.languages).toContain('en');
      expect(expert.available).toBe(true);
      expect(expert.channels).toContain('PHONE');
    }
    const away = await graphql<ExpertPage>(EXPERTS, { filter: { available: false }, first: 200 });
    expect(away.data.experts.nodes.every((expert) => !expert.available)).toBe(true);
    const demanding = await graphql<ExpertPage>(EXPERTS, {
      filter: { serviceLevel: 'DEMANDING' },
      first: 200,
    });
    expect(
      demanding.data.experts.nodes.every((expert) => expert.serviceLevel === 'DEMANDING'),
    ).toBe(true);
  });

  it('filters by region: a municipality finds experts serving it, its county or the whole area', async () => {
    const { data } = await graphql<ExpertPage>(EXPERTS, {
      filter: { regionCode: '837' },
      first: 200,
    });
    const expected = await cypherValue<number>(
      `MATCH (e:Expert)-[:SERVES]->(r:Region) WHERE r.code IN ['837', 'HV08', 'YTA-TAMPERE', 'FI']
       RETURN count(DISTINCT e)`,
    );
    expect(data.experts.totalCount).toBe(expected);
    expect(expected).toBeGreaterThan(10);
  });

  it('filters by method', async () => {
    const methodId = await cypherValue<string>(
      'MATCH (:Expert)-[:PRACTISES]->(m:Method) RETURN m.id ORDER BY m.id LIMIT 1',
    );
    const expected = await cypherValue<number>(
      'MATCH (e:Expert)-[:PRACTISES]->(:Method {id: $methodId}) RETURN count(DISTINCT e)',
      { methodId },
    );
    const { data } = await graphql<ExpertPage>(EXPERTS, { filter: { methodId }, first: 200 });
    expect(data.experts.totalCount).toBe(expected);
  });

  it.each([
    [{ first: 0 }, 'first', /between 1 and 200/],
    [{ first: 500 }, 'first', /between 1 and 200/],
    [{ after: 'not-a-cursor' }, 'after', /not a cursor/],
    [{ filter: { lineCode: 'metro' } }, 'filter.lineCode', /line code/],
    [{ filter: { language: 'finnish' } }, 'filter.language', /ISO 639-1/],
    [{ filter: { lineCode: 'L42' } }, 'filter.lineCode', /there is no line L42/],
    [{ filter: { regionCode: '999' } }, 'filter.regionCode', /there is no region 999/],
  ])(
    'refuses bad input %j with a typed error naming the field',
    async (variables, field, message) => {
      const { data, errors } = await graphql<ExpertPage | null>(EXPERTS, variables);
      expect(data?.experts ?? null).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
      expect(errors?.[0]?.extensions?.field).toBe(field);
      expect(errors?.[0]?.message).toMatch(message);
    },
  );
});

describe('other lists', () => {
  it('lists organisations a page at a time, and research partners', async () => {
    const { data } = await graphql<{
      organisations: { totalCount: number; nodes: Array<{ name: string }> };
      researchPartners: {
        totalCount: number;
        nodes: Array<{ name: string; researchCategory: string }>;
      };
    }>(
      '{ organisations(first: 5) { totalCount nodes { name } } researchPartners(first: 100) { totalCount nodes { name researchCategory } } }',
    );
    expect(data.organisations.nodes).toHaveLength(5);
    expect(data.organisations.totalCount).toBeGreaterThan(20);
    expect(data.researchPartners.nodes.map((partner) => partner.name)).toContain(
      'Tampereen yliopisto',
    );
    expect(data.researchPartners.nodes.every((partner) => partner.researchCategory)).toBe(true);
    expect(data.researchPartners.totalCount).toBe(data.researchPartners.nodes.length);
  });

  it('lists methods, research projects of a line, VIP networks and regions of a kind', async () => {
    const { data } = await graphql<{
      methods: { totalCount: number; nodes: Array<{ name: string }> };
      researchProjects: Array<{
        title: string;
        lines: Array<{ code: string }>;
        researchers: Array<{ name: string }>;
      }>;
      vipNetworks: Array<{
        name: string;
        lines: Array<{ code: string }>;
        regions: Array<{ code: string }>;
      }>;
      regions: Array<{ kind: string; parent: { kind: string } | null }>;
    }>(
      `{ methods(first: 3) { totalCount nodes { name } }
         researchProjects(lineCode: "L8") { title lines { code } researchers { name } }
         vipNetworks { name lines { code } regions { code } }
         regions(kind: COUNTY) { kind parent { kind } } }`,
    );
    expect(data.methods.nodes).toHaveLength(3);
    expect(data.methods.totalCount).toBeGreaterThanOrEqual(15);
    for (const project of data.researchProjects) {
      expect(project.lines.map((line) => line.code)).toContain('L8');
      expect(project.researchers.length).toBeGreaterThan(0);
    }
    expect(data.vipNetworks.length).toBeGreaterThan(0);
    expect(data.vipNetworks[0]?.regions.length).toBeGreaterThan(0);
    expect(
      data.regions.every((region) => region.kind === 'COUNTY' && region.parent?.kind === 'AREA'),
    ).toBe(true);
  });
});

describe('language fallback', () => {
  it('gives the Finnish name and instructions when a translation is missing', async () => {
    const session = database.driver.session();
    try {
      await session.run(
        `CREATE (:Line {id: 'line-L99', code: 'L99', number: 99, color: '#333333', nameFi: 'Kokeilulinja',
                        instructionsFi: 'Soita ensin.', keywords: [], active: false})`,
      );
      const { data } = await graphql<{ line: { sv: string; en: string; instructions: string } }>(
        '{ line(code: "L99") { sv: name(lang: SV) en: name(lang: EN) instructions(lang: SV) } }',
      );
      expect(data.line).toEqual({
        sv: 'Kokeilulinja',
        en: 'Kokeilulinja',
        instructions: 'Soita ensin.',
      });
    } finally {
      await session.run(`MATCH (l:Line {code: 'L99'}) DETACH DELETE l`);
      await session.close();
    }
  });
});
