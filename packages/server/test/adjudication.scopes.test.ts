import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';

describeEachDialect('who may enrol and adjudicate duplicates', (context) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let caseId: string;
  const traveller = (surname: string) => ({ surnameLatin: surname, givenNamesLatin: 'Bibi', birthDate: '1988', sex: 'F', nationality: 'AFG' });
  const enrol = (token: string, post: string, surname: string, capture: number) =>
    t.app.inject({ method: 'POST', url: '/api/enrolments', headers: bearer(token), payload: { post, traveller: traveller(surname), fingers: fingerCaptures(201, [2, 7], capture) } });

  before(async () => {
    t = buildTestApp(context.database);
    const admin = (await setupAdmin(t, context.database)).token;
    tokens.admin = admin;
    await createPost(t, admin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
    await createPost(t, admin, { code: 'CMN', name: 'Chaman', lanes: ['E01'] });
    tokens.torkham = (await createUser(t, admin, { username: 'enrol.tkm', roles: ['enrolment_officer'], posts: ['TKM'] })).token;
    tokens.chamanOfficer = (await createUser(t, admin, { username: 'officer.cmn', roles: ['officer'], posts: ['CMN'] })).token;
    tokens.chamanSupervisor = (await createUser(t, admin, { username: 'super.cmn', roles: ['supervisor'], posts: ['CMN'] })).token;
    tokens.torkhamSupervisor = (await createUser(t, admin, { username: 'super.tkm', roles: ['supervisor'], posts: ['TKM'] })).token;
    tokens.analyst = (await createUser(t, admin, { username: 'analyst.hq', roles: ['analyst'], allPosts: true })).token;
    assert.equal((await enrol(tokens.torkham, 'TKM', 'First', 1)).statusCode, 201);
    const held = await enrol(tokens.torkham, 'TKM', 'Second', 2);
    assert.equal(held.statusCode, 202, held.body);
    caseId = (held.json() as { case: { id: string } }).case.id;
  });
  after(() => t.app.close());

  test('an officer at Chaman cannot enrol at Torkham, and an analyst cannot enrol at all', async () => {
    assert.equal(errorCode(await enrol(tokens.chamanOfficer!, 'TKM', 'Third', 3)), 'FORBIDDEN_POST');
    assert.equal(errorCode(await enrol(tokens.analyst!, 'TKM', 'Third', 3)), 'FORBIDDEN_ROLE');
  });

  test('officers and enrolment officers neither see nor decide adjudication cases', async () => {
    for (const who of ['torkham', 'chamanOfficer', 'analyst', 'admin']) {
      const listed = await t.app.inject({ method: 'GET', url: '/api/adjudications', headers: bearer(tokens[who]!) });
      assert.equal(errorCode(listed), 'FORBIDDEN_ROLE', who);
      const decided = await t.app.inject({
        method: 'POST',
        url: `/api/adjudications/${caseId}/resolve`,
        headers: bearer(tokens[who]!),
        payload: { decision: 'different_people', reason: 'looks different to me' },
      });
      assert.equal(errorCode(decided), 'FORBIDDEN_ROLE', who);
    }
  });

  test('a supervisor at Chaman neither sees nor decides a case from Torkham', async () => {
    const listed = await t.app.inject({ method: 'GET', url: '/api/adjudications', headers: bearer(tokens.chamanSupervisor!) });
    assert.deepEqual((listed.json() as { cases: unknown[] }).cases, []);
    const read = await t.app.inject({ method: 'GET', url: `/api/adjudications/${caseId}`, headers: bearer(tokens.chamanSupervisor!) });
    assert.equal(errorCode(read), 'ADJUDICATION_NOT_FOUND');
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/adjudications/${caseId}/resolve`,
      headers: bearer(tokens.chamanSupervisor!),
      payload: { decision: 'different_people', reason: 'looks different to me' },
    });
    assert.equal(errorCode(decided), 'ADJUDICATION_NOT_FOUND');
  });

  test('the supervisor at Torkham decides the case', async () => {
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/adjudications/${caseId}/resolve`,
      headers: bearer(tokens.torkhamSupervisor!),
      payload: { decision: 'different_people', reason: 'different mothers named on the tazkiras' },
    });
    assert.equal(decided.statusCode, 200, decided.body);
  });
});
