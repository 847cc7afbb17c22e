/**
 * The coordination team's data-health view in real Chromium over the seeded database: anonymous
 * visitors are asked to sign in and see no header button; a signed-in coordinator finds the view
 * in the header, sees a problem the test makes (line L10 loses its coordinators) and the seed's
 * stale cards as Cypher counts them, follows a line and a station to the map, and axe-core finds
 * no WCAG 2.1 A/AA violations.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../server/src/database/neo4j-driver.ts';
import { bumpNetworkRevision } from '../../server/src/features/audit/audit.repository.ts';
import type { Role } from '../../server/src/features/auth/account.types.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium, openAppPage } from '../support/browser.ts';
import { createStaffSession } from '../support/staff-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const appUrl = inject('appUrl');
const database = connectTestDatabase(inject('neo4jUri'));
const LINE = 'L10';
const SHOTS = fileURLToPath(new URL('../../test-results/data-health/', import.meta.url));
let browser: Browser;
let context: BrowserContext | undefined;
/** Stations whose coordinator mark on L10 the test took away, to give back afterwards. */
let uncoordinated: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  uncoordinated = await writeTransaction(database, async (tx) => {
    const result = await tx.run(
      `MATCH (s:Station)-[on:ON_LINE {coordinator: true}]->(:Line {code: $line})
       SET on.coordinator = false
       RETURN s.id AS id`,
      { line: LINE },
    );
    await bumpNetworkRevision(tx);
    return result.records.map((record) => record.get('id') as string);
  });
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await writeTransaction(database, async (tx) => {
    await tx.run(
      `MATCH (s:Station)-[on:ON_LINE]->(:Line {code: $line}) WHERE s.id IN $ids
       SET on.coordinator = true`,
      { line: LINE, ids: uncoordinated },
    );
    await bumpNetworkRevision(tx);
  });
  await browser?.close();
  await database.driver.close();
});

/** A session id of a new account with `role` (the browser gets it as the session cookie). */
async function sessionOf(role: Role): Promise<string> {
  const lineCodes = role === 'coordinator' ? ['L3'] : [];
  return (await createStaffSession(database, { role, lineCodes, name: `e2e-health-${role}` }))
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

async function staleCardCount(cutoff: string): Promise<number> {
  return readTransaction(database, async (tx) => {
    const [row] = recordsOf<{ n: number }>(
      await tx.run(
        `MATCH (s:Expert) WHERE EXISTS { (s)-[:ON_LINE]->(l:Line) WHERE coalesce(l.active, true) }
           AND (s.verifiedOn IS NULL OR s.verifiedOn <= date($cutoff))
         RETURN count(s) AS n`,
        { cutoff },
      ),
    );
    return row?.n ?? -1;
  });
}

/** The ISO date six calendar months before today in Finland, as the server computes it. */
async function staleCutoff(): Promise<string> {
  return readTransaction(database, async (tx) => {
    const result = await tx.run(
      `RETURN toString(date({timezone: 'Europe/Helsinki'}) - duration({months: 6})) AS cutoff`,
    );
    return result.records[0]?.get('cutoff') as string;
  });
}

describe('data-health view', () => {
  it('asks anonymous visitors to sign in and shows them no header button for it', async () => {
    const page = await open('/');
    await page.getByRole('button', { name: 'Tutkijat' }).waitFor();
    expect(await page.getByRole('button', { name: 'Datan kunto' }).count()).toBe(0);
    await page.goto(`${appUrl}/?view=health`);
    await poll(() => page.getByRole('status').allTextContents()).toContainEqual(
      expect.stringContaining('kirjautuneille koordinaattoreille'),
    );
  });

  it('shows a coordinator the problems, opens a line and a station on the map, and passes axe', async () => {
    const page = await open('/', await sessionOf('coordinator'));
    const button = page.getByRole('button', { name: 'Datan kunto' });
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await poll(() => new URL(page.url()).searchParams.get('view')).toBe('health');

    const health = page.getByTestId('data-health');
    await health.getByTestId('health-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 2, name: 'Datan kunto' }).count()).toBe(1);

    // The problem the test made: L10 has no coordinator now.
    const coordinators = health.getByTestId('health-coordinator');
    const line = coordinators.getByRole('button', { name: new RegExp(`^${LINE}\\b`) });
    expect(await line.count()).toBe(1);

    // The seed's stale cards, as many as Cypher counts.
    const stale = await staleCardCount(await staleCutoff());
    expect(stale).toBeGreaterThan(0);
    const staleSection = health.getByTestId('health-stale');
    expect(await staleSection.locator('li').count()).toBe(stale);
    expect(await staleSection.getByRole('heading', { level: 3 }).textContent()).toContain(
      `(${stale})`,
    );

    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}data-health.png` });

    // Swedish and English too.
    await page.getByLabel('Kieli').selectOption('sv');
    await poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toContain(
      'Datans kvalitet',
    );
    await page.getByLabel('Språk').selectOption('en');
    await poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toContain(
      'Data health',
    );
    await page.getByLabel('Language').selectOption('fi');

    // The line opens on the map, focused; keyboard only.
    await line.focus();
    await page.keyboard.press('Enter');
    await poll(() => new URL(page.url()).searchParams.get('view')).toBe('map');
    expect(new URL(page.url()).searchParams.get('line')).toBe(LINE);

    // Back to the view; a stale card opens its station's card on the map.
    await page.goBack();
    await poll(() => new URL(page.url()).searchParams.get('view')).toBe('health');
    const first = page
      .getByTestId('health-stale')
      .getByRole('listitem')
      .first()
      .getByRole('button');
    const name = (await first.textContent())?.trim();
    await first.click();
    await poll(() => new URL(page.url()).searchParams.get('view')).toBe('map');
    expect(new URL(page.url()).searchParams.get('station')).not.toBeNull();
    await poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toContain(name);
  });

  it('tells a researcher that the role does not allow it', async () => {
    const page = await open('/?view=health', await sessionOf('researcher'));
    await poll(() => page.getByRole('status').allTextContents()).toContainEqual(
      expect.stringContaining('Roolisi ei salli'),
    );
  });
});
