import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, errorCode, setupAdmin, type TestApp } from './helpers/app.js';
import { listAuditEntries, verifyAuditChain } from '../src/services/audit-service.js';
import { hashSecret } from '../src/domain/secrets.js';

describeEachDialect('posts, lanes and devices', (context) => {
  let t: TestApp;
  let admin: string;
  let issuedKey = '';
  before(async () => {
    t = buildTestApp(context.database);
    admin = (await setupAdmin(t, context.database)).token;
  });
  after(() => t.app.close());

  test('an administrator creates a post with its side and time zone', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: bearer(admin),
      payload: { code: 'TKM', name: 'Torkham', side: 'PK', timeZone: 'Asia/Karachi' },
    });
    assert.equal(response.statusCode, 201, response.body);
    const post = (response.json() as { post: Record<string, unknown> }).post;
    assert.deepEqual([post.code, post.name, post.side, post.timeZone, post.lanes], ['TKM', 'Torkham', 'PK', 'Asia/Karachi', []]);
  });

  test('a second post with the same code is refused with POST_CODE_TAKEN', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: bearer(admin),
      payload: { code: 'TKM', name: 'Torkham again', side: 'PK', timeZone: 'Asia/Karachi' },
    });
    assert.equal(response.statusCode, 409);
    assert.equal(errorCode(response), 'POST_CODE_TAKEN');
  });

  test('an unknown time zone or side fails validation naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: bearer(admin),
      payload: { code: 'XYZ', name: 'Nowhere', side: 'IN', timeZone: 'Mars/Olympus' },
    });
    assert.equal(response.statusCode, 400);
    assert.equal(errorCode(response), 'VALIDATION_FAILED');
    assert.match((response.json() as { error: { message: string } }).error.message, /side: .*timeZone: /);
  });

  test('lanes are added to a post and listed with it', async () => {
    for (const code of ['E01', 'X01']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/posts/TKM/lanes',
        headers: bearer(admin),
        payload: { code, name: `Counter ${code}`, direction: code.startsWith('E') ? 'entry' : 'exit' },
      });
      assert.equal(response.statusCode, 201, response.body);
    }
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/posts/TKM/lanes',
      headers: bearer(admin),
      payload: { code: 'E01', name: 'Again', direction: 'entry' },
    });
    assert.equal(errorCode(duplicate), 'LANE_CODE_TAKEN');
    const post = (await t.app.inject({ method: 'GET', url: '/api/posts/TKM', headers: bearer(admin) })).json() as {
      post: { lanes: { code: string; direction: string }[] };
    };
    assert.deepEqual(post.post.lanes.map((l) => [l.code, l.direction]), [['E01', 'entry'], ['X01', 'exit']]);
  });

  test('an unknown post answers POST_NOT_FOUND', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/posts/NOPE', headers: bearer(admin) });
    assert.equal(response.statusCode, 404);
    assert.equal(errorCode(response), 'POST_NOT_FOUND');
  });

  test('a device key is shown once, stored only as a hash, and authenticates as its lane', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/posts/TKM/devices',
      headers: bearer(admin),
      payload: { lane: 'E01', name: 'Capture station 1' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { apiKey, device } = created.json() as { apiKey: string; device: { id: string; keyPrefix: string } };
    assert.match(apiKey, /^sarhad_dk_[A-Za-z0-9_-]{43}$/);
    issuedKey = apiKey;
    assert.equal(device.keyPrefix, apiKey.slice(0, 16));

    const stored = await context.database.db.selectFrom('devices').selectAll().where('id', '=', device.id).executeTakeFirstOrThrow();
    assert.equal(stored.key_hash, hashSecret(apiKey));
    assert.ok(!Object.values(stored).includes(apiKey));
    const listed = await t.app.inject({ method: 'GET', url: '/api/posts/TKM/devices', headers: bearer(admin) });
    assert.ok(!listed.body.includes(apiKey));

    const self = await t.app.inject({ method: 'GET', url: '/api/devices/self', headers: bearer(apiKey) });
    assert.equal(self.statusCode, 200);
    assert.deepEqual(self.json(), { device: { id: device.id, post: 'TKM', lane: 'E01' } });

    const revoked = await t.app.inject({ method: 'POST', url: `/api/devices/${device.id}/revoke`, headers: bearer(admin) });
    assert.equal(revoked.statusCode, 200);
    const after = await t.app.inject({ method: 'GET', url: '/api/devices/self', headers: bearer(apiKey) });
    assert.equal(after.statusCode, 401);
    assert.equal(errorCode(after), 'AUTH_REQUIRED');
  });

  test('a device on an unknown lane is refused with LANE_NOT_FOUND', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/posts/TKM/devices',
      headers: bearer(admin),
      payload: { lane: 'Z99', name: 'Lost' },
    });
    assert.equal(errorCode(response), 'LANE_NOT_FOUND');
  });

  test('every change is in the audit log and the chain verifies', async () => {
    await createPost(t, admin, { code: 'CMN', name: 'Chaman', lanes: ['E01'] });
    const entries = await listAuditEntries(context.database.db, 0, 1000);
    const actions = entries.map((e) => `${e.action} ${e.post ?? ''}`.trim());
    for (const expected of ['post.created TKM', 'lane.created TKM', 'device.created TKM', 'device.revoked TKM', 'post.created CMN']) {
      assert.ok(actions.includes(expected), `missing ${expected}`);
    }
    assert.ok(issuedKey && !JSON.stringify(entries).includes(issuedKey), 'the audit log must not hold a device key');
    assert.equal((await verifyAuditChain(context.database.db)).ok, true);
  });
});
