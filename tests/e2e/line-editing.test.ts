/**
 * A line coordinator keeps their line current from the web app, in real Chromium: edits the
 * line's name and consultation instructions in "Muokkaa linjaa", reorders its stations by
 * keyboard and by dragging, reads the change history and undoes one change, and a signed-out
 * worker then sees the changes, without contact details. On the map they pin a station by
 * dragging it and unpin it from its card. Someone else's save in between is a conflict shown
 * with the line's current values; the server's problems are shown by their fields; a viewer
 * gets no edit buttons. The line is L6, which no other browser test reads.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/src/database/neo4j-driver.ts';
import { AccountRepository } from '../../server/src/features/auth/account.repository.ts';
import type { Role } from '../../server/src/features/auth/account.types.ts';
import { hashPassword } from '../../server/src/features/auth/password-hash.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const appUrl = inject('appUrl');
const SHOTS = fileURLToPath(new URL('../../test-results/line-editing/', import.meta.url));
const LINE = 'L6';
const PASSWORD = `Kartta-${randomBytes(6).toString('hex')}`;

let browser: Browser;
const contexts: BrowserContext[] = [];
let database: Database;
let coordinator: string;
let viewer: string;
/** An expert on the line whose card is not public: its contact details are staff-only. */
let expert: { id: string; email: string; phone: string | null };

async function account(role: Role, lineCodes: string[]): Promise<string> {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.fi`;
  await new AccountRepository(database).create({
    email,
    role,
    passwordHash: await hashPassword(PASSWORD),
    expertId: null,
    lineCodes,
  });
  return email;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  database = connectTestDatabase(inject('neo4jUri'));
  coordinator = await account('coordinator', [LINE]);
  viewer = await account('viewer', []);
  const result = await database.driver.executeQuery(
    `MATCH (e:Expert)-[:ON_LINE]->(:Line {code: $line})
     WHERE e.email IS NOT NULL AND NOT coalesce(e.publicCard, false)
     RETURN e.id AS id, e.email AS email, e.phone AS phone ORDER BY e.id LIMIT 1`,
    { line: LINE },
    { database: database.name },
  );
  const row = result.records[0];
  if (!row) {
    throw new Error(`the seeded graph has no expert with an e-mail address on ${LINE}`);
  }
  expert = { id: row.get('id'), email: row.get('email'), phone: row.get('phone') };
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await database?.driver.close();
});

async function open(path: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    ...options,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${appUrl}${path}`);
  return page;
}

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Kirjaudu sisään' });
  await dialog.getByLabel('Sähköposti').fill(email);
  await dialog.getByLabel('Salasana').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

function lineSection(page: Page) {
  return page.locator(`section.line[data-line-code="${LINE}"]`);
}

/** Station ids of the elements, in document order. */
const ids = (elements: Element[]) =>
  elements.map((element) => element.getAttribute('data-station-id'));

/** The line's stations in the list view, in order. */
function stationOrder(page: Page): Promise<Array<string | null>> {
  return lineSection(page).locator('ol.stations button[data-station-id]').evaluateAll(ids);
}

/** Opens the line's change history; returns the dialog and its entries once there are some. */
async function openHistory(page: Page) {
  await lineSection(page)
    .getByRole('button', { name: `Muutoshistoria (${LINE})` })
    .click();
  const history = page.getByRole('dialog', { name: `Linjan ${LINE} muutoshistoria` });
  const entries = history.locator('ol.entries > li');
  await entries.first().waitFor();
  return { history, entries };
}

async function openEditor(page: Page) {
  await lineSection(page)
    .getByRole('button', { name: `Muokkaa linjaa ${LINE}` })
    .click();
  const editor = page.getByRole('dialog', { name: `Muokkaa linjaa ${LINE}` });
  await editor.getByLabel('Nimi suomeksi').waitFor();
  return editor;
}

/** A GraphQL caller signed in as `email` through the real sign-in route, like a second browser. */
async function signedInGraphQL(email: string) {
  const login = await fetch(`${appUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetch(`${appUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
}

async function anonymousGraphQL<T>(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as { data: T }).data;
}

async function pinnedPosition(id: string): Promise<{ x: number; y: number } | null> {
  const { station } = await anonymousGraphQL<{
    station: { pinnedPosition: { x: number; y: number } | null };
  }>('query ($id: ID!) { station(id: $id) { pinnedPosition { x y } } }', { id });
  return station.pinnedPosition;
}

describe('editing a line in the web app', () => {
  it('saves a coordinator’s name, instructions and station order, lists and undoes changes; a signed-out worker sees the result', async () => {
    const page = await open('/?view=list');
    await signIn(page, coordinator);
    const editor = await openEditor(page);

    const name = `Testilinja ${randomBytes(3).toString('hex')}`;
    await editor.getByLabel('Nimi suomeksi').fill(name);
    const instructions = editor.getByLabel('Konsultaatio-ohjeet suomeksi');
    await instructions.fill(
      '## Ennen konsultaatiota\n\n- Kuvaa tilanne ilman tunnistetietoja\n- Soita **ensin** koordinaattorille\n\n<script>window.pwned = true</script>',
    );
    // The preview is the sanitised rendering the station card shows.
    const preview = editor.getByTestId('preview-fi');
    await poll(() => preview.getByRole('heading', { name: 'Ennen konsultaatiota' }).count()).toBe(
      1,
    );
    expect(await preview.locator('li').count()).toBe(2);
    expect(await preview.locator('script').count()).toBe(0);

    await editor.getByRole('button', { name: 'Tallenna' }).click();
    await poll(() => editor.getByTestId('line-editor-status').textContent()).toBe(
      `Linjan ${LINE} muutokset tallennettiin.`,
    );
    await page.screenshot({ path: `${SHOTS}line-editor-saved.png` });
    await editor.getByRole('button', { name: 'Sulje', exact: true }).last().click();
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    // Focus is back on the button that opened the editor, and the list shows the new name.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Muokkaa linjaa ${LINE}`,
    );
    await poll(() => lineSection(page).locator('h3').textContent()).toContain(name);

    // Reordering: one station moved down by keyboard, another dragged to the top.
    const before = await stationOrder(page);
    await lineSection(page)
      .getByRole('button', { name: `Järjestä asemat (${LINE})` })
      .click();
    const order = page.getByTestId('station-order-editor');
    await order.locator('li').first().waitFor();
    expect(await order.locator('li').evaluateAll(ids)).toEqual(before);
    const first = order.locator('li').first();
    const firstName = ((await first.locator('.name').textContent()) ?? '').trim();
    await order.getByRole('button', { name: `Siirrä ${firstName} alemmas` }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('order-status').textContent()).toBe(
      `${firstName} on nyt kohdassa 2/${before.length}.`,
    );
    // Focus stayed with the moved station.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Siirrä ${firstName} alemmas`,
    );
    // The fourth station dragged onto the first, both on screen.
    await order.locator('li').first().scrollIntoViewIfNeeded();
    await order.locator('li').nth(3).dragTo(order.locator('li').first());
    const expected = [before[3], before[1], before[0], before[2], ...before.slice(4)];
    await poll(() => order.locator('li').evaluateAll(ids)).toEqual(expected);
    await page.screenshot({ path: `${SHOTS}station-order.png` });
    await order.getByRole('button', { name: 'Tallenna järjestys' }).click();
    await poll(() => page.getByTestId('list-edit-status').textContent()).toBe(
      `Linjan ${LINE} asemajärjestys tallennettiin.`,
    );
    expect(await page.getByTestId('station-order-editor').count()).toBe(0);
    expect(await stationOrder(page)).toEqual(expected);

    // One more change, to the description, for undoing below.
    const second = await openEditor(page);
    const description = second.getByLabel('Kuvaus suomeksi');
    const oldDescription = await description.inputValue();
    await description.fill('Kuvaus, joka kumotaan');
    await second.getByRole('button', { name: 'Tallenna' }).click();
    await poll(() => second.getByTestId('line-editor-status').textContent()).toBe(
      `Linjan ${LINE} muutokset tallennettiin.`,
    );
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').count()).toBe(0);

    // The change history: newest first, each change in words, before → after.
    const { history, entries } = await openHistory(page);
    expect(
      await entries.evaluateAll((items) =>
        items.slice(0, 4).map((item) => item.getAttribute('data-action')),
      ),
    ).toEqual(['LINE_DESCRIBE', 'LINE_REORDER', 'LINE_INSTRUCTIONS', 'LINE_RENAME']);
    const rename = history.locator('li[data-action="LINE_RENAME"]').first();
    expect(await rename.getByRole('heading').textContent()).toBe('Nimi muutettu');
    expect(await rename.textContent()).toContain(coordinator);
    const nameRow = rename.getByRole('row', { name: /Nimi \(suomi\)/ });
    expect(await nameRow.locator('td').allTextContents()).toEqual([expect.any(String), name]);
    const reorder = history.locator('li[data-action="LINE_REORDER"]').first();
    expect(await reorder.textContent()).toContain(`${firstName}: 1.`);
    await page.screenshot({ path: `${SHOTS}audit-trail.png` });

    // Only the newest change can be undone: older ones were built on since.
    expect(await history.getByRole('button', { name: /^Kumoa/ }).count()).toBe(1);
    // Undo the description: the entry is marked undone, the undo is recorded on top.
    const describe = history.locator('li[data-action="LINE_DESCRIBE"]').first();
    await describe.getByRole('button', { name: /^Kumoa: Kuvaus muutettu/ }).click();
    await poll(() => page.getByTestId('audit-status').textContent()).toBe('Muutos kumottiin.');
    await poll(() => entries.first().getAttribute('data-action')).toBe('UNDO');
    const undone = history.locator('li[data-action="LINE_DESCRIBE"]').first();
    expect(await undone.textContent()).toContain('kumottu');
    expect(await undone.getByRole('button', { name: /Kumoa/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    const reopened = await openEditor(page);
    expect(await reopened.getByLabel('Kuvaus suomeksi').inputValue()).toBe(oldDescription);
    expect(await reopened.getByLabel('Nimi suomeksi').inputValue()).toBe(name);
    await page.keyboard.press('Escape');

    // A worker who is not signed in, in a browser of their own.
    const worker = await open(`/?view=list&station=${expert.id}`);
    await poll(() => lineSection(worker).locator('h3').textContent()).toContain(name);
    expect(await stationOrder(worker)).toEqual(expected);
    expect(
      await lineSection(worker)
        .getByRole('button', { name: /Muokkaa/ })
        .count(),
    ).toBe(0);
    const card = worker.getByTestId('station-card');
    await poll(() => card.getAttribute('data-status')).toBe('ready');
    const shown = card.getByRole('region', { name: new RegExp(`${LINE}`) });
    await shown.getByRole('heading', { name: 'Ennen konsultaatiota' }).waitFor();
    expect(await shown.textContent()).toContain('Soita ensin koordinaattorille');
    expect(await worker.evaluate(() => 'pwned' in window)).toBe(false);
    // No contact details for anyone not signed in.
    expect(await card.getByTestId('contact-hidden').count()).toBe(1);
    expect(await card.locator('a[href^="mailto:"], a[href^="tel:"]').count()).toBe(0);
    expect(await card.textContent()).not.toContain(expert.email);
    if (expert.phone) {
      expect(await card.textContent()).not.toContain(expert.phone);
    }
  });

  it('shows the server’s problems by their fields; the editors pass axe', async () => {
    const page = await open('/?view=list', { bypassCSP: true });
    await signIn(page, coordinator);
    const editor = await openEditor(page);
    expect(await axeViolations(page)).toEqual([]);

    await editor.getByLabel('Nimi suomeksi').fill('A');
    await editor.getByRole('button', { name: 'Tallenna' }).click();
    await poll(() => editor.getByRole('alert').first().textContent()).toContain(
      'Korjaa merkityt kohdat',
    );
    const field = editor.getByLabel('Nimi suomeksi');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const problemId = (await field.getAttribute('aria-describedby')) ?? '';
    const problem = page.locator(`[id="${problemId}"]`);
    expect(await problem.textContent()).toMatch(/name\.fi/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}line-editor-problem.png` });
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').count()).toBe(0);

    // The station order editor too.
    await lineSection(page)
      .getByRole('button', { name: `Järjestä asemat (${LINE})` })
      .click();
    await page.getByTestId('station-order-editor').locator('li').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Escape from one of its controls cancels it, as in the other editors.
    await page
      .getByTestId('station-order-editor')
      .getByRole('button', { name: /alemmas/ })
      .first()
      .focus();
    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('station-order-editor').count()).toBe(0);

    // And the change history.
    await lineSection(page)
      .getByRole('button', { name: `Muutoshistoria (${LINE})` })
      .click();
    await page.getByTestId('audit-trail').locator('ol.entries > li').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // And the map in its "edit positions" mode.
    await page.getByRole('button', { name: 'Kartta', exact: true }).click();
    await page.getByRole('button', { name: 'Muokkaa sijainteja' }).click();
    await page.locator('[data-testid="metro-map"][data-editing-positions="true"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says someone else changed the line, shows its current values and reloads them', async () => {
    const page = await open('/?view=list');
    await signIn(page, coordinator);
    const editor = await openEditor(page);
    const description = editor.getByLabel('Kuvaus suomeksi');
    await description.fill('Minun kuvaukseni');

    // Meanwhile a colleague renames the line.
    const colleague = await signedInGraphQL(coordinator);
    const { line } = await colleague<{ line: { version: number } }>(
      'query ($code: String!) { line(code: $code) { version } }',
      { code: LINE },
    );
    const theirName = `Kollegan nimi ${randomBytes(3).toString('hex')}`;
    await colleague(
      `mutation ($code: String!, $v: Int!, $fi: String!) {
        renameLine(code: $code, expectedVersion: $v, name: { fi: $fi }) { line { version } } }`,
      { code: LINE, v: line.version, fi: theirName },
    );

    await editor.getByRole('button', { name: 'Tallenna' }).click();
    const conflict = editor.getByTestId('line-editor-conflict');
    await conflict.getByRole('heading', { name: 'Joku muu muutti tätä linjaa' }).waitFor();
    expect(await conflict.textContent()).toContain(theirName);
    await page.screenshot({ path: `${SHOTS}line-editor-conflict.png` });
    await conflict.getByRole('button', { name: 'Lataa nykyiset tiedot' }).click();
    await poll(() => editor.getByLabel('Nimi suomeksi').inputValue()).toBe(theirName);
    expect(await editor.getByTestId('line-editor-conflict').count()).toBe(0);
    // Nothing of the stale save was written.
    expect(await editor.getByLabel('Kuvaus suomeksi').inputValue()).not.toBe('Minun kuvaukseni');
  });

  it('pages the change history with the connection’s cursor', async () => {
    const colleague = await signedInGraphQL(coordinator);
    const read = () =>
      colleague<{ line: { version: number } }>(
        'query ($code: String!) { line(code: $code) { version } }',
        { code: LINE },
      );
    for (let index = 1; index <= 11; index += 1) {
      const { line } = await read();
      await colleague(
        `mutation ($code: String!, $v: Int!, $fi: String!) {
          describeLine(code: $code, expectedVersion: $v, description: { fi: $fi }) { line { version } } }`,
        { code: LINE, v: line.version, fi: `Kuvaus numero ${index}` },
      );
    }
    const page = await open('/?view=list');
    await signIn(page, coordinator);
    const { history, entries } = await openHistory(page);
    expect(await entries.count()).toBe(10);
    expect(await entries.first().textContent()).toContain('Kuvaus numero 11');
    await history.getByRole('button', { name: 'Näytä vanhempia' }).click();
    await poll(() => entries.count()).toBeGreaterThan(10);
    expect(await entries.nth(10).textContent()).toContain('Kuvaus numero 1');
    const ids = await entries.evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-audit-id')),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pins a dragged station on the map, shows the pin, and unpins it from the card', async () => {
    const { networkMap } = await anonymousGraphQL<{
      networkMap: { stations: Array<{ id: string; label: string; lineCodes: string[] }> };
    }>('{ networkMap { stations { id label lineCodes } } }');
    const station = networkMap.stations.find((candidate) => candidate.lineCodes.includes(LINE));
    if (!station) {
      throw new Error(`${LINE} has no stations`);
    }
    const page = await open(`/?station=${station.id}`);
    await signIn(page, coordinator);
    const map = page.locator('[data-testid="metro-map"]');
    await poll(() => map.getAttribute('data-centred-on')).toBe(station.id);
    await page.waitForTimeout(300);
    const box = await map.boundingBox();
    const cardBox = await page.getByTestId('station-card').boundingBox();
    if (!box || !cardBox) {
      throw new Error('no map or card on the page');
    }
    await page
      .getByTestId('station-card')
      .getByRole('button', { name: 'Sulje asemakortti' })
      .click();

    const toggle = page.getByRole('button', { name: 'Muokkaa sijainteja' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await poll(() => map.getAttribute('data-editing-positions')).toBe('true');
    const from = { x: box.x + (box.width - cardBox.width) / 2, y: box.y + box.height / 2 };
    const to = { x: from.x + 120, y: from.y + 90 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    await poll(() => page.getByTestId('position-status').textContent()).toBe(
      `${station.label} kiinnitettiin uuteen paikkaan.`,
    );
    // Pinned: a double border on the map, and the position is stored.
    await poll(async () => (await map.getAttribute('data-pinned-stations'))?.split(' ')).toContain(
      station.id,
    );
    const pinned = await pinnedPosition(station.id);
    expect(pinned).not.toBeNull();
    await page.screenshot({ path: `${SHOTS}pinned-station.png` });

    // The card says so, and unpins it without dragging.
    await page.mouse.click(to.x, to.y);
    const card = page.getByTestId('station-card');
    await poll(() => card.getAttribute('data-station-id')).toBe(station.id);
    await poll(() => card.getByTestId('pin-state').textContent()).toContain(
      'Sijainti kartalla on kiinnitetty.',
    );
    await card.getByRole('button', { name: 'Vapauta sijainti' }).click();
    await poll(() => card.getByTestId('station-edit-status').textContent()).toContain(
      'sijainti vapautettu',
    );
    expect(await pinnedPosition(station.id)).toBeNull();
    await poll(async () =>
      (await map.getAttribute('data-pinned-stations'))?.split(' '),
    ).not.toContain(station.id);

    // The station's history has both, in words.
    await card.getByRole('button', { name: 'Muutoshistoria' }).click();
    const history = page.getByRole('dialog', { name: `Muutoshistoria: ${station.label}` });
    const entries = history.locator('ol.entries > li');
    await entries.first().waitFor();
    expect(
      await entries.evaluateAll((items) =>
        items.slice(0, 2).map((item) => item.getAttribute('data-action')),
      ),
    ).toEqual(['STATION_PIN', 'STATION_PIN']);
    const pinRow = entries.nth(1).getByRole('row', { name: /Kiinnitetty sijainti/ });
    expect(await pinRow.locator('td').allTextContents()).toEqual([
      '(tyhjä)',
      `(${Math.round(pinned?.x ?? 0)}, ${Math.round(pinned?.y ?? 0)})`,
    ]);
  });

  it('shows a viewer no edit buttons', async () => {
    const page = await open('/?view=list');
    await signIn(page, viewer);
    await lineSection(page).locator('h3').waitFor();
    expect(await page.getByRole('button', { name: /Muokkaa linjaa/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Järjestä/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Muutoshistoria/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Kartta', exact: true }).click();
    await page.locator('[data-testid="metro-map"][data-ready="true"]').waitFor();
    expect(await page.getByRole('button', { name: 'Muokkaa sijainteja' }).count()).toBe(0);
  });
});
