/**
 * Consultation instructions are Markdown: rendered as lists and headings on the station card, and
 * anything active in them (script, event handlers) is made inert before it reaches the page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
let browser: Browser;
let stationId = '';
let original = '';

/** Ends a statement that changes the network: like every change, it increments the revision. */
const NEW_REVISION = `WITH count(*) AS changed
  MATCH (r:NetworkRevision {key: 'network'}) SET r.value = r.value + 1 RETURN changed`;

async function cypher<T>(statement: string, parameters: Record<string, unknown> = {}): Promise<T> {
  const session = database.driver.session();
  try {
    return (await session.run(statement, parameters)).records[0]?.get(0) as T;
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  browser = await launchChromium();
  stationId = await cypher<string>(
    `MATCH (s:Expert)-[:ON_LINE]->(l:Line {code: 'L9'})
     WHERE COUNT { (s)-[:ON_LINE]->() } = 1 RETURN s.id ORDER BY s.id LIMIT 1`,
  );
  original = await cypher<string>(`MATCH (l:Line {code: 'L9'}) RETURN l.instructionsFi`);
});

afterAll(async () => {
  await cypher(`MATCH (l:Line {code: 'L9'}) SET l.instructionsFi = $original ${NEW_REVISION}`, {
    original,
  });
  await browser?.close();
  await database.driver.close();
});

async function openCard(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${inject('appUrl')}/?station=${stationId}`);
  await expect
    .poll(() => page.getByTestId('station-card').getAttribute('data-status'), { timeout: 20_000 })
    .toBe('ready');
  return page;
}

describe('consultation instructions', () => {
  it('render Markdown lists as lists', async () => {
    const page = await openCard();
    const items = page.getByTestId('station-card').locator('.markdown li');
    expect(await items.count()).toBeGreaterThan(1);
    expect(await page.getByTestId('station-card').locator('.markdown').innerHTML()).not.toMatch(
      /^\s*- /m,
    );
    await page.close();
  });

  it('make script and event handlers in them inert', async () => {
    await cypher(`MATCH (l:Line {code: 'L9'}) SET l.instructionsFi = $text ${NEW_REVISION}`, {
      text: [
        '## Ohje',
        '- Soita ensin koordinaattorille',
        '<script>window.__pwned = "script"</script>',
        '<img src="x" onerror="window.__pwned = \'img\'">',
        "[linkki](javascript:window.__pwned='link')",
      ].join('\n'),
    });
    const page = await openCard();
    const markdown = page.getByTestId('station-card').locator('.markdown');
    expect(await markdown.textContent()).toContain('Soita ensin koordinaattorille');
    expect(await markdown.locator('script, img, [onerror]').count()).toBe(0);
    expect(await markdown.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    await page.close();
  });
});
