/**
 * Journey: an analyst at headquarters has a fingerprint template and nothing else. They search the register by
 * fingerprint, find the enrolled traveller first with a strong match, open the record and read the movement
 * timeline (an entry and an exit at Angoor Adda, the stay between them), in English and then in Urdu, right to left.
 * The traveller is enrolled with synthetic fingers (helpers/lane.ts, never FVC files) and crosses through the API
 * as the lane would; the uploaded template is another impression of the same finger.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { adminToken, call, ensurePost, ensureUser, login, must } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot, signIn } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';
import { enrolWithPassport, expiryIn, fingerCaptures, td3, templateFile, type PassportFields } from './helpers/lane.js';

const POST = 'ANG';
const OFFICER = 'ang.officer';
const ANALYST = 'hq.analyst';
/** Synthetic person whose fingers are enrolled (a seed no other journey uses), and one nobody enrolled. */
const PERSON = 61_601;
const STRANGER = 61_699;
const PASSPORT: PassportFields = {
  issuingState: 'PAK',
  surname: 'MEHSUD',
  givenNames: 'ZARMINA',
  documentNumber: 'AN1616011',
  nationality: 'PAK',
  birthDate: '930521',
  sex: 'F',
  expiryDate: expiryIn(5),
};
const NAME = 'MEHSUD, ZARMINA';

let browser: Browser;

/** Records and clears a crossing of the traveller through the API, once (the idempotency key makes a rerun a replay). */
async function crossAndClear(officer: string, travellerId: string, lane: string, direction: 'in' | 'out'): Promise<void> {
  const crossing = await call<{ crossing: { id: string; status: string } }>(
    'POST',
    '/api/crossings',
    {
      post: POST,
      lane,
      direction,
      idempotencyKey: `e2e16-${travellerId}-${direction}`,
      document: { mrz: td3(PASSPORT) },
      fingers: fingerCaptures(PERSON, [2, 7], 1),
    },
    officer,
  );
  assert.ok(crossing.status === 200 || crossing.status === 201, JSON.stringify(crossing.json));
  if (crossing.json.crossing.status === 'cleared') return;
  await must(200, 'POST', `/api/crossings/${crossing.json.crossing.id}/decision`, { decision: 'clear', reason: 'Passport and fingerprints checked' }, officer);
}

before(async () => {
  const admin = await adminToken();
  await ensurePost(admin, POST, 'Angoor Adda');
  const lanes = await call('POST', `/api/posts/${POST}/lanes`, { code: 'X01', name: 'Exit 1', direction: 'exit' }, admin);
  assert.ok(lanes.status === 201 || lanes.status === 409, JSON.stringify(lanes.json));
  await ensureUser(admin, { username: OFFICER, displayName: 'Sana Wazir', roles: ['officer'], posts: [POST] });
  await ensureUser(admin, { username: ANALYST, displayName: 'Ayesha Siddiqui', roles: ['analyst'], allPosts: true });
  const officer = await login(OFFICER);
  const travellerId = await enrolWithPassport(officer, POST, PERSON, { surnameLatin: 'MEHSUD', givenNamesLatin: 'ZARMINA', birthDate: '1993-05-21', sex: 'F', nationality: 'PAK' }, PASSPORT);
  await crossAndClear(officer, travellerId, 'E01', 'in');
  await crossAndClear(officer, travellerId, 'X01', 'out');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the analyst uploads a fingerprint, finds the enrolled traveller first, and reads the movement timeline', async () => {
  const admin = await adminToken();
  const since = (await must<{ checkpoint: { seq: number } }>(200, 'GET', '/api/audit/checkpoint', undefined, admin)).checkpoint.seq;
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, ANALYST, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Traveller search' }).click();
  await page.getByRole('heading', { name: 'Traveller search', level: 1 }).waitFor();

  // By keyboard: the fingerprint mode is a labelled radio; each finger's file input is labelled with its finger.
  await page.getByRole('radio', { name: 'By fingerprint' }).check();
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('Choose at least one fingerprint file first.').waitFor();
  await page.getByLabel('Right index: template or image file').setInputFiles(templateFile(PERSON, 2, 3));
  await page.getByLabel('Left index: template or image file').setInputFiles(templateFile(PERSON, 7, 3));
  await assertAccessible(page, 'search by fingerprint');
  await screenshot(page, 'analyst-fp-01-upload');
  await page.getByRole('button', { name: 'Search' }).click();

  const results = page.getByRole('region', { name: 'Fingerprint candidates' });
  await results.getByRole('status').filter({ hasText: /candidates?, best first/ }).waitFor();
  const first = results.locator('tbody tr').first();
  assert.equal(await first.getByRole('rowheader').innerText(), NAME);
  await first.getByText('Strong: a lane would identify').waitFor();
  await first.getByText(/^Right index: \d/).waitFor();
  await first.getByText(/^Left index: \d/).waitFor();
  await assertAccessible(page, 'fingerprint candidates');
  await screenshot(page, 'analyst-fp-02-candidates');

  // Open the record: the timeline lists the entry and the exit, oldest first, and the stay between them.
  await results.getByRole('button', { name: `Open record of ${NAME}` }).click();
  const record = page.getByRole('region', { name: `Record: ${NAME}` });
  const timeline = record.getByRole('list', { name: 'Crossings' }).getByRole('listitem');
  await timeline.nth(1).waitFor();
  assert.equal(await timeline.count(), 2);
  const entry = await timeline.nth(0).innerText();
  assert.match(entry, /Entry at ANG/);
  assert.match(entry, /Cleared/);
  assert.match(entry, /Stayed in PAK \d+ days · permitted by Citizenship/);
  assert.match(await timeline.nth(1).innerText(), /Exit at ANG[\s\S]*Cleared/);
  await assertAccessible(page, 'record with movement timeline');
  await screenshot(page, 'analyst-fp-03-timeline');

  // A fingerprint nobody enrolled finds no one, said plainly.
  await page.getByRole('button', { name: 'Close record' }).click();
  await page.getByRole('button', { name: 'Remove left index' }).click();
  await page.getByLabel('Right index: template or image file').setInputFiles(templateFile(STRANGER, 2, 1));
  await page.getByRole('button', { name: 'Search' }).click();
  await results.getByText('No enrolled traveller matches these fingerprints.').waitFor();

  // In Urdu the timeline mirrors: its line runs down the right-hand side of the list.
  await page.getByRole('radio', { name: 'By name' }).check();
  await page.getByLabel('Surname (Latin letters)').fill('mehsud');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: `Open record of ${NAME}` }).click();
  await record.getByRole('list', { name: 'Crossings' }).getByRole('listitem').nth(1).waitFor();
  await page.getByLabel('Language').selectOption('ur');
  const urduTimeline = page.getByRole('list', { name: 'گزرگاہ سے گزر' });
  await urduTimeline.getByText('ANG پر داخلہ').waitFor();
  const side = await urduTimeline.evaluate((el) => {
    const style = getComputedStyle(el);
    return { right: style.borderRightWidth, left: style.borderLeftWidth, dir: document.documentElement.dir };
  });
  assert.deepEqual(side, { right: '2px', left: '0px', dir: 'rtl' });
  await assertAccessible(page, 'Urdu movement timeline');
  await screenshot(page, 'analyst-fp-04-timeline-urdu');
  await page.getByLabel('زبان').selectOption('en');
  await page.getByRole('heading', { name: 'Traveller search', level: 1 }).waitFor();

  // The fingerprint searches are in the audit log, without templates.
  const entries = await must<{ entries: { action: string; details: Record<string, unknown> }[] }>(200, 'GET', `/api/audit/entries?after=${since}&limit=1000`, undefined, admin);
  const searches = entries.entries.filter((e) => e.action === 'traveller.searched' && e.details.by === 'fingerprint');
  // Two reached the server (the first press without a file was stopped in the page).
  assert.ok(searches.length >= 2, JSON.stringify(searches));
  assert.deepEqual(searches.at(-1)!.details.matches, []);
  assert.ok(!JSON.stringify(searches).includes(templateFile(PERSON, 2, 3).buffer.toString('base64').slice(0, 40)));
  w.assertClean();
  await w.close();
});
