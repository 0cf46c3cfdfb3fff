import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, setupAdmin, testConfig, type TestApp } from './helpers/app.js';
import { isServerError } from '../src/errors.js';
import { fingerCaptures } from './helpers/fingers.js';

interface Outcome {
  status: 'enrolled' | 'pending_adjudication';
  travellerId?: string;
  traveller?: { id: string; surnameLatin: string };
  fingerprints?: { position: number }[];
  case?: { id: string; kind: string; status: string; travellerId: string | null; candidates: { travellerId: string; score: number; fingers: { position: number; score: number }[] }[] };
}

describeEachDialect('enrolment with de-duplication and adjudication', (context) => {
  let t: TestApp;
  let officer: string;
  let supervisor: string;
  const person = (surname: string, birthDate = '1975') => ({ surnameLatin: surname, givenNamesLatin: 'Gul', birthDate, sex: 'M', nationality: 'AFG' });
  const enrol = async (traveller: object, fingers: object[]): Promise<{ status: number; body: Outcome }> => {
    const response = await t.app.inject({ method: 'POST', url: '/api/enrolments', headers: bearer(officer), payload: { post: 'TKM', traveller, fingers } });
    return { status: response.statusCode, body: response.json() as Outcome };
  };
  const resolve = (id: string, payload: object, token = supervisor) =>
    t.app.inject({ method: 'POST', url: `/api/adjudications/${id}/resolve`, headers: bearer(token), payload });
  const countTravellers = async (surname: string) =>
    (await context.database.db.selectFrom('travellers').select('id').where('surname_latin', '=', surname).execute()).length;

  let first: string;
  before(async () => {
    t = buildTestApp(context.database);
    const admin = (await setupAdmin(t, context.database)).token;
    await createPost(t, admin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
    officer = (await createUser(t, admin, { username: 'enrol.tkm', roles: ['enrolment_officer'], posts: ['TKM'] })).token;
    supervisor = (await createUser(t, admin, { username: 'super.tkm', roles: ['supervisor'], posts: ['TKM'] })).token;
  });
  after(() => t.app.close());

  test('enrols a traveller with fingers when nobody enrolled matches them, and audits the search', async () => {
    const { status, body } = await enrol(person('Shinwari'), fingerCaptures(101, [1, 2, 6, 7]));
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.status, 'enrolled');
    assert.equal(body.traveller?.surnameLatin, 'SHINWARI');
    assert.deepEqual(body.fingerprints?.map((f) => f.position), [1, 2, 6, 7]);
    first = body.travellerId!;
    const search = await context.database.db
      .selectFrom('audit_log')
      .select(['details', 'post'])
      .where('action', '=', 'fingerprints.identified')
      .where('subject', '=', `traveller:${first}`)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(search.details), { purpose: 'enrolment', positions: [1, 2, 6, 7], candidates: [] });
    assert.equal(search.post, 'TKM');
  });

  test('another person with the same name is enrolled: de-duplication is by fingers, not names', async () => {
    const { status, body } = await enrol(person('Shinwari'), fingerCaptures(102, [1, 2, 6, 7]));
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(await countTravellers('SHINWARI'), 2);
  });

  let caseId: string;
  test('the same fingers under another name open an adjudication case and record nothing', async () => {
    const { status, body } = await enrol(person('Mohmand', '1979'), fingerCaptures(101, [1, 2, 6], 2));
    assert.equal(status, 202, JSON.stringify(body));
    assert.equal(body.status, 'pending_adjudication');
    assert.equal(body.case?.kind, 'new_traveller');
    const [candidate] = body.case!.candidates;
    assert.equal(candidate?.travellerId, first);
    assert.ok(candidate!.score >= 60, String(candidate!.score));
    assert.deepEqual(candidate!.fingers.map((f) => f.position), [1, 2, 6]);
    assert.equal(await countTravellers('MOHMAND'), 0);
    caseId = body.case!.id;
  });

  test('a supervisor sees the open case with both records to compare, and the read is audited', async () => {
    const listed = await t.app.inject({ method: 'GET', url: '/api/adjudications', headers: bearer(supervisor) });
    assert.equal(listed.statusCode, 200, listed.body);
    assert.deepEqual((listed.json() as { cases: { id: string }[] }).cases.map((c) => c.id), [caseId]);
    const read = await t.app.inject({ method: 'GET', url: `/api/adjudications/${caseId}`, headers: bearer(supervisor) });
    assert.equal(read.statusCode, 200, read.body);
    const detail = read.json() as { case: { submitted: { traveller: { surnameLatin: string }; fingers: object[] } }; candidateTravellers: { id: string }[] };
    assert.equal(detail.case.submitted.traveller.surnameLatin, 'Mohmand');
    assert.ok(detail.case.submitted.fingers.every((f) => !('template' in f)));
    assert.deepEqual(detail.candidateTravellers.map((c) => c.id), [first]);
    const audited = await context.database.db.selectFrom('audit_log').select('action').where('subject', '=', `adjudication:${caseId}`).orderBy('seq').execute();
    assert.deepEqual(audited.map((a) => a.action), ['adjudication.opened', 'adjudication.read']);
  });

  test('a decision needs a reason, and "same person" must name one of the candidates', async () => {
    assert.equal(errorCode(await resolve(caseId, { decision: 'different_people', reason: 'no' })), 'VALIDATION_FAILED');
    const stranger = '00000000-0000-4000-8000-000000000000';
    assert.equal(errorCode(await resolve(caseId, { decision: 'same_person', travellerId: stranger, reason: 'the photos show one man' })), 'VALIDATION_FAILED');
  });

  test('"same person" creates nothing, and a resolved case cannot be decided again', async () => {
    const response = await resolve(caseId, { decision: 'same_person', travellerId: first, reason: 'same face and birth year; alias name' });
    assert.equal(response.statusCode, 200, response.body);
    const resolved = (response.json() as { case: { status: string; decision: string; sameAsTravellerId: string; resultTravellerId: string | null; decidedBy: string } }).case;
    assert.deepEqual([resolved.status, resolved.decision, resolved.sameAsTravellerId, resolved.resultTravellerId], ['resolved', 'same_person', first, null]);
    assert.equal(await countTravellers('MOHMAND'), 0);
    const again = await resolve(caseId, { decision: 'different_people', reason: 'changed my mind about it' });
    assert.equal(again.statusCode, 409);
    assert.equal(errorCode(again), 'ADJUDICATION_CLOSED');
    const kept = await context.database.db.selectFrom('adjudication_cases').select('pending').where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.ok((JSON.parse(kept.pending) as { fingers: { template: string }[] }).fingers.every((f) => f.template === ''), 'no template is kept after the decision');
    const entry = await context.database.db.selectFrom('audit_log').select('details').where('action', '=', 'adjudication.resolved').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(entry.details), { decision: 'same_person', sameAs: first, resultTravellerId: null });
  });

  test('"different people" records the submission, and the gallery then finds it', async () => {
    const held = await enrol(person('Twin'), fingerCaptures(101, [1, 2], 3));
    assert.equal(held.status, 202);
    const response = await resolve(held.body.case!.id, { decision: 'different_people', reason: 'identical twins, documents checked' });
    assert.equal(response.statusCode, 200, response.body);
    const twinId = (response.json() as { case: { resultTravellerId: string } }).case.resultTravellerId;
    assert.equal(await countTravellers('TWIN'), 1);
    const fingers = await context.database.db.selectFrom('fingerprints').select('finger_position').where('traveller_id', '=', twinId).execute();
    assert.deepEqual(fingers.map((f) => f.finger_position).sort(), [1, 2]);
    const third = await enrol(person('Third'), fingerCaptures(101, [1, 2], 4));
    assert.equal(third.status, 202);
    assert.deepEqual(third.body.case!.candidates.map((c) => c.travellerId).sort(), [first, twinId].sort());
  });

  test("fingers added to a traveller that match someone else's open a case instead of being stored", async () => {
    const other = await enrol(person('Wazir'), fingerCaptures(103, [1]));
    assert.equal(other.status, 201);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/travellers/${other.body.travellerId}/fingerprints`,
      headers: bearer(officer),
      payload: { post: 'TKM', fingers: fingerCaptures(101, [6], 5) },
    });
    assert.equal(response.statusCode, 202, response.body);
    const body = response.json() as Outcome;
    assert.deepEqual([body.case?.kind, body.case?.travellerId, body.case?.candidates[0]?.travellerId], ['more_fingers', other.body.travellerId, first]);
    const stored = await context.database.db.selectFrom('fingerprints').select('finger_position').where('traveller_id', '=', other.body.travellerId!).execute();
    assert.deepEqual(stored.map((f) => f.finger_position), [1]);
  });

  test('fingers added to a traveller are compared with everyone but that traveller', async () => {
    const own = await enrol(person('Kakar'), fingerCaptures(104, [1]));
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/travellers/${own.body.travellerId}/fingerprints`,
      headers: bearer(officer),
      payload: { post: 'TKM', fingers: fingerCaptures(104, [2]) },
    });
    assert.equal(response.statusCode, 201, response.body);
  });

  test('two simultaneous enrolments of the same fingers cannot both be recorded', async () => {
    const fingers = fingerCaptures(105, [1, 6]);
    const outcomes = await Promise.all([enrol(person('Achakzai'), fingers), enrol(person('Noorzai'), fingerCaptures(105, [1, 6], 2))]);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), [201, 202]);
  });
});

test('fingerprint thresholds default to FMR 0.05 % for verification and 1e-6 for identification, and are configurable', () => {
  assert.deepEqual(testConfig().biometrics, { verificationFmr: 0.0005, identificationFmr: 1e-6 });
  assert.equal(testConfig({ SARHAD_IDENTIFICATION_FMR: '1e-5' }).biometrics.identificationFmr, 1e-5);
  assert.throws(() => testConfig({ SARHAD_VERIFICATION_FMR: '2' }), (e: unknown) => isServerError(e, 'CONFIG_INVALID'));
});
