/** Full-text search in Finnish, Swedish and English against the real indexes. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { graphqlClient } from '../support/graphql-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { yoga } = createApp({ database, logger: createLogger('silent') });
const graphql = graphqlClient(yoga);
afterAll(() => database.driver.close());

interface Hit {
  score: number;
  kind: string;
  id: string;
  label: string;
}

async function search(text: string, lang = 'FI', first = 20): Promise<Hit[]> {
  const { data, errors } = await graphql<{ search: Hit[] }>(
    'query($text: String!, $lang: Lang, $first: Int) { search(text: $text, lang: $lang, first: $first) { score kind id label } }',
    { text, lang, first },
  );
  expect(errors).toBeUndefined();
  return data.search;
}

const firstLine = (hits: Hit[]) => hits.find((hit) => hit.kind === 'LINE')?.id;

describe('search', () => {
  it.each([
    ['kunniaväkivallasta', 'FI', 'line-L8'],
    ['kunniavakivallasta', 'FI', 'line-L8'],
    ['paihdehuolto', 'FI', 'line-L10'],
    ['päihteiden', 'FI', 'line-L10'],
    ['tvångsäktenskap', 'SV', 'line-L8'],
    ['forced marriage', 'EN', 'line-L8'],
    ['seksuaalista hyväksikäyttöä', 'FI', 'line-L2'],
    ['kehitysvammainen', 'FI', 'line-L5'],
    ['huoltoriita', 'FI', 'line-L9'],
    ['sijaishuollon', 'FI', 'line-L6'],
  ])('"%s" (%s) finds %s as the best line', async (text, lang, lineId) => {
    expect(firstLine(await search(text, lang))).toBe(lineId);
  });

  it('ranks by score and breaks ties in a stable order', async () => {
    const hits = await search('väkivalta', 'FI', 50);
    expect(hits.length).toBeGreaterThan(1);
    for (let index = 1; index < hits.length; index++) {
      expect(hits[index - 1]!.score).toBeGreaterThanOrEqual(hits[index]!.score);
    }
    expect(await search('väkivalta', 'FI', 50)).toEqual(hits);
  });

  it('finds stations, organisations and methods by name, with the id of the node', async () => {
    const unit = await search('oikeuspsykiatrian yksikkö');
    expect(unit[0]).toMatchObject({ kind: 'UNIT', id: 'unit-oikeuspsykiatria' });
    const organisation = await search('Tampereen yliopisto');
    expect(
      organisation.some(
        (hit) => hit.kind === 'ORGANISATION' && hit.label === 'Tampereen yliopisto',
      ),
    ).toBe(true);
    const method = await search('MDFT');
    expect(method[0]?.kind).toBe('METHOD');
    const expert = await search('kunniakulttuurin asiantuntija');
    expect(expert.some((hit) => hit.kind === 'EXPERT' && hit.id.startsWith('expert-'))).toBe(true);
  });

  it('labels lines with code and name in the asked language', async () => {
    const hits = await search('tvångsäktenskap', 'SV');
    const line = hits.find((hit) => hit.id === 'line-L8');
    expect(line?.label).toMatch(/^L8 /);
    expect(line?.label).not.toMatch(/Maahanmuuttaja/);
  });

  it.each([
    'kunnia* OR name:foo) AND (',
    '"unterminated',
    '*:*',
    'title:[a TO z]',
    '\\ / ~ ^ { } !!',
    "' OR 1=1 //",
    'MATCH (n) DETACH DELETE n',
  ])('treats Lucene and Cypher syntax as plain words: %s', async (text) => {
    const hits = await search(text, 'FI', 100);
    expect(hits.length).toBeLessThan(100);
  });

  it('answers nothing for text with no word, and respects first', async () => {
    expect(await search('  ?! ')).toEqual([]);
    expect(await search('väkivalta', 'FI', 3)).toHaveLength(3);
  });

  it('refuses overlong text and a bad first with typed errors', async () => {
    const long = await graphql('query($t: String!) { search(text: $t) { id } }', {
      t: 'a'.repeat(201),
    });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'text' });
    const first = await graphql('{ search(text: "ero", first: 0) { id } }');
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'first' });
  });
});
