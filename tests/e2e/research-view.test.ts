/**
 * The researchers' page in real Chromium over the seeded database: anonymous visitors are asked
 * to sign in; a signed-in researcher sees each analysis as a chart with a sortable table, a row
 * opens its station on the map, and axe-core finds no WCAG 2.1 A/AA violations. In the journey
 * planner, "Konsultaatio toteutui" records the consultation with one click.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../server/src/database/neo4j-driver.ts';
import { bumpNetworkRevision } from '../../server/src/features/audit/audit.repository.ts';
import { AccountRepository } from '../../server/src/features/auth/account.repository.ts';
import { hashPassword } from '../../server/src/features/auth/password-hash.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium, openAppPage, signInThroughDialog } from '../support/browser.ts';
import { createStaffSession, graphqlOverHttp } from '../support/staff-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const appUrl = inject('appUrl');
const database = connectTestDatabase(inject('neo4jUri'));
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  await database.driver.close();
});

/** A researcher's session id, created directly (the browser gets it as the session cookie). */
async function researcherSession(): Promise<string> {
  return (await createStaffSession(database, { role: 'researcher', name: 'e2e-researcher' }))
    .sessionId;
}

async function open(path: string, sessionId?: string): Promise<Page> {
  const opened = await openAppPage(browser, `${appUrl}${path}`, { sessionId });
  context = opened.context;
  return opened.page;
}

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 30_000, interval: 100 });
}

describe("researchers' page", () => {
  it('asks anonymous visitors to sign in', async () => {
    const page = await open('/?view=research');
    await poll(() => page.getByRole('status').allTextContents()).toContainEqual(
      expect.stringContaining('kirjautuneille tutkijoille'),
    );
    expect(await page.getByRole('button', { name: 'Tutkijat' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    // Signing in right there loads the analytics, without leaving the page.
    const email = `tutkija-${randomBytes(4).toString('hex')}@example.fi`;
    const password = `Kartta-${randomBytes(6).toString('hex')}`;
    await new AccountRepository(database).create({
      email,
      role: 'researcher',
      passwordHash: await hashPassword(password),
      expertId: null,
      lineCodes: [],
    });
    await signInThroughDialog(page, email, password);
    await poll(() =>
      page.getByRole('heading', { level: 3, name: 'Keskeisimmät asemat' }).count(),
    ).toBe(1);

    // The downloads are links on the page, and they answer the signed-in researcher.
    const exports = page.getByTestId('research-exports');
    const hrefs = await exports
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual([
      '/export/network.graphml',
      '/export/network.gexf',
      '/export/stations.csv',
      '/export/network.json',
      '/export/hsds.json',
    ]);
    const download = await page.request.get(`${appUrl}/export/stations.csv`);
    expect(download.status()).toBe(200);
    expect((await download.text()).split('\n')[0]).toContain('id');
  });

  it('shows charts with sortable tables, opens a row on the map, and passes axe', async () => {
    const page = await open('/?view=research', await researcherSession());
    const central = page.getByTestId('central-table');
    await central.waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { name: 'Keskeisimmät asemat' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /Keskeisimmät asemat/ }).count()).toBe(1);
    expect(await central.locator('tbody tr').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('overlap-table').locator('tbody tr').count()).toBe(45);

    // Sorting by neighbours, highest first, then lowest first.
    const header = central.locator('thead th').nth(2);
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const degrees = async () =>
      (await central.locator('tbody tr td:nth-of-type(2)').allTextContents()).map(Number);
    const down = await degrees();
    expect([...down].sort((a, b) => b - a)).toEqual(down);
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const up = await degrees();
    expect([...up].sort((a, b) => a - b)).toEqual(up);

    expect(await axeViolations(page)).toEqual([]);

    // Swedish and English too.
    await page.getByLabel('Kieli').selectOption('sv');
    await poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toContain(
      'Nätverksanalys',
    );
    await page.getByLabel('Språk').selectOption('en');
    await poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toContain(
      'Network analytics',
    );

    // A row opens its station on the map.
    const first = central.locator('tbody tr').first().getByRole('button');
    const name = (await first.textContent())?.trim();
    await first.click();
    await poll(() => new URL(page.url()).searchParams.get('view')).toBe('map');
    expect(new URL(page.url()).searchParams.get('station')).not.toBeNull();
    await poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toContain(name);
  });
  it('shows the wellbeing-county coverage gaps as a chart and a table whose rows open the line', async () => {
    // The demo network covers every county of its area, so the test makes one gap: every
    // station of one line that serves one county is away, until the test puts them back.
    const made = await makeCountyGap();
    try {
      await countyGapsOnThePage();
    } finally {
      await writeTransaction(database, async (tx) => {
        for (const station of made) {
          await tx.run(
            'MATCH (s:Station {id: $id}) SET s.awayUntil = CASE WHEN $away IS NULL THEN null ELSE date($away) END',
            station,
          );
        }
        await bumpNetworkRevision(tx);
      });
    }
  });
});

/** Makes every station of one line that serves one county away; returns how they were. */
async function makeCountyGap(): Promise<Array<{ id: string; away: string | null }>> {
  return writeTransaction(database, async (tx) => {
    const [choice] = recordsOf<{ servers: Array<{ id: string; away: string | null }> }>(
      await tx.run(
        `MATCH (c:Region {kind: 'COUNTY'})-[:PART_OF]->(a:Region {kind: 'AREA'})
         WHERE EXISTS { (:Station)-[:SERVES]->(:Region)-[:PART_OF]->(c) }
         MATCH (l:Line) WHERE coalesce(l.active, true)
         WITH c, l, [(s:Station)-[:ON_LINE]->(l)
           WHERE EXISTS { (s)-[:SERVES]->(r:Region)
             WHERE r = c OR r = a OR r.kind = 'COUNTRY' OR (r)-[:PART_OF]->(c) } | s] AS servers
         WHERE size(servers) > 0 AND all(s IN servers WHERE s:Expert)
         RETURN [s IN servers | {id: s.id, away: toString(s.awayUntil)}] AS servers
         ORDER BY size(servers), l.code, c.code LIMIT 1`,
      ),
    );
    if (!choice) {
      throw new Error('no line and county of the demo graph could be made a gap');
    }
    for (const { id } of choice.servers) {
      await tx.run("MATCH (s:Station {id: $id}) SET s.awayUntil = date('2099-01-01')", { id });
    }
    await bumpNetworkRevision(tx);
    return choice.servers;
  });
}

async function countyGapsOnThePage(): Promise<void> {
  const researcher = await createStaffSession(database, {
    role: 'researcher',
    name: 'e2e-researcher',
  });
  // What the API says, asked the way the page asks it.
  const { data } = await graphqlOverHttp<{
    networkAnalytics: { coverage: Array<{ lineCode: string }> };
  }>(
    appUrl,
    researcher,
    '{ networkAnalytics { coverage(regionKind: COUNTY, gapsOnly: true) { lineCode } } }',
  );
  const gaps = data.networkAnalytics.coverage;
  expect(gaps.length).toBeGreaterThan(0);

  const { sessionId } = researcher;
  const page = await open('/?view=research', sessionId);
  const table = page.getByTestId('county-coverage-table');
  await table.waitFor({ timeout: 60_000 });
  const title = 'Kattavuuden aukot hyvinvointialueittain';
  expect(await page.getByRole('heading', { level: 3, name: title }).count()).toBe(1);
  expect(await page.getByRole('img', { name: new RegExp(title) }).count()).toBe(1);
  expect(await table.locator('tbody tr').count()).toBe(gaps.length);
  // Gaps only: never a fully covered county.
  const statuses = await table.locator('tbody tr td:nth-of-type(2)').allTextContents();
  expect(statuses.every((status) => status.trim() !== 'katettu')).toBe(true);

  // Sorting by available stations, highest first.
  const header = table.locator('thead th').nth(3);
  await header.getByRole('button').click();
  expect(await header.getAttribute('aria-sort')).toBe('descending');
  const available = (await table.locator('tbody tr td:nth-of-type(3)').allTextContents()).map(
    Number,
  );
  expect([...available].sort((a, b) => b - a)).toEqual(available);

  // A row opens its line on the map.
  const first = table.locator('tbody tr').first().getByRole('button');
  const line = (await first.textContent())?.trim();
  await first.click();
  await poll(() => new URL(page.url()).searchParams.get('view')).toBe('map');
  expect(new URL(page.url()).searchParams.get('line')).toBe(line);
}

describe('Konsultaatio toteutui', () => {
  it('records the lines, municipality and channel of a routed case with one click', async () => {
    const before = await consultationCount();
    const page = await open('/?view=route');
    await page.getByLabel('Kuvaa huoli').waitFor();
    await poll(() => page.locator('#route-municipality option').count()).toBeGreaterThan(10);
    await page.getByLabel('Kuvaa huoli').fill('Nuori käyttää päihteitä ja perhe tarvitsee tukea.');
    await page.getByLabel('Kunta, jossa työskentelet').selectOption({ label: 'Nokia' });
    await page.getByRole('button', { name: 'Hae reitti' }).click();
    const itinerary = page.getByTestId('itinerary').first();
    await itinerary.waitFor();
    await itinerary.getByRole('button', { name: 'Konsultaatio toteutui' }).click();
    await poll(() => itinerary.getByRole('status').textContent()).toContain('Kirjattu tilastoon');
    expect(
      await itinerary.getByRole('button', { name: 'Konsultaatio toteutui' }).isDisabled(),
    ).toBe(true);
    expect(await consultationCount()).toBe(before + 1);
    expect(await axeViolations(page)).toEqual([]);
  });
});

async function consultationCount(): Promise<number> {
  return readTransaction(database, async (tx) => {
    const [row] = recordsOf<{ n: number }>(
      await tx.run('MATCH (c:ConsultationCount) RETURN coalesce(sum(c.count), 0) AS n'),
    );
    return row?.n ?? 0;
  });
}
