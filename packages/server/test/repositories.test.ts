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

  test('login attempts are counted within the window, frozen while locked, restarted after', async () => {
    const db = context.database.db;
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 8, minute)).toISOString();
    const count = (minute: number) => sessionsRepo.countLoginAttempt(db, 'u', at(minute), at(minute - 15));
    assert.deepEqual([(await count(0)).failures, (await count(1)).failures, (await count(2)).failures], [1, 2, 3]);
    await sessionsRepo.lockUsername(db, 'u', at(20));
    const whileLocked = await count(5);
    assert.deepEqual([whileLocked.failures, whileLocked.locked_until], [3, at(20)]);
    const afterLock = await count(21);
    assert.deepEqual([afterLock.failures, afterLock.first_failure_at, afterLock.locked_until], [1, at(21), null]);
    assert.equal((await count(22)).failures, 2);
    assert.equal((await count(40)).failures, 1, 'a window older than 15 minutes starts over');
  });

  test('parallel login attempts each get their own count', async () => {
    const db = context.database.db;
    const now = '2026-11-26T09:00:00.000Z';
    const rows = await Promise.all(
      Array.from({ length: 10 }, () => sessionsRepo.countLoginAttempt(db, 'parallel', now, '2026-11-26T08:45:00.000Z')),
    );
    assert.deepEqual(rows.map((r) => r.failures).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('a setup token can be consumed exactly once', async () => {
    const db = context.database.db;
    await sessionsRepo.insertSetupToken(db, 'hash-1', '2026-11-26T08:00:00.000Z');
    const results = await Promise.all([1, 2, 3].map(() => sessionsRepo.consumeSetupToken(db, 'hash-1', '2026-11-26T08:01:00.000Z')));
    assert.deepEqual(results.filter(Boolean).length, 1);
  });
});
