/**
 * The overlay layers in real Chromium over the seeded database: research partners and the VIP
 * networks are off by default, switch on from the keyboard, show on the map and in the list view
 * (which partner informs which line), live in the URL, and pass axe-core with the layers on.
 * Screenshots are saved under test-results/metro-map/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BADGE_FONT } from '../../web/src/lib/map-elements.ts';
import { badgeScale } from '../../web/src/lib/map-style.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';

const appUrl = inject('appUrl');
const SHOTS = fileURLToPath(new URL('../../test-results/metro-map/', import.meta.url));
const MAP = '[data-testid="metro-map"]';

interface Partner {
  name: string;
  lineCodes: Set<string>;
}

let browser: Browser;
let context: BrowserContext | undefined;
/** Research partners by id, from the API: the partner of each project and its lines. */
const partners = new Map<string, Partner>();
let vipNetworks: Array<{ id: string; name: string; lines: Array<{ code: string }> }> = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  const response = await fetch(`${appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ researchProjects { organisation { id name } lines { code } }
                vipNetworks { id name lines { code } } }`,
    }),
  });
  const { data } = (await response.json()) as {
    data: {
      researchProjects: Array<{
        organisation: { id: string; name: string } | null;
        lines: Array<{ code: string }>;
      }>;
      vipNetworks: typeof vipNetworks;
    };
  };
  for (const project of data.researchProjects) {
    if (project.organisation) {
      const partner = partners.get(project.organisation.id) ?? {
        name: project.organisation.name,
        lineCodes: new Set<string>(),
      };
      for (const line of project.lines) {
        partner.lineCodes.add(line.code);
      }
      partners.set(project.organisation.id, partner);
    }
  }
  vipNetworks = data.vipNetworks;
  expect(partners.size).toBeGreaterThan(0);
  expect(vipNetworks.length).toBeGreaterThan(0);
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
  context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    reducedMotion: 'reduce',
    ...options,
  });
  const page = await context.newPage();
  await page.goto(`${appUrl}${path}`);
  return page;
}

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

async function mapReady(page: Page): Promise<void> {
  await page.locator(`${MAP}[data-ready="true"]`).waitFor();
}

function overlayCount(page: Page): Promise<string | null> {
  return page.getAttribute(MAP, 'data-overlay-count');
}

function layersParam(page: Page): string | null {
  return new URL(page.url()).searchParams.get('layers');
}

describe('overlay layers', () => {
  it('are off by default: nothing drawn, nothing in the list view', async () => {
    const page = await open('/');
    await mapReady(page);
    const group = page.getByRole('group', { name: 'Tasot' });
    expect(await group.getByRole('checkbox', { name: 'Tutkimuskumppanit' }).isChecked()).toBe(
      false,
    );
    expect(await group.getByRole('checkbox', { name: 'VIP-verkostot' }).isChecked()).toBe(false);
    expect(await overlayCount(page)).toBe('0');
    expect(layersParam(page)).toBeNull();
    // Every line's code badge is legible at the default zoom: 11 px or more on screen.
    const zoom = Number(await page.getAttribute(MAP, 'data-zoom'));
    expect(BADGE_FONT * badgeScale(zoom) * zoom).toBeGreaterThanOrEqual(11);
    await page.screenshot({ path: `${SHOTS}default-zoom-badges.png` });

    await page.getByRole('button', { name: 'Lista' }).click();
    await page.getByTestId('list-view').waitFor();
    expect(await page.getByRole('heading', { name: 'Tutkimuskumppanit' }).count()).toBe(0);
    expect(await page.locator('.layer-note').count()).toBe(0);
  });

  it('switch on from the keyboard: partners on the map and in the list view, in the URL', async () => {
    const page = await open('/');
    await mapReady(page);
    const research = page.getByRole('checkbox', { name: 'Tutkimuskumppanit' });
    await research.focus();
    await page.keyboard.press('Space');
    await poll(() => layersParam(page)).toBe('research');
    await poll(() => overlayCount(page)).toBe(String(partners.size));
    await page.screenshot({ path: `${SHOTS}layers-research.png` });

    await page.getByRole('checkbox', { name: 'VIP-verkostot' }).focus();
    await page.keyboard.press('Space');
    await poll(() => layersParam(page)).toBe('research,vip');
    await poll(() => overlayCount(page)).toBe(String(partners.size + vipNetworks.length));
    await page.screenshot({ path: `${SHOTS}layers-research-vip.png` });

    // The list view says the same in words: every partner with the lines it informs, and on
    // each line the partners that inform it.
    await page.getByRole('button', { name: 'Lista' }).click();
    const section = page.locator('section.layer[data-layer="research"]');
    await section.getByRole('heading', { name: 'Tutkimuskumppanit' }).waitFor();
    for (const [id, partner] of partners) {
      const item = section.locator(`li[data-item-id="${id}"]`);
      expect(await item.locator('.item-name').textContent()).toBe(partner.name);
      const codes = await item.locator('.item-lines .badge').allTextContents();
      expect(new Set(codes.map((code) => code.trim()))).toEqual(partner.lineCodes);
    }
    const some = [...partners.values()][0] as Partner;
    const someLine = [...some.lineCodes][0] as string;
    expect(
      await page
        .locator(`section.line[data-line-code="${someLine}"] .layer-note[data-layer="research"]`)
        .textContent(),
    ).toContain(some.name);
    const vipSection = page.locator('section.layer[data-layer="vip"]');
    for (const network of vipNetworks) {
      expect(
        await vipSection.locator(`li[data-item-id="${network.id}"] .item-name`).textContent(),
      ).toBe(network.name);
    }

    // Back steps to the list without VIP, then to the map without VIP.
    await page.goBack();
    await poll(() => layersParam(page)).toBe('research,vip');
    await page.goBack();
    await poll(() => layersParam(page)).toBe('research');
    await mapReady(page);
    await poll(() => overlayCount(page)).toBe(String(partners.size));
    expect(await page.getByRole('checkbox', { name: 'VIP-verkostot' }).isChecked()).toBe(false);
  });

  it('are restored from a shared URL, in the chosen language', async () => {
    const page = await open('/?lang=sv&layers=research,vip');
    await mapReady(page);
    expect(await page.getByRole('checkbox', { name: 'Forskningspartner' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'VIP-nätverk' }).isChecked()).toBe(true);
    await poll(() => overlayCount(page)).toBe(String(partners.size + vipNetworks.length));
  });
});

describe('accessibility with the layers on (axe-core, WCAG 2.1 A and AA)', () => {
  it('finds no violation on the map page nor in the list view', async () => {
    const page = await open('/?layers=research,vip', { bypassCSP: true });
    await mapReady(page);
    await poll(() => overlayCount(page)).toBe(String(partners.size + vipNetworks.length));
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Lista' }).click();
    await page.locator('section.layer[data-layer="vip"]').waitFor();
    await page.locator('section.layer details summary').first().click();
    expect(await axeViolations(page)).toEqual([]);
  });
});
