/**
 * Signing in with the organisation account in real Chromium: the sign-in dialog offers it when
 * the installation has an identity provider, the browser goes through a real OpenID provider's
 * pages (oidc-provider's development sign-in form) and comes back signed in to the view it left;
 * cancelling there brings it back with the reason in the dialog.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '../../neo4j/local-neo4j.ts';
import { loadConfig, oidcSettings } from '../../server/src/config.ts';
import type { Database } from '../../server/src/database/neo4j-driver.ts';
import { type App, createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import {
  clientSecretOf,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../support/test-identity-provider.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const webRoot = fileURLToPath(new URL('../../dist/e2e-web', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-results/metro-map/', import.meta.url));
const run = randomBytes(4).toString('hex');
const login = `tutkija-${run}`;
const email = `tutkija-${run}@oidc.example.fi`;

let browser: Browser;
let context: BrowserContext | undefined;
let database: Database;
let identityProvider: TestIdentityProvider;
let app: App;
let appUrl: string;

beforeAll(async () => {
  database = connectTestDatabase(inject('neo4jUri'));
  const port = await findFreePort();
  appUrl = `http://127.0.0.1:${port}`;
  identityProvider = await startTestIdentityProvider([
    { clientId: 'metrokartta', redirectUri: `${appUrl}/auth/oidc/callback` },
  ]);
  identityProvider.people.set(login, { email, email_verified: true, roles: ['researcher'] });
  const config = loadConfig({
    OIDC_ISSUER: identityProvider.issuer,
    OIDC_CLIENT_ID: 'metrokartta',
    OIDC_CLIENT_SECRET: clientSecretOf('metrokartta'),
    PUBLIC_URL: appUrl,
  });
  app = createApp({
    database,
    logger: createLogger('silent'),
    webRoot,
    auth: { oidc: oidcSettings(config) },
  });
  await new Promise<void>((listening) => app.server.listen(port, '127.0.0.1', listening));
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  app?.server.closeAllConnections();
  await new Promise<void>((closed) => (app ? app.server.close(() => closed()) : closed()));
  await identityProvider?.close();
  await database?.driver.executeQuery(
    'MATCH (a:Account {email: $email}) DETACH DELETE a',
    { email },
    { database: database.name },
  );
  await database?.driver.close();
});

async function open(path: string): Promise<Page> {
  context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${appUrl}${path}`);
  return page;
}

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Kirjaudu sisään' });
  await dialog.waitFor();
  return dialog;
}

describe('signing in with the organisation account', () => {
  it('goes through the identity provider and back to the same view, signed in', async () => {
    const page = await open('/?line=L3');
    const dialog = await openDialog(page);
    const button = dialog.getByRole('link', { name: 'Kirjaudu organisaation tunnuksilla' });
    await button.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await dialog.screenshot({ path: `${SHOTS}organisation-sign-in-dialog.png` });

    await button.click();
    // The identity provider's own pages: any login name and password, then consent.
    await page.waitForURL(`${identityProvider.issuer}/**`);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${appUrl}/?line=L3`);
    const who = page.getByTestId('signed-in-as');
    await who.waitFor();
    expect(await who.textContent()).toContain(email);
    expect(await who.textContent()).toContain('tutkija');
  });

  it('comes back with the reason when the user cancels at the identity provider', async () => {
    const page = await open('/?lang=sv');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Logga in' });
    await dialog.getByRole('link', { name: 'Logga in med organisationens konto' }).click();
    await page.waitForURL(`${identityProvider.issuer}/interaction/**`);
    // The development sign-in page has no cancel button; its abort address is what one does.
    await page.goto(`${new URL(page.url()).href.replace(/\/$/, '')}/abort`);

    await page.waitForURL(`${appUrl}/?lang=sv`);
    const reopened = page.getByRole('dialog', { name: 'Logga in' });
    await reopened.waitFor();
    expect(await reopened.getByRole('alert').textContent()).toContain(
      'Inloggningen med organisationens konto avbröts.',
    );
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    await reopened.screenshot({ path: `${SHOTS}organisation-sign-in-cancelled.png` });
    expect(await axeViolations(page)).toEqual([]);
  });
});
