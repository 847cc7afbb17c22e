/** Debian's Chromium, driven by playwright-core (a test tool's own browser download fails here). */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not at ${path}. Install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/** Signs in through the header's "Kirjaudu" dialog (Finnish UI) and waits until it took. */
export async function signInThroughDialog(
  page: Page,
  email: string,
  password: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Kirjaudu sisään' });
  await dialog.getByLabel('Sähköposti').fill(email);
  await dialog.getByLabel('Salasana').fill(password);
  await dialog.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

/**
 * A new browser context and page at `url`, as the browser tests open the app: desktop size,
 * reduced motion, CSP bypassed for axe, and the session cookie when a session id is given.
 */
export async function openAppPage(
  browser: Browser,
  url: string,
  options: { sessionId?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 900 },
    reducedMotion: 'reduce',
    bypassCSP: true,
  });
  if (options.sessionId) {
    await context.addCookies([
      { name: 'metro_session', value: options.sessionId, url: new URL(url).origin },
    ]);
  }
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}
