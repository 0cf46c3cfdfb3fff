/**
 * Journey: a supervisor adjudicates. A national stop list names a man who shares a traveller's name, birth date and
 * nationality (but not his passport); the traveller's crossing, submitted through the API as the lane would, is an
 * alert. The supervisor opens it from the live queue, reads the explained hit, records "not the listed person"
 * with a reason, and clears the crossing; the queue empties without a reload, and the traveller's next crossing no
 * longer alerts on that entry. Then a fingerprint exception (fingers could not be captured) is decided from the
 * same queue with the keyboard, and a possible duplicate enrolment (the same fingers under two names) is resolved
 * as the same person, side by side with the enrolled candidate.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { adminToken, call, ensurePost, ensureUser, login, must } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot, signIn } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';
import { enrolWithPassport, expiryIn, fingerCaptures, td3, type PassportFields } from './helpers/lane.js';

const POST = 'SBK';
const OFFICER = 'sbk.officer';
const SUPERVISOR = 'sbk.supervisor';
const PERSON = 12_001;
const PASSPORT: PassportFields = {
  issuingState: 'AFG',
  surname: 'KAKAR',
  givenNames: 'SHER ALI',
  documentNumber: 'P1200101',
  nationality: 'AFG',
  birthDate: '820314',
  sex: 'M',
  expiryDate: expiryIn(4),
};
// The listed Sher Ali Kakar: same name, birth date and nationality, another passport.
const STOP_LIST = [
  'id,names,aliases,dob,nationality,documents,reason,valid_until,list',
  'NSL-1200,Sher Ali Kakar,Shir Ali Kakar,1982-03-14,AFG,passport:P9900120:AFG,"Removal order 2024/12",2031-12-31,entry-ban',
  'NSL-1201,Olga Ivanova,,1980..1983,RUS|UKR,,Overstay and removal order,,entry-ban',
].join('\n');

interface Crossing {
  readonly id: string;
  readonly recommendation: string;
  readonly status: string;
  readonly watchlist: { readonly hits: readonly { readonly entryId: string }[]; readonly suppressed: readonly { readonly entryId: string }[] };
}

let browser: Browser;
let officer: string;
let key = 0;

const cross = async (extra: object) =>
  (
    await must<{ crossing: Crossing }>(201, 'POST', '/api/crossings', { post: POST, lane: 'E01', direction: 'in', idempotencyKey: `e2e-12-${Date.now()}-${++key}`, ...extra }, officer)
  ).crossing;
const withPassport = () => ({ document: { mrz: td3(PASSPORT).join('\n') }, fingers: fingerCaptures(PERSON, [2, 7], 4) });

before(async () => {
  const admin = await adminToken();
  await ensurePost(admin, POST, 'Spin Boldak');
  await ensureUser(admin, { username: OFFICER, displayName: 'Zarmina Achakzai', roles: ['officer'], posts: [POST] });
  await ensureUser(admin, { username: SUPERVISOR, displayName: 'Habibullah Noorzai', roles: ['supervisor'], posts: [POST] });
  officer = await login(OFFICER);
  await enrolWithPassport(officer, POST, PERSON, { surnameLatin: 'KAKAR', givenNamesLatin: 'SHER ALI', birthDate: '1982-03-14', sex: 'M', nationality: 'AFG' }, PASSPORT);
  const imported = await call('POST', '/api/watchlists/import', { format: 'csv', text: STOP_LIST }, admin);
  assert.ok(imported.status === 201 || imported.status === 200, `watchlist import answered ${imported.status}: ${JSON.stringify(imported.json)}`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the supervisor records "not the listed person" on an alert and clears it; the pair no longer alerts', async () => {
  const alert = await cross(withPassport());
  assert.equal(alert.recommendation, 'alert', JSON.stringify(alert));
  assert.ok(alert.watchlist.hits.some((h) => h.entryId === 'NSL-1200'));

  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, SUPERVISOR, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Supervisor queue' }).click();
  await page.getByRole('heading', { name: 'Supervisor queue', level: 1 }).waitFor();
  await page.getByTestId('live-state').getByText('Live', { exact: true }).waitFor();
  await page.getByTestId('queue-count-alert').getByText('1', { exact: true }).waitFor();
  await assertAccessible(page, 'supervisor queue');
  await screenshot(page, 'supervisor-01-queue');

  await page.getByRole('link', { name: /^Open Alert of / }).click();
  await page.getByRole('heading', { name: /^Crossing at lane E01/ }).waitFor();
  const hit = page.getByRole('article', { name: 'Hit NATIONAL NSL-1200' });
  await hit.getByText('Sher Ali Kakar', { exact: false }).first().waitFor();
  await hit.getByText('Same date').waitFor();
  await page.getByText('KAKAR, SHER ALI').waitFor();
  await assertAccessible(page, 'alert review');
  await screenshot(page, 'supervisor-02-alert');

  await hit.getByRole('button', { name: 'Not the listed person…' }).click();
  const reason = hit.getByLabel('Why this traveller is not the listed person');
  await reason.fill('Father Gul Ali, born in Qila Abdullah; the listed man holds passport P9900120, checked with HQ');
  await hit.getByRole('button', { name: 'Record: not the listed person' }).click();
  await page.getByText('Recorded: the traveller is not national NSL-1200. Now decide the crossing.').waitFor();
  await hit.getByText('Recorded: this traveller is not the listed person.').waitFor();

  // The decision form takes the same reason and proposes clearing.
  assert.equal(await page.getByRole('radio', { name: 'Clear' }).isChecked(), true);
  await screenshot(page, 'supervisor-03-not-listed');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.getByText('Decision recorded: cleared.').waitFor();
  await page.getByTestId('queue-count-alert').getByText('0', { exact: true }).waitFor();
  await assertAccessible(page, 'alert decided');
  await screenshot(page, 'supervisor-04-cleared');

  // On record: the supervisor's decision with its reason, and the traveller's next crossing does not alert on NSL-1200.
  const decided = await must<{ crossing: { status: string; decisions: { kind: string; reason: string }[] } }>(200, 'GET', `/api/crossings/${alert.id}`, undefined, await login(SUPERVISOR));
  assert.equal(decided.crossing.status, 'cleared');
  assert.deepEqual(decided.crossing.decisions.map((d) => d.kind), ['supervisor']);
  const next = await cross(withPassport());
  assert.deepEqual(next.watchlist.hits.map((h) => h.entryId), []);
  assert.deepEqual(next.watchlist.suppressed.map((s) => s.entryId), ['NSL-1200']);
  assert.notEqual(next.recommendation, 'alert');

  // A fingerprint exception arrives while the page is open and is decided with the keyboard.
  const exception = await cross({ document: { mrz: td3(PASSPORT).join('\n') }, unableToCapture: { reason: 'Both hands in plaster after a fall' } });
  assert.equal(exception.status, 'awaiting_supervisor');
  await page.getByTestId('queue-count-exception').getByText('1', { exact: true }).waitFor();
  const open = page.getByRole('link', { name: /^Open Exception of / });
  await open.focus();
  await page.keyboard.press('Enter');
  await page.getByText('Fingerprints could not be captured').first().waitFor();
  await page.getByText('Both hands in plaster after a fall', { exact: false }).waitFor();
  await page.getByRole('radio', { name: 'Clear' }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Reason', { exact: true }).focus();
  await page.keyboard.type('Plaster casts seen; identity confirmed from passport photo');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Decision recorded: cleared.').waitFor();
  await page.getByTestId('queue-count-exception').getByText('0', { exact: true }).waitFor();
  await screenshot(page, 'supervisor-05-exception-cleared');
  w.assertClean();
  await w.close();
});

test('the supervisor resolves a possible duplicate enrolment as the same person', async () => {
  // The same synthetic fingers enrolled under a second spelling of a name: held as a case, nothing recorded.
  const person = 12_002;
  const first = { surnameLatin: 'NOORZAI', givenNamesLatin: 'BIBI GUL', birthDate: '1990', sex: 'F', nationality: 'AFG' };
  const found = await call<{ travellers: { id: string }[] }>('GET', '/api/travellers?surname=NOORZAI&givenNames=BIBI%20GUL', undefined, officer);
  if (!found.json.travellers.length) await must(201, 'POST', '/api/enrolments', { post: POST, traveller: first, fingers: fingerCaptures(person, [1, 2, 6, 7], 0) }, officer);
  const held = await must<{ status: string; case: { id: string } }>(202, 'POST', '/api/enrolments', { post: POST, traveller: { ...first, surnameLatin: 'NURZAI' }, fingers: fingerCaptures(person, [1, 2, 6, 7], 3) }, officer);
  assert.equal(held.status, 'pending_adjudication');

  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, SUPERVISOR, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Supervisor queue' }).click();
  await page.getByRole('heading', { name: 'Supervisor queue', level: 1 }).waitFor();
  await page.getByRole('link', { name: /^Open Duplicate of / }).last().click();
  await page.getByRole('heading', { name: /^Possible duplicate enrolment/ }).waitFor();
  await page.getByText('NURZAI, BIBI GUL').waitFor();
  await page.getByText('NOORZAI, BIBI GUL').first().waitFor();
  await assertAccessible(page, 'duplicate review');
  await screenshot(page, 'supervisor-06-duplicate');
  await page.getByRole('radio', { name: 'Same person as NOORZAI, BIBI GUL: create nothing' }).check();
  await page.getByLabel('Reason', { exact: true }).fill('Same woman: Nurzai is a misspelling of Noorzai on the application form');
  await page.getByRole('button', { name: 'Record adjudication' }).click();
  await page.getByText('Recorded: the same person. Nothing was created.').waitFor();
  await screenshot(page, 'supervisor-07-duplicate-resolved');

  const resolved = await must<{ case: { status: string; decision: string } }>(200, 'GET', `/api/adjudications/${held.case.id}`, undefined, await login(SUPERVISOR));
  assert.deepEqual([resolved.case.status, resolved.case.decision], ['resolved', 'same_person']);
  const nurzai = await must<{ travellers: unknown[] }>(200, 'GET', '/api/travellers?surname=NURZAI', undefined, officer);
  assert.equal(nurzai.travellers.length, 0, 'nothing was created for the duplicate');
  w.assertClean();
  await w.close();
});
