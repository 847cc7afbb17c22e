/**
 * The metro map in real Chromium over the seeded database: drawing, legend, station card,
 * search, languages, list view, URL state, error state and WCAG 2.1 AA checks with axe-core.
 * Screenshots are saved under test-results/metro-map/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';

const appUrl = inject('appUrl');
const SHOTS = fileURLToPath(new URL('../../test-results/metro-map/', import.meta.url));
const MAP = '[data-testid="metro-map"]';

interface ApiMap {
  lines: Array<{ code: string; name: string; color: string }>;
  stations: Array<{
    id: string;
    label: string;
    kind: string;
    lineCodes: string[];
    interchange: boolean;
    awayUntil: string | null;
  }>;
  segments: Array<{ lineCode: string; from: string; to: string }>;
}

async function api<T>(query: string): Promise<T> {
  const response = await fetch(`${appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: T };
  return body.data;
}

let browser: Browser;
let context: BrowserContext | undefined;
let network: ApiMap;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  network = (
    await api<{ networkMap: ApiMap }>(`{ networkMap {
      lines { code name color }
      stations { id label kind lineCodes interchange awayUntil }
      segments { lineCode from to } } }`)
  ).networkMap;
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
});

async function open(
  path = '/',
  viewport = { width: 1366, height: 860 },
  options: { bypassCSP?: boolean } = {},
): Promise<Page> {
  context = await browser.newContext({ viewport, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  await page.goto(`${appUrl}${path}`);
  return page;
}

async function mapReady(page: Page): Promise<void> {
  await page.locator(`${MAP}[data-ready="true"]`).waitFor();
}

async function mapAttribute(page: Page, name: string): Promise<string | null> {
  return page.getAttribute(MAP, `data-${name}`);
}

/** Polls until the page catches up: the machine running the tests may be busy. */
function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png` });
}

/** The line codes of a station: the card's lines, from the API. */
function linesOf(stationId: string): string[] {
  return network.stations.find((station) => station.id === stationId)?.lineCodes ?? [];
}

describe('the metro map', () => {
  it('draws every station, segment and line badge of the seeded network', async () => {
    const page = await open();
    await mapReady(page);
    expect(Number(await mapAttribute(page, 'station-count'))).toBe(network.stations.length);
    expect(Number(await mapAttribute(page, 'segment-count'))).toBe(network.segments.length);
    expect(Number(await mapAttribute(page, 'badge-count'))).toBe(network.lines.length * 2);
    expect(Number(await mapAttribute(page, 'visible-station-count'))).toBe(network.stations.length);
    expect(await page.locator(`${MAP} canvas`).count()).toBeGreaterThan(0);
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    await screenshot(page, 'map');
  });

  it('focuses a line and hides one from the legend, and shows notices from the data', async () => {
    const page = await open();
    await mapReady(page);
    const l3 = page.locator('[data-line-code="L3"]').getByRole('button');
    await l3.click();
    expect(await l3.getAttribute('aria-pressed')).toBe('true');
    const others = network.segments.filter((segment) => segment.lineCode !== 'L3').length;
    await poll(() => mapAttribute(page, 'faded-segment-count')).toBe(String(others));
    expect(query(page).get('line')).toBe('L3');
    await poll(() =>
      page.locator('section[aria-labelledby="legend-heading"] [role="status"]').textContent(),
    ).toContain('L3');
    await screenshot(page, 'focused-line');

    await page.getByRole('checkbox', { name: 'Näytä linja L5' }).uncheck();
    const stillVisible = network.stations.filter((station) =>
      station.lineCodes.some((code) => code !== 'L5'),
    ).length;
    await poll(() => mapAttribute(page, 'visible-station-count')).toBe(String(stillVisible));
    const l5Segments = network.segments.filter((segment) => segment.lineCode === 'L5').length;
    expect(Number(await mapAttribute(page, 'visible-segment-count'))).toBe(
      network.segments.length - l5Segments,
    );
    await page.getByRole('button', { name: 'Näytä kaikki linjat' }).click();
    await poll(() => mapAttribute(page, 'visible-station-count')).toBe(
      String(network.stations.length),
    );

    for (const line of network.lines) {
      const away = network.stations.some(
        (station) => station.lineCodes.includes(line.code) && station.awayUntil !== null,
      );
      const notice = page.locator(`[data-line-code="${line.code}"] [data-notice]`);
      expect(await notice.count(), line.code).toBe(away ? 1 : 0);
      if (away) {
        expect(await notice.textContent()).toMatch(/Häiriö|Katvealue/);
      }
    }
  });

  it('zooms with the buttons and the keyboard shortcuts', async () => {
    const page = await open();
    await mapReady(page);
    const zoom = async () => Number(await mapAttribute(page, 'zoom'));
    const fitted = await zoom();
    await page.getByRole('button', { name: 'Lähennä' }).click();
    await poll(zoom).toBeGreaterThan(fitted);
    await page.locator('body').press('+');
    const zoomed = await zoom();
    expect(zoomed).toBeGreaterThan(fitted * 1.5);
    await page.locator('body').press('-');
    await poll(zoom).toBeLessThan(zoomed);
    await page.locator('body').press('0');
    await poll(zoom).toBeCloseTo(fitted, 1);
    await page.locator('body').press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.getByRole('button', { name: 'Pikanäppäimet' }).click();
    expect(await page.locator('#help-panel').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('#help-panel').isVisible()).toBe(false);
  });

  it('finds a station by search, highlights and centres it, and opens its card', async () => {
    const target = network.stations.find(
      (station) => station.kind === 'EXPERT' && station.interchange,
    );
    if (!target) {
      throw new Error('the seed has no expert interchange');
    }
    const page = await open();
    await mapReady(page);
    const input = page.getByRole('combobox', { name: 'Hae asiantuntijaa, yksikköä tai linjaa' });
    await input.fill(target.label);
    const option = page.getByRole('option').filter({ hasText: target.label }).first();
    await option.waitFor();
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'search-suggestions');
    const options = await page
      .getByRole('option')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-hit-id')));
    for (let step = 0; step <= options.indexOf(target.id); step++) {
      await input.press('ArrowDown');
    }
    expect(await input.getAttribute('aria-activedescendant')).toMatch(/^search-option-/);
    await input.press('Enter');

    const card = page.getByTestId('station-card');
    await poll(() => card.getAttribute('data-status')).toBe('ready');
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(target.label);
    await poll(() => mapAttribute(page, 'highlighted-station')).toBe(target.id);
    await poll(() => mapAttribute(page, 'centred-on')).toBe(target.id);
    expect(query(page).get('station')).toBe(target.id);
    await screenshot(page, 'search-highlight');

    // The station now sits in the middle of the uncovered part of the map: a click there on
    // the canvas opens its card again after it is closed.
    await page.waitForTimeout(300);
    const box = await page.locator(MAP).boundingBox();
    const cardBox = await card.boundingBox();
    if (!box || !cardBox) {
      throw new Error('no map or card on the page');
    }
    await card.getByRole('button', { name: 'Sulje asemakortti' }).click();
    expect(await card.count()).toBe(0);
    await page.mouse.click(box.x + (box.width - cardBox.width) / 2, box.y + box.height / 2);
    await poll(() => page.getByTestId('station-card').getAttribute('data-station-id')).toBe(
      target.id,
    );
  });

  it('focuses a line chosen in the search', async () => {
    const page = await open();
    await mapReady(page);
    const input = page.getByRole('combobox', { name: 'Hae asiantuntijaa, yksikköä tai linjaa' });
    await input.fill('kunniaväkivallasta');
    const option = page.getByRole('option').filter({ hasText: 'Maahanmuuttaja' });
    await option.waitFor();
    await option.click();
    await poll(() => query(page).get('line')).toBe('L8');
    expect(
      await page.locator('[data-line-code="L8"]').getByRole('button').getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('shows the right data on a station card opened from the list view', async () => {
    const target = network.stations.find((station) => station.lineCodes.length >= 2);
    if (!target) {
      throw new Error('the seed has no interchange');
    }
    const { station } = await api<{
      station: {
        name: string;
        title: string;
        organisation: { name: string } | null;
        lines: Array<{ code: string }>;
        channels: string[];
      };
    }>(`{ station(id: "${target.id}") { name organisation { name } lines { code } channels
          ... on Expert { title } } }`);
    const page = await open('/?view=list');
    await page.getByTestId('list-view').waitFor();
    await page.locator(`[data-station-id="${target.id}"]`).first().click();
    const card = page.getByTestId('station-card');
    await poll(() => card.getAttribute('data-status')).toBe('ready');
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(station.name);
    const text = (await card.textContent()) ?? '';
    if (station.title) {
      expect(text).toContain(station.title);
    }
    if (station.organisation) {
      expect(text).toContain(station.organisation.name);
    }
    expect(
      await card
        .locator('.card-lines [data-line-code]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-line-code'))),
    ).toEqual(station.lines.map((line) => line.code));
    expect(linesOf(target.id)).toEqual(station.lines.map((line) => line.code));
    expect(text).toContain('Konsultaatio-ohjeet');
    expect(text).toContain('Vaihtoasema');
    await screenshot(page, 'station-card-list');
  });

  it('switches language: UI texts, line names, html lang and the URL', async () => {
    const { lines: swedish } = await api<{ lines: Array<{ code: string; name: string }> }>(
      '{ lines { code name(lang: SV) } }',
    );
    const page = await open();
    await mapReady(page);
    await page.getByLabel('Kieli').selectOption('sv');
    await poll(() => page.getAttribute('html', 'lang')).toBe('sv');
    const l9 = swedish.find((line) => line.code === 'L9')?.name ?? '';
    await poll(() => page.locator('[data-line-code="L9"] .name').textContent()).toBe(l9);
    expect(await page.locator('#legend-heading').textContent()).toBe('Linjer');
    expect(query(page).get('lang')).toBe('sv');
    await page.getByLabel('Språk').selectOption('en');
    await poll(() => page.locator('#legend-heading').textContent()).toBe('Lines');
    expect(await page.getByRole('button', { name: 'Zoom in' }).count()).toBe(1);
    await screenshot(page, 'english');
  });

  it('works with the keyboard alone in the list view', async () => {
    const page = await open('/?view=list');
    await page.getByTestId('list-view').waitFor();
    let focused = '';
    for (let presses = 0; presses < 40 && !focused; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () => document.activeElement?.getAttribute('data-station-id') ?? '',
      );
    }
    const first = network.segments.find((segment) => segment.lineCode === 'L1')?.from;
    expect(focused).toBe(first);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() =>
      document.activeElement?.getAttribute('data-station-id'),
    );
    expect(second).toBe(network.segments.find((segment) => segment.lineCode === 'L1')?.to);
    await page.keyboard.press('Enter');
    const card = page.getByTestId('station-card');
    await poll(() => card.getAttribute('data-station-id')).toBe(second);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('station-card-title');
    await page.keyboard.press('Escape');
    expect(await card.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-station-id'))).toBe(
      second,
    );
    const interchanges = page.locator('.list-view li.interchange');
    expect(await interchanges.count()).toBeGreaterThan(0);
    expect(await interchanges.first().textContent()).toMatch(/Vaihtoasema/);
    await screenshot(page, 'list-view');
  });

  it('restores a shared view from the URL, and the back button steps back', async () => {
    const target = network.stations.find((station) => station.lineCodes.includes('L8'));
    if (!target) {
      throw new Error('L8 has no stations');
    }
    const page = await open(`/?lang=en&line=L8&station=${target.id}&layers=vip`);
    await mapReady(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(
      await page.locator('[data-line-code="L8"]').getByRole('button').getAttribute('aria-pressed'),
    ).toBe('true');
    await poll(() => page.getByTestId('station-card').getAttribute('data-status')).toBe('ready');
    expect(
      await page.getByTestId('station-card').getByRole('heading', { level: 2 }).textContent(),
    ).toBe(target.label);
    expect(await page.getByRole('checkbox', { name: 'VIP networks' }).isChecked()).toBe(true);
    await poll(() => mapAttribute(page, 'overlay-count')).not.toBe('0');
    await screenshot(page, 'shared-view');

    await page.locator('[data-line-code="L2"]').getByRole('button').click();
    await poll(() => query(page).get('line')).toBe('L2');
    await page.goBack();
    await poll(() => query(page).get('line')).toBe('L8');
    expect(
      await page.locator('[data-line-code="L8"]').getByRole('button').getAttribute('aria-pressed'),
    ).toBe('true');
    // Nothing but the view is ever in the URL.
    expect([...query(page).keys()].sort()).toEqual(['lang', 'layers', 'line', 'station']);
  });

  it('opens the list view first on a narrow screen', async () => {
    const page = await open('/', { width: 390, height: 844 });
    await page.getByTestId('list-view').waitFor();
    expect(await page.locator(MAP).count()).toBe(0);
    expect(query(page).has('view')).toBe(false);
    await screenshot(page, 'narrow');
  });

  it('says clearly when the database is down, and retries', async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    const page = await context.newPage();
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [
            {
              message: 'The database is not available.',
              extensions: { code: 'DATABASE_UNAVAILABLE' },
            },
          ],
        }),
      }),
    );
    await page.goto(appUrl);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tietokanta ei ole juuri nyt käytettävissä');
    await screenshot(page, 'database-down');
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: 'Yritä uudelleen' }).click();
    await mapReady(page);
    expect(Number(await mapAttribute(page, 'station-count'))).toBe(network.stations.length);

    // The server goes away after the map is drawn: a language switch keeps the map and says so.
    await page.route('**/graphql', (route) => route.abort());
    await page.getByLabel('Kieli').selectOption('sv');
    await poll(() => page.getByRole('alert').textContent()).toContain('Ingen kontakt med servern');
    expect(await page.locator(`${MAP}[data-ready="true"]`).count()).toBe(1);
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: 'Försök igen' }).click();
    await poll(() => page.getByRole('alert').count()).toBe(0);
  });
});

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  const AXE = { bypassCSP: true };

  it('finds no violation on the map page', async () => {
    const page = await open('/', undefined, AXE);
    await mapReady(page);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('finds no violation in the list view', async () => {
    const page = await open('/?view=list', undefined, AXE);
    await page.getByTestId('list-view').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('finds no violation with a station card open, nor with the help and suggestions open', async () => {
    const target =
      network.stations.find((station) => station.awayUntil !== null) ?? network.stations[0];
    const page = await open(`/?station=${target?.id}`, undefined, AXE);
    await mapReady(page);
    await poll(() => page.getByTestId('station-card').getAttribute('data-status')).toBe('ready');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'station-card-map');

    await page.getByRole('button', { name: 'Pikanäppäimet' }).click();
    await page
      .getByRole('combobox', { name: 'Hae asiantuntijaa, yksikköä tai linjaa' })
      .fill('Heikki');
    await page.getByRole('option').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
