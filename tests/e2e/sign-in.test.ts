/**
 * Signing in through the web app in real Chromium: the header's "Kirjaudu" opens an accessible
 * form; signed in, the header says who and in which role, station cards show the experts'
 * contact details, and signing out takes them away. A wrong password gets one generic message,
 * too many failures the rate-limit message. Screenshots under test-results/metro-map/.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/src/database/neo4j-driver.ts';
import { AccountRepository } from '../../server/src/features/auth/account.repository.ts';
import { hashPassword } from '../../server/src/features/auth/password-hash.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const appUrl = inject('appUrl');
const SHOTS = fileURLToPath(new URL('../../test-results/metro-map/', import.meta.url));
const MAP = '[data-testid="metro-map"]';
const PASSWORD = `Kartta-${randomBytes(6).toString('hex')}`;

let browser: Browser;
let context: BrowserContext | undefined;
let database: Database;
let email: string;
/** An expert with contact details, and what they are (from the seeded graph). */
let expert: { id: string; label: string; email: string };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  database = connectTestDatabase(inject('neo4jUri'));
  email = `koordinaattori-${randomBytes(4).toString('hex')}@example.fi`;
  await new AccountRepository(database).create({
    email,
    role: 'coordinator',
    passwordHash: await hashPassword(PASSWORD),
    expertId: null,
    lineCodes: ['L1'],
  });
  const result = await database.driver.executeQuery(
    'MATCH (e:Expert) WHERE e.email IS NOT NULL AND NOT coalesce(e.publicCard, false) ' +
      'RETURN e.id AS id, e.email AS email ORDER BY e.id LIMIT 1',
    {},
    { database: database.name },
  );
  const row = result.records[0];
  if (!row) {
    throw new Error('the seeded graph has no expert with an e-mail address');
  }
  const response = await fetch(`${appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query ($id: ID!) { station(id: $id) { name contact { email } } }',
      variables: { id: row.get('id') },
    }),
  });
  const { data } = (await response.json()) as {
    data: { station: { name: string; contact: { email: string } | null } };
  };
  // Anonymous callers get no contact details: that is what signing in changes.
  expect(data.station.contact).toBeNull();
  expert = { id: row.get('id'), label: data.station.name, email: row.get('email') };
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  await database?.driver.close();
});

async function open(
  path: string,
  viewport = { width: 1280, height: 800 },
  options: { bypassCSP?: boolean } = {},
): Promise<Page> {
  context = await browser.newContext({ viewport, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  await page.goto(`${appUrl}${path}`);
  return page;
}

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

async function cardReady(page: Page): Promise<void> {
  await poll(() => page.getByTestId('station-card').getAttribute('data-status')).toBe('ready');
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Kirjaudu sisään' });
  await dialog.waitFor();
  await dialog.getByLabel('Sähköposti').fill(email);
  await dialog.getByLabel('Salasana').fill(password);
  await dialog.getByRole('button', { name: 'Kirjaudu sisään' }).click();
}

describe('signing in', () => {
  it('shows contact details on a card once signed in, and not after signing out', async () => {
    const page = await open(`/?station=${expert.id}`);
    await page.locator(`${MAP}[data-ready="true"]`).waitFor();
    await cardReady(page);
    const card = page.getByTestId('station-card');
    expect(await card.getByTestId('contact-hidden').textContent()).toContain('vain kirjautuneille');
    expect(await card.getByRole('link', { name: expert.email }).count()).toBe(0);

    await signIn(page, PASSWORD);
    const who = page.getByTestId('signed-in-as');
    await who.waitFor();
    expect(await who.textContent()).toContain(email);
    expect(await who.textContent()).toContain('koordinaattori');
    // The form closed and focus went to the sign-out button.
    expect(await page.getByRole('dialog').count()).toBe(0);
    await poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')).toBe(
      'Kirjaudu ulos',
    );
    await card.getByRole('link', { name: expert.email }).waitFor();

    // The header stays on one row at 1280 px, signed in.
    const header = await page.locator('header.topbar').boundingBox();
    const brand = await page.locator('header .brand').boundingBox();
    const account = await page.getByTestId('account').boundingBox();
    expect(header && brand && account).toBeTruthy();
    expect(
      Math.abs(
        (account?.y ?? 0) +
          (account?.height ?? 0) / 2 -
          ((brand?.y ?? 0) + (brand?.height ?? 0) / 2),
      ),
    ).toBeLessThan(12);
    // One row: the account area starts above the brand's bottom edge, not on a second row.
    expect(account?.y ?? 999).toBeLessThan((brand?.y ?? 0) + (brand?.height ?? 0));
    expect(header?.height ?? 999).toBeLessThan(100);
    await page.screenshot({ path: `${SHOTS}signed-in-card.png` });

    // Reading more after a reload: the session is still there, requests carry its CSRF token.
    await page.reload();
    await page.locator(`${MAP}[data-ready="true"]`).waitFor();
    await cardReady(page);
    await page.getByTestId('station-card').getByRole('link', { name: expert.email }).waitFor();

    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await page.getByRole('button', { name: 'Kirjaudu', exact: true }).waitFor();
    await poll(() =>
      page.getByTestId('station-card').getByRole('link', { name: expert.email }).count(),
    ).toBe(0);
    expect(await page.getByTestId('contact-hidden').count()).toBe(1);
  });

  it('says one generic thing about a wrong password, and keeps the form accessible', async () => {
    const page = await open('/', { width: 1280, height: 800 }, { bypassCSP: true });
    await page.locator(`${MAP}[data-ready="true"]`).waitFor();
    await signIn(page, 'väärä-salasana-123');
    const alert = page.getByRole('dialog').getByRole('alert');
    await poll(() => alert.textContent()).toContain('Sähköposti tai salasana on väärin.');
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    expect(await page.getByRole('dialog').getByLabel('Salasana').inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}sign-in-wrong-password.png` });
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').count()).toBe(0);
  });
});
