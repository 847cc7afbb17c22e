/**
 * The consultation journey planner in real Chromium over the seeded database: a worker describes
 * a case, gets itineraries with reasons, sees the emergency notice first when it is acute, opens
 * a route on the map and shares the non-personal profile. The description never reaches the URL,
 * browser storage or the console (checked with a marker word), and axe-core finds no WCAG 2.1
 * A/AA violations. Screenshots are saved under test-results/route-planner/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';

const appUrl = inject('appUrl');
const SHOTS = fileURLToPath(new URL('../../test-results/route-planner/', import.meta.url));
/** A word no UI text or data holds: wherever it turns up, the description leaked there. */
const MARKER = 'Kvarkkiomena';
const DESCRIPTION = `Perheessä epäillään kunniaväkivaltaa ja tyttöä uhkaa pakkoavioliitto. ${MARKER}`;

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
});

interface Traces {
  console: string[];
  requestUrls: string[];
}

/** Opens the app; `bypassCSP` lets axe-core be injected (the app's CSP rightly refuses it). */
async function open(path = '/', viewport = { width: 1366, height: 900 }): Promise<[Page, Traces]> {
  context = await browser.newContext({ viewport, reducedMotion: 'reduce', bypassCSP: true });
  const page = await context.newPage();
  const traces: Traces = { console: [], requestUrls: [] };
  page.on('console', (message) => traces.console.push(message.text()));
  page.on('request', (request) => traces.requestUrls.push(request.url()));
  await page.goto(`${appUrl}${path}`);
  return [page, traces];
}

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

async function storage(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify([{ ...window.localStorage }, { ...window.sessionStorage }, document.cookie]),
  );
}

/** Asserts that the marker word is nowhere the browser keeps or shows outside the form. */
async function expectNoLeak(page: Page, traces: Traces): Promise<void> {
  expect(decodeURIComponent(page.url())).not.toContain(MARKER);
  expect(await page.evaluate(() => decodeURIComponent(window.location.href))).not.toContain(MARKER);
  expect(await storage(page)).not.toContain(MARKER);
  expect(traces.console.join('\n')).not.toContain(MARKER);
  expect(decodeURIComponent(traces.requestUrls.join('\n'))).not.toContain(MARKER);
  const history = await page.evaluate(() => JSON.stringify(window.history.state));
  expect(history ?? '').not.toContain(MARKER);
}

async function openPlanner(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Konsultaatioreitti' }).click();
  await page.getByLabel('Kuvaa huoli').waitFor();
  // The municipalities arrive with the lines.
  await poll(() => page.locator('#route-municipality option').count()).toBeGreaterThan(10);
}

describe('consultation journey planner', () => {
  it('routes an acute honour-violence case to L8, emergency notice first, without leaking it', async () => {
    const [page, traces] = await open('/');
    await openPlanner(page);
    expect(new URL(page.url()).searchParams.get('view')).toBe('route');

    const textarea = page.getByLabel('Kuvaa huoli');
    expect(await textarea.getAttribute('autocomplete')).toBe('off');
    expect(await textarea.getAttribute('spellcheck')).toBeNull();
    expect(await textarea.getAttribute('name')).toBeNull();
    await poll(() => page.locator('#route-privacy').textContent()).toContain(
      'Älä kirjoita nimiä, henkilötunnuksia',
    );

    await textarea.fill(DESCRIPTION);
    await page.getByLabel('Kunta, jossa työskentelet').selectOption({ label: 'Tampere' });
    await page.getByLabel('Akuutti: joku voi olla vaarassa nyt').check();
    await page.getByRole('checkbox', { name: /arabia/i }).check();
    await page.getByRole('group', { name: 'Lapsen ikä' }).getByLabel('13-17 v').check();
    await page
      .getByRole('group', { name: 'Tietääkö perhe konsultaatiosta?' })
      .getByLabel('Ei', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Hae reitti' }).click();

    const emergency = page.getByTestId('route-emergency');
    await emergency.waitFor();
    expect(await emergency.getAttribute('role')).toBe('alert');
    expect(await emergency.textContent()).toContain('112');
    const itineraries = page.getByTestId('itinerary');
    await itineraries.first().waitFor();
    const count = await itineraries.count();
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(3);
    // The emergency notice comes before every itinerary, in reading order.
    const noticeFirst = await page.evaluate(() => {
      const notice = document.querySelector('[data-testid="route-emergency"]');
      const first = document.querySelector('[data-testid="itinerary"]');
      return Boolean(
        notice && first && notice.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expect(noticeFirst).toBe(true);
    // Focus moved to the notice: a keyboard or screen-reader user meets it first.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'route-emergency',
    );

    const matched = page.getByTestId('route-matched-lines');
    expect((await matched.locator('li').first().textContent())?.trim()).toMatch(/^L8/);
    expect(await matched.textContent()).toMatch(/kunniaväkivalta|pakkoavioliitto/i);
    const firstStop = itineraries.first().locator('.stop').first();
    expect((await firstStop.locator('.badge').first().textContent())?.trim()).toBe('L8');
    expect(
      await itineraries.first().getByTestId('stop-reasons').first().locator('li').count(),
    ).toBeGreaterThan(0);
    expect(await itineraries.first().locator('.explanation').textContent()).not.toBe('');
    expect(await itineraries.first().locator('details.instructions').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('route-reminder-family').textContent()).toContain('anonyymisti');

    await expectNoLeak(page, traces);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}acute-results.png`, fullPage: true });
    await itineraries.first().locator('details.instructions summary').first().click();
    await itineraries.first().scrollIntoViewIfNeeded();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}itinerary-card.png` });

    // The share link holds the profile only.
    await page.getByRole('button', { name: 'Jaa reitti' }).click();
    const link = await page.getByLabel('Jaettava linkki').inputValue();
    const params = new URL(link).searchParams;
    expect(params.get('view')).toBe('route');
    expect(params.get('urgency')).toBe('ACUTE');
    expect(params.get('languages')).toBe('ar');
    expect(params.get('municipality')).toBe(
      await page.getByLabel('Kunta, jossa työskentelet').inputValue(),
    );
    expect(decodeURIComponent(link)).not.toContain(MARKER);
    expect([...params.keys()].sort()).toEqual(['languages', 'municipality', 'urgency', 'view']);

    // "Näytä kartalla": the map opens with L8 focused and the stops ringed.
    await itineraries.first().getByRole('button', { name: 'Näytä kartalla' }).click();
    const map = page.locator('[data-testid="metro-map"][data-ready="true"]');
    await map.waitFor();
    await poll(() => new URL(page.url()).searchParams.get('line')).toBe('L8');
    expect(new URL(page.url()).searchParams.get('view')).toBe('map');
    await poll(() => map.getAttribute('data-highlighted-station')).not.toBe('');
    expect(await page.getByText('Kohdistettu linja: L8').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}route-on-map.png` });
    await expectNoLeak(page, traces);

    // Back in the planner the description is gone; the result and profile stay.
    await page.getByRole('button', { name: 'Konsultaatioreitti' }).click();
    expect(await page.getByLabel('Kuvaa huoli').inputValue()).toBe('');
    expect(await page.getByTestId('itinerary').count()).toBe(count);
    expect(await page.evaluate(() => document.body.innerHTML)).not.toContain(MARKER);
  });

  it('opens a shared profile, explains an empty form and offers lines when nothing matches', async () => {
    const [page, traces] = await open('/?view=route&lines=L3&languages=ar&urgency=SOON&lang=fi');
    await page.getByLabel('Kuvaa huoli').waitFor();
    await poll(() => page.getByRole('checkbox', { name: /L3/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Pian: muutaman päivän sisällä').isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /arabia/i }).isChecked()).toBe(true);

    // Nothing to route on: the error is announced and focus goes to the description.
    await page.getByRole('checkbox', { name: /L3/ }).uncheck();
    await page.getByRole('button', { name: 'Hae reitti' }).click();
    const problem = page.locator('#route-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('role')).toBe('alert');
    expect(await page.getByLabel('Kuvaa huoli').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('route-text');

    // A description that names no line: the notice offers the lines to pick from.
    await page.getByLabel('Kuvaa huoli').fill(`Kysymys koulun ruokalistasta ${MARKER}`);
    await page.getByRole('button', { name: 'Hae reitti' }).click();
    const noMatch = page.getByTestId('route-no-match');
    await noMatch.waitFor();
    expect(await page.getByTestId('route-emergency').count()).toBe(0);
    await noMatch.getByRole('button', { name: /L3/ }).click();
    await page.getByTestId('itinerary').first().waitFor();
    expect(
      (await page.getByTestId('itinerary').first().locator('.badge').first().textContent())?.trim(),
    ).toBe('L3');
    await page.screenshot({ path: `${SHOTS}picked-line.png`, fullPage: true });

    // "Tyhjennä" forgets everything.
    await page.getByRole('button', { name: 'Tyhjennä' }).click();
    expect(await page.getByLabel('Kuvaa huoli').inputValue()).toBe('');
    expect(await page.getByTestId('itinerary').count()).toBe(0);
    await expectNoLeak(page, traces);
  });

  it('speaks Swedish and English', async () => {
    const [page] = await open('/?view=route&lang=sv');
    await page.getByRole('button', { name: 'Konsultationsrutt' }).waitFor();
    await page.getByLabel('Beskriv oron').fill('Hedersrelaterat våld och tvångsäktenskap');
    await page.getByRole('button', { name: 'Sök rutt' }).click();
    await page.getByTestId('itinerary').first().waitFor();
    expect((await page.getByTestId('route-matched-lines').textContent()) ?? '').toContain('L8');
    await page.getByRole('combobox', { name: /^Språk/ }).selectOption('en');
    await page.getByRole('button', { name: 'Consultation route' }).waitFor();
    await page.getByRole('heading', { name: 'Suggested routes' }).waitFor();
  });
});
