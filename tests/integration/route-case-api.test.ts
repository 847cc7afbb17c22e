/** routeCase through the API against the seeded graph: lines, itineraries, notices, privacy. */
import pino from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readTransaction } from '../../server/src/database/neo4j-driver.ts';
import { createApp } from '../../server/src/http/app.ts';
import { graphqlClient } from '../support/graphql-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const logLines: string[] = [];
const queries: string[] = [];
const database = connectTestDatabase(inject('neo4jUri'));
database.onQuery = (cypher, parameters) => {
  queries.push(`${cypher}\n${JSON.stringify(parameters)}`);
};
const logger = pino({ level: 'trace' }, { write: (line: string) => logLines.push(line) });
const { yoga } = createApp({ database, logger });
const graphql = graphqlClient(yoga);
afterAll(() => database.driver.close());

interface Plan {
  matchedLines: Array<{ code: string }>;
  lineMatches: Array<{ line: { code: string }; matchedTerms: string[]; picked: boolean }>;
  itineraries: Array<{
    score: number;
    explanation: string;
    transfer: boolean;
    fallback: boolean;
    stops: Array<{
      line: { code: string; instructions: string };
      station: { id: string; name: string; lines: Array<{ code: string }>; available?: boolean };
      reasons: string[];
      reasonCodes: string[];
    }>;
  }>;
  emergencyNotice: string | null;
  notice: string | null;
}

const ROUTE = /* GraphQL */ `
  query Route($input: CaseInput!, $lang: Lang) {
    routeCase(input: $input, lang: $lang) {
      matchedLines { code }
      lineMatches { line { code } matchedTerms picked }
      itineraries {
        score explanation transfer fallback
        stops {
          line { code instructions(lang: $lang) }
          station { id name lines { code } ... on Expert { available } }
          reasons reasonCodes
        }
      }
      emergencyNotice notice
    }
  }`;

async function route(input: Record<string, unknown>, lang = 'FI') {
  return graphql<{ routeCase: Plan }>(ROUTE, { input, lang });
}

describe('routeCase', () => {
  it.each([
    ['Perheessä epäillään kunniaväkivaltaa ja tyttöä uhkaa pakkoavioliitto', 'L8'],
    ['Isä on uhannut tappaa koko perheen', 'L3'],
    ['Raskaana oleva äiti käyttää huumeita', 'L10'],
    ['Nuori syyllistyi ryöstöön ja pahoinpitelyyn', 'L4'],
    ['Vanhempien pitkittynyt huoltoriita ja tapaamisoikeus', 'L9'],
    ['Hedersrelaterat våld och tvångsäktenskap', 'L8'],
    ['Suspected sexual abuse of a small child', 'L2'],
  ])('routes "%s" to %s first, with stops, reasons and instructions', async (text, lineCode) => {
    const { data, errors } = await route({ text, municipality: 'Tampere' });
    expect(errors).toBeUndefined();
    const plan = data.routeCase;
    expect(plan.matchedLines[0]?.code).toBe(lineCode);
    expect(plan.itineraries.length).toBeGreaterThan(0);
    expect(plan.itineraries.length).toBeLessThanOrEqual(3);
    const best = plan.itineraries[0]!;
    expect(best.explanation.length).toBeGreaterThan(20);
    expect(best.explanation).toContain(lineCode);
    expect(best.explanation).not.toMatch(/\b(L\d+) \1\b/);
    expect(best.stops[0]?.reasons.length).toBeGreaterThan(0);
    expect(best.stops[0]?.line.instructions).toMatch(/anonyymi|tunnist/i);
    for (let index = 1; index < plan.itineraries.length; index++) {
      expect(plan.itineraries[index - 1]!.score).toBeGreaterThanOrEqual(
        plan.itineraries[index]!.score,
      );
    }
  });

  it('routes several needs in one description to several lines, covered by the best itinerary', async () => {
    const { data } = await route({
      text: 'Kunniaväkivaltaa ja vanhemman päihteiden käyttöä',
      municipality: '837',
    });
    const codes = data.routeCase.matchedLines.map((line) => line.code);
    expect(codes).toEqual(expect.arrayContaining(['L8', 'L10']));
    const covered = new Set(
      data.routeCase.itineraries[0]!.stops.flatMap((stop) => stop.station.lines.map((l) => l.code)),
    );
    expect(covered.has('L8') && covered.has('L10')).toBe(true);
  });

  it('prefers an available expert over an away one', async () => {
    const { data } = await route({ lineCodes: ['L7'], municipality: 'Nokia' });
    const first = data.routeCase.itineraries[0]!.stops[0]!;
    expect(first.station.available ?? true).toBe(true);
  });

  it('explains in Swedish and English when asked', async () => {
    const fi = (await route({ lineCodes: ['L5'] })).data.routeCase.itineraries[0]!.explanation;
    const sv = (await route({ lineCodes: ['L5'] }, 'SV')).data.routeCase.itineraries[0]!
      .explanation;
    const en = (await route({ lineCodes: ['L5'] }, 'EN')).data.routeCase.itineraries[0]!
      .explanation;
    expect(new Set([fi, sv, en]).size).toBe(3);
  });

  it('takes the municipality by Finnish name, Swedish name or code', async () => {
    const byName = await route({ lineCodes: ['L1'], municipality: 'Tampere' });
    const bySwedish = await route({ lineCodes: ['L1'], municipality: 'Tammerfors' });
    const byCode = await route({ lineCodes: ['L1'], municipality: '837' });
    expect(bySwedish.data.routeCase).toEqual(byName.data.routeCase);
    expect(byCode.data.routeCase).toEqual(byName.data.routeCase);
  });

  it('puts the emergency notice first when urgency is ACUTE', async () => {
    const { data } = await route({ text: 'Isä uhkaa tappaa', urgency: 'ACUTE' });
    expect(data.routeCase.emergencyNotice).toMatch(/112/);
    expect(data.routeCase.emergencyNotice).toMatch(/sosiaalipäivysty/);
    const routine = await route({ text: 'Isä uhkaa tappaa' });
    expect(routine.data.routeCase.emergencyNotice).toBeNull();
  });

  it('says so when nothing matches, and routes nothing', async () => {
    const { data } = await route({ text: 'Lorem ipsum dolor sit amet' });
    expect(data.routeCase.matchedLines).toEqual([]);
    expect(data.routeCase.itineraries).toEqual([]);
    expect(data.routeCase.notice).toMatch(/Valitse linja/);
  });

  it('names the curated terms that matched, never the words of the description', async () => {
    const { data } = await route({ text: 'Xyzzy-perheessä on kunniaväkivaltaa' });
    const terms = data.routeCase.lineMatches.flatMap((match) => match.matchedTerms).join(' ');
    expect(terms).toMatch(/kunnia/);
    expect(terms).not.toMatch(/xyzzy/i);
  });

  it.each([
    [
      { municipality: 'Atlantis', lineCodes: ['L1'] },
      'input.municipality',
      /no municipality "Atlantis"/,
    ],
    [{ lineCodes: ['L42'] }, 'input.lineCodes', /there is no line L42/],
    [{ languages: ['arabic'] }, 'input.languages.0', /ISO 639-1/],
    [{ text: 'x'.repeat(4001) }, 'input.text', /at most 4000/],
  ])('refuses bad input %j with a typed error naming the field', async (input, field, message) => {
    const { errors } = await route(input);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field });
    expect(errors?.[0]?.message).toMatch(message);
  });
});

describe('routeCase privacy', () => {
  it('never sends the description to Neo4j, never logs it, never stores it', async () => {
    const marker = 'ZZMARKER4711 kunniaväkivalta';
    logLines.length = 0;
    queries.length = 0;
    await route({ text: marker, municipality: 'Tampere', urgency: 'ACUTE' });
    // A failing request too: errors are where text most often leaks into logs.
    await route({ text: marker, municipality: 'Atlantis' });
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.join('\n')).not.toContain('ZZMARKER4711');
    expect(logLines.join('\n')).not.toContain('ZZMARKER4711');

    // Read every string the graph holds and look for the marker here, not in a query.
    const strings = await readTransaction(
      database,
      async (tx) =>
        (
          await tx.run(
            'MATCH (n) UNWIND keys(n) AS key WITH n[key] AS value WHERE value IS :: STRING RETURN collect(value) AS all',
          )
        ).records[0]?.get('all') as string[],
    );
    expect(strings.length).toBeGreaterThan(100);
    expect(strings.some((value) => value.includes('ZZMARKER4711'))).toBe(false);
  });
});
