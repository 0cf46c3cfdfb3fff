/**
 * The repository conformance suite: the same storage behaviour, asserted against every dialect (SQLite always,
 * PostgreSQL when DATABASE_URL is set).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import * as postsRepo from '../src/repositories/posts-repository.js';
import * as sessionsRepo from '../src/repositories/sessions-repository.js';
import * as auditRepo from '../src/repositories/audit-repository.js';
import * as usersRepo from '../src/repositories/users-repository.js';
import { isForeignKeyViolation, isUniqueViolation } from '../src/db/errors.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { ManualClock } from '../src/clock.js';
import { appendAudit } from '../src/services/audit-service.js';

const post = (id: string, code: string) => ({ id, code, name: code, side: 'PK', time_zone: 'Asia/Karachi', created_at: '2026-11-26T08:00:00.000Z' });

describeEachDialect('repository conformance', (context) => {
  test('migrating an up-to-date database applies nothing', async () => {
    assert.deepEqual(await migrateToLatest(context.database), []);
  });

  test('a duplicate key is recognised as a unique violation', async () => {
    await postsRepo.insertPost(context.database.db, post('p1', 'TKM'));
    await assert.rejects(postsRepo.insertPost(context.database.db, post('p2', 'TKM')), (error) => isUniqueViolation(error));
  });

  test('a dangling reference is recognised as a foreign key violation', async () => {
    const lane = { id: 'l1', post_id: 'no-such-post', code: 'E01', name: 'x', direction: 'entry', created_at: '2026-11-26T08:00:00.000Z' };
    await assert.rejects(postsRepo.insertLane(context.database.db, lane), (error) => isForeignKeyViolation(error));
  });

  test('a check constraint refuses a side other than PK or AF', async () => {
    await assert.rejects(postsRepo.insertPost(context.database.db, { ...post('p3', 'XYZ'), side: 'IN' }));
  });

  test('listing by ids returns only those rows, ordered by code', async () => {
    await postsRepo.insertPost(context.database.db, post('p4', 'CMN'));
    assert.deepEqual((await postsRepo.listPosts(context.database.db)).map((p) => p.code), ['CMN', 'TKM']);
    assert.deepEqual((await postsRepo.listPosts(context.database.db, ['p1'])).map((p) => p.code), ['TKM']);
    assert.deepEqual(await postsRepo.listPosts(context.database.db, []), []);
  });

  test('audit sequence numbers come back as JavaScript numbers', async () => {
    await appendAudit(context.database.db, new ManualClock('2026-11-26T08:00:00.000Z'), { actor: 'system', action: 'test.x' });
    const head = await auditRepo.getHead(context.database.db);
    assert.equal(typeof head.seq, 'number');
    assert.equal(head.seq, 1);
    const [entry] = await auditRepo.listEntries(context.database.db, 0, 1);
    assert.equal(typeof entry!.seq, 'number');
  });

  test('counting users comes back as a number', async () => {
    assert.equal(await usersRepo.countActiveGlobal(context.database.db, 'admin'), 0);
  });

  test('saving the login throttle twice updates the row', async () => {
    const db = context.database.db;
    await sessionsRepo.saveThrottle(db, { username: 'u', failures: 1, first_failure_at: '2026-11-26T08:00:00.000Z', locked_until: null });
    await sessionsRepo.saveThrottle(db, { username: 'u', failures: 2, first_failure_at: '2026-11-26T08:00:00.000Z', locked_until: '2026-11-26T08:15:00.000Z' });
    assert.deepEqual(await sessionsRepo.findThrottle(db, 'u'), {
      username: 'u',
      failures: 2,
      first_failure_at: '2026-11-26T08:00:00.000Z',
      locked_until: '2026-11-26T08:15:00.000Z',
    });
  });

  test('a setup token can be consumed exactly once', async () => {
    const db = context.database.db;
    await sessionsRepo.insertSetupToken(db, 'hash-1', '2026-11-26T08:00:00.000Z');
    const results = await Promise.all([1, 2, 3].map(() => sessionsRepo.consumeSetupToken(db, 'hash-1', '2026-11-26T08:01:00.000Z')));
    assert.deepEqual(results.filter(Boolean).length, 1);
  });
});
