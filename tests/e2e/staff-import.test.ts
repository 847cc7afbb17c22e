/**
 * Importing a staff list from the web app in real Chromium, as a line coordinator: a preview
 * with a bad row shows the row's problem and allows no import; the fixed list imports in one
 * change that puts the experts on the line, and undoing it removes them again. Checked in the
 * graph itself (Neo4j), and with axe.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/src/database/neo4j-driver.ts';
import { AccountRepository } from '../../server/src/features/auth/account.repository.ts';
import { hashPassword } from '../../server/src/features/auth/password-hash.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium, signInThroughDialog } from '../support/browser.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const appUrl = inject('appUrl');
const PASSWORD = `Kartta-${randomBytes(6).toString('hex')}`;
const LINE = 'L2';
const TAG = randomBytes(3).toString('hex');

let browser: Browser;
let context: BrowserContext;
let database: Database;
let email: string;

const HEADER =
  'name,title,organisationId,serviceLevel,languages,regionCodes,channels,otShare,email,lineCodes';
const good = (n: number) =>
  `Tuotu ${TAG} ${n},Psykologi,,SPECIAL,fi;sv,837,PHONE;VIDEO,"0,2",tuotu-${TAG}-${n}@example.fi,${LINE}`;
const BAD_LIST = [
  HEADER,
  good(1),
  `Tuotu ${TAG} 2,Psykologi,,SPECIAL,fi,837,PHONE,0.2,ei-osoite,${LINE}`,
].join('\n');
const GOOD_LIST = [HEADER, good(1), good(2)].join('\n');

async function importedOnLine(): Promise<string[]> {
  const result = await database.driver.executeQuery(
    `MATCH (e:Expert)-[:ON_LINE]->(:Line {code: $line}) WHERE e.name STARTS WITH $prefix
     RETURN e.name AS name ORDER BY name`,
    { line: LINE, prefix: `Tuotu ${TAG}` },
    { database: database.name },
  );
  return result.records.map((record) => record.get('name') as string);
}

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

beforeAll(async () => {
  browser = await launchChromium();
  database = connectTestDatabase(inject('neo4jUri'));
  email = `tuoja-${TAG}@example.fi`;
  await new AccountRepository(database).create({
    email,
    role: 'coordinator',
    passwordHash: await hashPassword(PASSWORD),
    expertId: null,
    lineCodes: [LINE],
  });
  // bypassCSP: the app's Content-Security-Policy rightly refuses axe's injected script.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await database?.driver.close();
});

async function signedInPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${appUrl}/?view=health`);
  await signInThroughDialog(page, email, PASSWORD);
  return page;
}

describe('importing a staff list from the web app', () => {
  it('previews, refuses a list with a bad row, imports the fixed list and undoes it', async () => {
    const page = await signedInPage();
    const section = page.getByTestId('staff-import');
    await section.waitFor();
    const status = section.getByTestId('staff-import-status');
    const importButton = section.getByRole('button', { name: 'Tuo kaikki rivit' });

    // A list with an invalid e-mail: the preview names the row and the field; no import.
    await section.getByLabel('tai liitä lista tähän').fill(BAD_LIST);
    await section.getByRole('button', { name: 'Esikatsele' }).click();
    await poll(() => status.textContent()).toContain('1 rivillä on korjattavaa');
    const rows = section.getByTestId('staff-import-rows');
    const badRow = rows.getByRole('row').filter({ hasText: `Tuotu ${TAG} 2` });
    expect(await badRow.getByRole('listitem').first().textContent()).toContain('email');
    expect(await importButton.isDisabled()).toBe(true);
    expect(await importedOnLine()).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // The fixed list: every row valid, and only then the import.
    await section.getByLabel('tai liitä lista tähän').fill(GOOD_LIST);
    // Changed since the preview: importing it unseen is not offered.
    expect(await importButton.isDisabled()).toBe(true);
    await section.getByRole('button', { name: 'Esikatsele' }).click();
    await poll(() => status.textContent()).toContain('Kaikki rivit kelpaavat');
    expect(await section.getByTestId('staff-import-summary').textContent()).toContain(
      '2 uutta asiantuntijaa',
    );
    expect(await importedOnLine()).toEqual([]);
    await importButton.click();
    await poll(() => status.textContent()).toContain('Tuotu: 2 uutta asiantuntijaa');
    expect(await importedOnLine()).toEqual([`Tuotu ${TAG} 1`, `Tuotu ${TAG} 2`]);

    // One change, undone in one step.
    await section.getByRole('button', { name: 'Kumoa tuonti' }).click();
    await poll(() => status.textContent()).toContain('Tuonti kumottu');
    expect(await importedOnLine()).toEqual([]);
  });
});
