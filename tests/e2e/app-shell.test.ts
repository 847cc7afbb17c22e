/**
 * A worker opens the app: the legend lists the ten lines from Neo4j, with codes and colours, in
 * three languages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(inject('appUrl'));
});

afterAll(async () => {
  await browser?.close();
});

describe('app shell', () => {
  it('shows the ten lines with their codes, names and colours, in Finnish', async () => {
    const items = page.locator('.legend [data-line-code]');
    await items.first().waitFor();
    expect(await items.count()).toBe(10);
    const codes = await items.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-line-code')),
    );
    expect(codes).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'L10']);
    const l8 = page.locator('[data-line-code="L8"]');
    expect(await l8.textContent()).toMatch(/L8.*Maahanmuuttaja/s);
    const badgeColour = await l8
      .locator('.badge')
      .evaluate((badge) => getComputedStyle(badge).backgroundColor);
    expect(badgeColour).toMatch(/^rgb\(/);
    expect(badgeColour).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
  });

  it('switches to Swedish and English from the keyboard-usable language menu', async () => {
    const finnishName = await page.locator('[data-line-code="L9"] .name').textContent();
    await page.getByLabel('Kieli').selectOption('sv');
    await expect
      .poll(() => page.locator('[data-line-code="L9"] .name').textContent())
      .not.toBe(finnishName);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.getByLabel('Språk').selectOption('en');
    await expect.poll(() => page.locator('#legend-heading').textContent()).toBe('Lines');
  });
});
