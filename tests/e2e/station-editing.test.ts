/**
 * Editing a station card from the web app in real Chromium: an expert corrects their own card
 * (away until a date, then back at work; their phone), a wrong e-mail address is refused by its
 * field and saves nothing, a line coordinator may edit the cards on their line only, and a
 * viewer none. Checked in the graph itself (Neo4j), and with axe.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, writeTransaction } from '../../server/src/database/neo4j-driver.ts';
import { bumpNetworkRevision } from '../../server/src/features/audit/audit.repository.ts';
import { AccountRepository } from '../../server/src/features/auth/account.repository.ts';
import { hashPassword } from '../../server/src/features/auth/password-hash.ts';
import { formatDate } from '../../web/src/lib/display-format.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium, signInThroughDialog } from '../support/browser.ts';
import { createStaffSession, graphqlOverHttp } from '../support/staff-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const appUrl = inject('appUrl');
const PASSWORD = `Kartta-${randomBytes(6).toString('hex')}`;
const TAG = randomBytes(3).toString('hex');
const LINE = 'L4';

let browser: Browser;
let context: BrowserContext | undefined;
let database: Database;
/** An expert on LINE and one on no line the coordinator coordinates, as they were. */
let own: { id: string; phone: string | null; awayUntil: string | null };
let elsewhere: string;
const accounts = {
  admin: `yllapito-${TAG}@example.fi`,
  expert: `oma-${TAG}@example.fi`,
  coordinator: `koordinaattori-${TAG}@example.fi`,
  viewer: `katsoja-${TAG}@example.fi`,
};

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const result = await database.driver.executeQuery(query, params, { database: database.name });
  return result.records.map((record) => record.toObject());
}

/** The lines of the experts called `name`. */
async function expertsNamed(name: string): Promise<string[]> {
  const rows = await cypher(
    'MATCH (e:Expert {name: $name})-[:ON_LINE]->(l:Line) RETURN l.code AS code ORDER BY code',
    { name },
  );
  return rows.map((row) => row.code as string);
}

async function expertNow(id: string) {
  const [row] = await cypher(
    `MATCH (e:Expert {id: $id})
     RETURN e.phone AS phone, toString(e.awayUntil) AS awayUntil, e.email AS email,
            e.version AS version`,
    { id },
  );
  return row as { phone: string | null; awayUntil: string | null; email: string; version: number };
}

beforeAll(async () => {
  browser = await launchChromium();
  database = connectTestDatabase(inject('neo4jUri'));
  const [onLine] = await cypher(
    `MATCH (e:Expert)-[:ON_LINE]->(:Line {code: $line})
     WHERE e.awayUntil IS NULL
     RETURN e.id AS id, e.phone AS phone ORDER BY e.id DESC LIMIT 1`,
    { line: LINE },
  );
  const [offLine] = await cypher(
    `MATCH (e:Expert) WHERE NOT (e)-[:ON_LINE]->(:Line {code: $line})
       AND EXISTS { (e)-[:ON_LINE]->(:Line) }
     RETURN e.id AS id ORDER BY e.id DESC LIMIT 1`,
    { line: LINE },
  );
  if (!onLine || !offLine) {
    throw new Error(`the seeded graph has no expert on ${LINE} or none off it`);
  }
  own = { id: onLine.id as string, phone: (onLine.phone as string) ?? null, awayUntil: null };
  elsewhere = offLine.id as string;
  const repository = new AccountRepository(database);
  const passwordHash = await hashPassword(PASSWORD);
  await repository.create({
    email: accounts.expert,
    role: 'viewer',
    passwordHash,
    expertId: own.id,
    lineCodes: [],
  });
  await repository.create({
    email: accounts.coordinator,
    role: 'coordinator',
    passwordHash,
    expertId: null,
    lineCodes: [LINE],
  });
  await repository.create({
    email: accounts.admin,
    role: 'admin',
    passwordHash,
    expertId: null,
    lineCodes: [],
  });
  await repository.create({
    email: accounts.viewer,
    role: 'viewer',
    passwordHash,
    expertId: null,
    lineCodes: [],
  });
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  // The shared demo graph as it was, for the other browser tests.
  await cypher(
    `MATCH (:Expert {id: $id})-[on:ON_LINE]->(:Line {code: $line}) SET on.coordinator = false`,
    { id: own.id, line: LINE },
  );
  await cypher(
    'MATCH (e:Expert {id: $id}) SET e.phone = $phone, e.awayUntil = null, e.publicCard = false',
    {
      id: own.id,
      phone: own.phone,
    },
  );
  // Cypher bypasses the edit engine: tell the app's caches that the network changed.
  await writeTransaction(database, (tx) => bumpNetworkRevision(tx));
  await browser?.close();
  await database?.driver.close();
});

/** The contact details a worker who is not signed in gets for station `id`. */
async function anonymousContact(id: string): Promise<{ email: string; phone: string } | null> {
  const response = await fetch(`${appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query ($id: ID!) { station(id: $id) { contact { email phone } } }',
      variables: { id },
    }),
  });
  const { data } = (await response.json()) as {
    data: { station: { contact: { email: string; phone: string } | null } };
  };
  return data.station.contact;
}

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

async function signedIn(email: string, stationId: string): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${appUrl}/?station=${stationId}`);
  await signInThroughDialog(page, email, PASSWORD);
  await poll(() => page.getByTestId('station-card').getAttribute('data-status')).toBe('ready');
  return page;
}

describe('editing a station card', () => {
  it('lets an expert mark themself away and back, and correct their phone', async () => {
    const page = await signedIn(accounts.expert, own.id);
    const card = page.getByTestId('station-card');
    await card.getByRole('button', { name: 'Muokkaa omaa korttiasi' }).click();
    const editor = page.getByRole('dialog', { name: /Muokkaa korttia/ });
    await editor.getByLabel('Työpuhelin').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const back = '2031-03-02';
    const phone = `+358 40 ${randomInt(100, 1000)} ${randomInt(1000, 10_000)}`;
    await editor.getByLabel('Poissa, palaa').fill(back);
    await editor.getByLabel('Työpuhelin').fill(phone);
    await editor.getByRole('button', { name: 'Tallenna' }).click();
    await poll(() => editor.getByTestId('station-editor-status').textContent()).toBe(
      'Kortti tallennettu.',
    );
    expect(await expertNow(own.id)).toMatchObject({ phone, awayUntil: back });
    // The card behind the dialog shows the absence, in words.
    await poll(() => card.getByTestId('availability').textContent()).toContain(
      `Poissa, palaa ${formatDate(back, 'fi')}`,
    );

    // Back at work: one button clears the date.
    await editor.getByRole('button', { name: 'Olen työssä' }).click();
    await editor.getByRole('button', { name: 'Tallenna' }).click();
    await poll(async () => (await expertNow(own.id)).awayUntil).toBeNull();
    await poll(() => card.getByTestId('availability').textContent()).toContain('Tavoitettavissa');
    // A public card: the contact details reach workers who are not signed in, and back.
    const publicCard = editor.getByLabel(/Julkinen kortti/);
    await publicCard.check();
    await editor.getByRole('button', { name: 'Tallenna' }).click();
    await poll(() => anonymousContact(own.id)).toEqual({ email: expect.any(String), phone });
    await publicCard.uncheck();
    await editor.getByRole('button', { name: 'Tallenna' }).click();
    await poll(() => anonymousContact(own.id)).toBeNull();

    // Escape closes the editor and focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await poll(() => editor.count()).toBe(0);
    await poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')).toBe(
      'Muokkaa omaa korttiasi',
    );
  });

  it('refuses a wrong e-mail address by its field and saves nothing', async () => {
    const before = await expertNow(own.id);
    const page = await signedIn(accounts.coordinator, own.id);
    await page.getByTestId('station-card').getByRole('button', { name: 'Muokkaa korttia' }).click();
    const editor = page.getByRole('dialog', { name: /Muokkaa korttia/ });
    const emailField = editor.getByLabel('Työsähköposti');
    await emailField.fill('ei-osoite');
    await editor.getByRole('button', { name: 'Tallenna' }).click();
    await poll(() => emailField.getAttribute('aria-invalid')).toBe('true');
    expect(await editor.getByRole('alert').textContent()).toContain('Mitään ei tallennettu');
    // The field's problem is tied to it, so a screen reader reads it with the field.
    const describedBy = (await emailField.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain('station-editor-email-problem');
    expect(await expertNow(own.id)).toEqual(before);
  });

  it('offers the editor only to those who may edit the card', async () => {
    const coordinator = await signedIn(accounts.coordinator, elsewhere);
    const card = coordinator.getByTestId('station-card');
    await card.getByRole('heading', { level: 2 }).waitFor();
    expect(await card.getByRole('button', { name: /Muokkaa/ }).count()).toBe(0);
    await context?.close();

    const viewer = await signedIn(accounts.viewer, own.id);
    await viewer.getByTestId('station-card').getByRole('heading', { level: 2 }).waitFor();
    expect(
      await viewer
        .getByTestId('station-card')
        .getByRole('button', { name: /Muokkaa/ })
        .count(),
    ).toBe(0);
  });

  it('lets an admin add the station to a line, mark it coordinator and take it off again', async () => {
    const linesOf = async () =>
      (
        await cypher(
          `MATCH (:Expert {id: $id})-[on:ON_LINE]->(l:Line)
           RETURN l.code AS code, coalesce(on.coordinator, false) AS coordinator ORDER BY code`,
          { id: own.id },
        )
      ).map((row) => `${row.code}${row.coordinator ? '*' : ''}`);
    const before = await linesOf();
    expect(before).not.toContain('L9');
    const page = await signedIn(accounts.admin, own.id);
    const section = page.getByTestId('station-lines');
    const status = section.getByTestId('station-lines-status');

    await section.getByLabel('Lisää linjalle').selectOption('L9');
    await section.getByRole('button', { name: 'Lisää', exact: true }).click();
    await poll(() => status.textContent()).toContain('Aseman linjat päivitetty');
    expect(await linesOf()).toContain('L9');
    // The card behind lists the new line.
    await poll(() =>
      page.getByTestId('station-card').locator('[data-line-code="L9"]').count(),
    ).toBeGreaterThan(0);

    await section.getByLabel(`Koordinoiva vastuutyöntekijä (${LINE})`).check();
    await poll(linesOf).toContain(`${LINE}*`);

    // Removing asks first; the question names the station and the line.
    await section.getByRole('button', { name: 'Poista linjalta L9' }).click();
    const confirm = section.getByRole('group', { name: /linjalta L9\?/ });
    await confirm.getByRole('button', { name: 'Poista' }).click();
    await poll(linesOf).not.toContain('L9');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets a coordinator make a new expert card on their line from the list view', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${appUrl}/?view=list`);
    await signInThroughDialog(page, accounts.coordinator, PASSWORD);
    await page.getByRole('button', { name: `Uusi asiantuntija linjalle ${LINE}` }).click();
    const editor = page.getByRole('dialog', { name: `Uusi asiantuntija linjalle ${LINE}` });
    const name = `Uusi Asiantuntija ${TAG}`;
    await editor.getByLabel('Nimi', { exact: true }).fill(name);
    await editor.getByLabel('Tehtävänimike ja erityisosaaminen').fill('Psykologi');
    // Without a service level and OT share the form says so, and nothing is made.
    await editor.getByRole('button', { name: 'Luo kortti' }).click();
    await poll(() => editor.getByLabel('Palvelutaso').getAttribute('aria-invalid')).toBe('true');
    expect(await expertsNamed(name)).toEqual([]);

    await editor.getByLabel('Palvelutaso').selectOption('SPECIAL');
    await editor.getByLabel('OT-työn osuus työajasta (%)').fill('20');
    await editor.getByLabel('Alueet').fill('837');
    await editor.getByLabel('puhelin', { exact: true }).check();
    // The organisation and the methods come from the graph's own lists.
    const organisation = editor.getByLabel('Organisaatio');
    await poll(() => organisation.locator('option').count()).toBeGreaterThan(1);
    await organisation.selectOption({ index: 1 });
    const method = editor
      .getByRole('group', { name: 'Menetelmät, joihin on koulutus' })
      .getByRole('checkbox')
      .first();
    await method.check();
    await editor.getByRole('button', { name: 'Luo kortti' }).click();
    await poll(() => expertsNamed(name)).toEqual([LINE]);
    const [links] = await cypher(
      `MATCH (e:Expert {name: $name})
       RETURN COUNT { (e)-[:PRACTISES]->(:Method) } AS methods,
              COUNT { (e)-[:MEMBER_OF]->(:Organisation) } AS organisations`,
      { name },
    );
    expect(links).toEqual({ methods: 1, organisations: 1 });
    // The new card opens.
    await poll(() =>
      page.getByTestId('station-card').getByRole('heading', { level: 2 }).textContent(),
    ).toBe(name);
    await cypher('MATCH (e:Expert) WHERE e.name = $name DETACH DELETE e', { name });

    // A unit, the same way.
    await page.getByRole('button', { name: `Uusi yksikkö linjalle ${LINE}` }).click();
    const unitEditor = page.getByRole('dialog', { name: `Uusi yksikkö linjalle ${LINE}` });
    const unitName = `Uusi Yksikkö ${TAG}`;
    await unitEditor.getByLabel('Nimi', { exact: true }).fill(unitName);
    await unitEditor.getByLabel('Kuvaus').fill('Perheneuvola');
    await unitEditor.getByLabel('Alueet').fill('837');
    await unitEditor.getByLabel('puhelin', { exact: true }).check();
    await unitEditor.getByRole('button', { name: 'Luo kortti' }).click();
    await poll(async () =>
      (
        await cypher('MATCH (u:Unit {name: $name})-[:ON_LINE]->(l:Line) RETURN l.code AS code', {
          name: unitName,
        })
      ).map((row) => row.code),
    ).toEqual([LINE]);
    await cypher('MATCH (u:Unit {name: $name}) DETACH DELETE u', { name: unitName });
  });

  it('lets an admin create a line from the list view and retire it again', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${appUrl}/?view=list`);
    await signInThroughDialog(page, accounts.admin, PASSWORD);
    const code = `L${randomInt(100, 1000)}`;
    const form = page.getByTestId('new-line');
    await form.getByText('Uusi linja').click();
    await form.getByLabel('Linjatunnus').fill(code);
    await form.getByLabel('Nimi suomeksi').fill(`Testilinja ${TAG}`);
    await form.getByRole('button', { name: 'Luo linja' }).click();
    await poll(() => form.getByTestId('new-line-status').textContent()).toBe(
      `Linja ${code} luotu.`,
    );
    const section = page.locator(`section[data-line-code="${code}"]`);
    await poll(() => section.count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await section.getByRole('button', { name: `Lakkauta linja ${code}` }).click();
    await section
      .getByRole('group', { name: /Lakkautetaanko/ })
      .getByRole('button', { name: 'Lakkauta' })
      .click();
    await poll(() => section.count()).toBe(0);
    const [line] = await cypher('MATCH (l:Line {code: $code}) RETURN l.active AS active', { code });
    expect(line?.active).toBe(false);
  });

  it('lets an admin merge a duplicate card into the one kept', async () => {
    // The duplicate, made through the API as an admin would.
    const admin = await createStaffSession(database, { role: 'admin' });
    const duplicateName = `Kaksoiskappale ${TAG}`;
    const created = await graphqlOverHttp<{ createExpert: { station: { id: string } } }>(
      appUrl,
      admin,
      `mutation ($input: ExpertInput!) {
        createExpert(input: $input, lineCode: "L9") { station { id } } }`,
      {
        input: {
          name: duplicateName,
          title: 'Psykologi',
          serviceLevel: 'SPECIAL',
          languages: ['fi', 'se'],
          regionCodes: ['837'],
          channels: ['PHONE'],
          otShare: 0.1,
        },
      },
    );
    const duplicateId = created.data.createExpert.station.id;

    const page = await signedIn(accounts.admin, own.id);
    const merge = page.getByTestId('station-merge');
    await merge.getByRole('button', { name: 'Yhdistä kaksoiskappale tähän' }).click();
    await merge.getByLabel('Etsi kaksoiskappale nimellä').fill(`kaksoiskappale ${TAG}`);
    await merge.getByRole('radio', { name: duplicateName }).check();
    await merge.getByRole('button', { name: 'Yhdistä', exact: true }).click();
    await poll(() => merge.getByTestId('station-merge-status').textContent()).toContain(
      'yhdistetty',
    );
    // The duplicate is gone; its line and language are the kept card's now.
    expect(await cypher('MATCH (s:Station {id: $id}) RETURN s.id', { id: duplicateId })).toEqual(
      [],
    );
    const [kept] = await cypher(
      `MATCH (e:Expert {id: $id})
       RETURN e.languages AS languages,
              COLLECT { MATCH (e)-[:ON_LINE]->(l:Line) RETURN l.code } AS lines`,
      { id: own.id },
    );
    expect(kept?.lines).toContain('L9');
    expect(kept?.languages).toContain('se');
    // Back as it was for the other tests: off L9 again.
    await cypher('MATCH (:Expert {id: $id})-[on:ON_LINE]->(:Line {code: "L9"}) DELETE on', {
      id: own.id,
    });
    await writeTransaction(database, (tx) => bumpNetworkRevision(tx));
  });
});
