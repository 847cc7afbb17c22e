/** The `lines` and `line` queries, through Yoga in-process, against the seeded Neo4j. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { graphqlClient } from '../support/graphql-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { yoga } = createApp({ database, logger: createLogger('silent') });
const graphql = graphqlClient(yoga);

afterAll(async () => {
  await database.driver.close();
});

describe('lines', () => {
  it('lists the ten lines of the Tampere OT-keskus from Neo4j, in code order, with colours', async () => {
    const { data, errors } = await graphql<{
      lines: Array<{ code: string; name: string; color: string }>;
    }>('{ lines { code name color } }');
    expect(errors).toBeUndefined();
    expect(data.lines.map((line) => line.code)).toEqual([
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
    expect(data.lines.find((line) => line.code === 'L2')?.name).toMatch(
      /seksuaalinen hyväksikäyttö/i,
    );
    for (const line of data.lines) {
      expect(line.color).toMatch(/^#[0-9a-f]{6}$/i);
    }
    expect(new Set(data.lines.map((line) => line.color.toLowerCase())).size).toBe(10);
  });

  it('gives names in Swedish and English, and Finnish by default', async () => {
    const { data } = await graphql<{
      fi: { name: string };
      sv: { name: string };
      en: { name: string };
    }>(
      '{ fi: line(code: "L8") { name } sv: line(code: "L8") { name(lang: SV) } en: line(code: "L8") { name(lang: EN) } }',
    );
    expect(data.fi.name).toMatch(/maahanmuuttaja/i);
    expect(data.sv.name).not.toBe(data.fi.name);
    expect(data.en.name).toMatch(/immigrant|asylum/i);
  });

  it('finds one line by code, case-insensitively, and answers null for an unknown code', async () => {
    const { data } = await graphql<{
      known: { code: string; keywords: string[] } | null;
      unknown: unknown;
    }>('{ known: line(code: "l10") { code keywords } unknown: line(code: "L99") { code } }');
    expect(data.known?.code).toBe('L10');
    expect(data.known?.keywords.length).toBeGreaterThan(5);
    expect(data.unknown).toBeNull();
  });
});
