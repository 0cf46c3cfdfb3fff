/**
 * One conformance suite for every IdentificationGallery (Hono's runTest({ newRouter }) style): the exhaustive
 * gallery, which fully matches everyone and is the reference, and the indexed gallery over the engine's candidate
 * index and worker threads. Then the two side by side on the same population: the indexed gallery must find what
 * the exhaustive one finds.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeTemplate, prepare } from '@sarhad/engine';
import type { Kysely } from 'kysely';
import { describeEachDialect } from './helpers/databases.js';
import { impression } from './helpers/fingers.js';
import type { DB } from '../src/db/schema.js';
import { ExhaustiveGallery, type GalleryFinger, type IdentificationGallery } from '../src/services/identification-gallery.js';
import { IndexedGallery } from '../src/services/indexed-gallery.js';

const AT = '2026-11-26T08:00:00.000Z';
const POSITIONS = [2, 7];
const finger = (person: number, position: number, capture: number): GalleryFinger => {
  const template = impression(person, position, capture);
  return { position, template, prepared: prepare(template) };
};
const probeOf = (person: number, capture = 2, positions = POSITIONS) => positions.map((p) => finger(person, p, capture));

/** Stores travellers with fingers `POSITIONS` of synthetic `persons`; returns their ids. */
async function storeTravellers(db: Kysely<DB>, persons: readonly number[], positions = POSITIONS): Promise<string[]> {
  const ids = persons.map(() => randomUUID());
  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100);
    await db
      .insertInto('travellers')
      .values(batch.map((id) => ({
        id, surname_latin: 'TEST', given_names_latin: 'GALLERY', surname_original: null, given_names_original: null, original_script: null,
        father_name_latin: null, father_name_original: null, birth_date: '1980', sex: 'M', nationality: 'AFG', created_at: AT,
        created_by: 'system', created_post_id: null, updated_at: AT,
      })))
      .execute();
    await db
      .insertInto('fingerprints')
      .values(batch.flatMap((id, j) => positions.map((position) => ({
        id: randomUUID(), traveller_id: id, finger_position: position,
        template: Buffer.from(encodeTemplate(impression(persons[i + j]!, position, 1))).toString('base64'),
        minutiae: 30, quality: 80, source_format: 'sarhad', captured_at: AT, created_at: AT, created_by: 'system', created_post_id: null,
      }))))
      .execute();
  }
  return ids;
}

const IMPLEMENTATIONS: readonly { name: string; make: (db: Kysely<DB>) => IdentificationGallery }[] = [
  { name: 'exhaustive', make: (db) => new ExhaustiveGallery(db) },
  { name: 'indexed', make: (db) => new IndexedGallery(db, undefined, { workers: 2 }) },
];

for (const implementation of IMPLEMENTATIONS) {
  describeEachDialect(`the ${implementation.name} gallery`, (context) => {
    let gallery: IdentificationGallery;
    let ids: string[];
    before(async () => {
      ids = await storeTravellers(context.database.db, Array.from({ length: 120 }, (_, i) => 7000 + i));
      gallery = implementation.make(context.database.db);
      await gallery.ready();
    });
    after(() => gallery.close());

    test('loads every stored traveller with their positions', async () => {
      assert.equal(await gallery.size(), 120);
      assert.deepEqual(await gallery.positionsOf(ids[5]!), POSITIONS);
      assert.deepEqual(await gallery.positionsOf('nobody'), []);
    });

    test('identifies a mate first, leaves out the excluded, and finds nobody for a stranger', async () => {
      const hits = await gallery.identify(probeOf(7000 + 33), { threshold: 60, limit: 3 });
      assert.equal(hits[0]?.travellerId, ids[33]);
      assert.deepEqual(hits[0]?.fingers.map((f) => f.position).sort(), POSITIONS);
      assert.deepEqual(await gallery.identify(probeOf(7000 + 33), { threshold: 60, limit: 3, exclude: ids[33] }), []);
      assert.deepEqual(await gallery.identify(probeOf(9999), { threshold: 60, limit: 3 }), []);
    });

    test('verifies against one traveller at the shared positions only', async () => {
      const mated = await gallery.verify(ids[40]!, probeOf(7000 + 40, 3, [2, 3]));
      assert.deepEqual(mated?.fingers.map((f) => f.position), [2]);
      assert.ok(mated!.score >= 40, JSON.stringify(mated));
      assert.equal(await gallery.verify(ids[40]!, probeOf(7000 + 40, 3, [4])), undefined);
      assert.equal(await gallery.verify('nobody', probeOf(7000 + 40)), undefined);
    });

    test('an added traveller is found; more fingers for them are searched too; a removed one is not', async () => {
      const [added] = await storeTravellers(context.database.db, [8001], [2]);
      gallery.add(added!, [finger(8001, 2, 1)]);
      // The very impressions stored: what is tested here is the bookkeeping, not the matcher.
      assert.equal((await gallery.identify(probeOf(8001, 1, [2]), { threshold: 40, limit: 1 }))[0]?.travellerId, added);
      await context.database.db
        .insertInto('fingerprints')
        .values({ id: randomUUID(), traveller_id: added!, finger_position: 7, template: Buffer.from(encodeTemplate(impression(8001, 7, 1))).toString('base64'), minutiae: 30, quality: 80, source_format: 'sarhad', captured_at: AT, created_at: AT, created_by: 'system', created_post_id: null })
        .execute();
      gallery.add(added!, [finger(8001, 7, 1)]);
      assert.deepEqual(await gallery.positionsOf(added!), [2, 7]);
      assert.equal((await gallery.identify(probeOf(8001, 1, [7]), { threshold: 40, limit: 1 }))[0]?.travellerId, added);
      gallery.remove(added!);
      assert.deepEqual(await gallery.identify(probeOf(8001, 1), { threshold: 40, limit: 1 }), []);
      assert.equal(await gallery.size(), 120);
    });

    test('a traveller deleted in the database by someone else is not answered', async () => {
      await context.database.db.deleteFrom('fingerprints').where('traveller_id', '=', ids[77]!).execute();
      assert.deepEqual(await gallery.identify(probeOf(7000 + 77), { threshold: 60, limit: 3 }), []);
      assert.deepEqual(await gallery.positionsOf(ids[77]!), []);
    });
  });
}

describeEachDialect('the indexed gallery against the exhaustive reference', (context) => {
  let exhaustive: IdentificationGallery;
  let indexed: IdentificationGallery;
  let ids: string[];
  const PEOPLE = 400;
  before(async () => {
    ids = await storeTravellers(context.database.db, Array.from({ length: PEOPLE }, (_, i) => 5000 + i));
    exhaustive = new ExhaustiveGallery(context.database.db);
    indexed = new IndexedGallery(context.database.db, undefined, { workers: 2 });
    await Promise.all([exhaustive.ready(), indexed.ready()]);
  });
  after(() => indexed.close());

  test('finds the same rank-1 traveller for every mated probe, with scores close to the reference', async () => {
    let agree = 0;
    const probes = Array.from({ length: 40 }, (_, i) => i * 10);
    for (const i of probes) {
      const probe = probeOf(5000 + i, 2 + (i % 5));
      const [reference] = await exhaustive.identify(probe, { threshold: 40, limit: 1 });
      const [found] = await indexed.identify(probe, { threshold: 40, limit: 1 });
      assert.equal(reference?.travellerId, ids[i], `the reference misses person ${i}`);
      if (found?.travellerId === reference?.travellerId) agree++;
      if (found) assert.ok(Math.abs(found.score - reference!.score) <= 6, `person ${i}: ${found.score} vs ${reference!.score}`);
    }
    // The index may lose a mate the reference finds, rarely: no more than 1 in 40 here.
    assert.ok(agree >= probes.length - 1, `${agree} of ${probes.length} agree`);
  });

  test('neither answers non-mated probes at a 1-in-a-million per-traveller threshold', async () => {
    for (let person = 9000; person < 9010; person++) {
      assert.deepEqual(await exhaustive.identify(probeOf(person), { threshold: 60, limit: 5 }), []);
      assert.deepEqual(await indexed.identify(probeOf(person), { threshold: 60, limit: 5 }), []);
    }
  });
});

describeEachDialect('the indexed gallery\'s snapshot', (context) => {
  const dir = mkdtempSync(join(tmpdir(), 'sarhad-gallery-snapshot-'));
  const file = join(dir, 'gallery-travellers.snapshot');
  const open = () => new IndexedGallery(context.database.db, undefined, { workers: 1, snapshotFile: file });
  let ids: string[];
  before(async () => {
    ids = await storeTravellers(context.database.db, Array.from({ length: 30 }, (_, i) => 6000 + i));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('is written at close and used at the next start while the database is unchanged', async () => {
    const first = open();
    await first.ready();
    assert.equal(first.loadedFrom, 'database');
    await first.close();
    assert.ok(existsSync(file));
    const second = open();
    try {
      await second.ready();
      assert.equal(second.loadedFrom, 'snapshot');
      assert.equal(await second.size(), 30);
      assert.equal((await second.identify(probeOf(6000 + 12), { threshold: 60, limit: 1 }))[0]?.travellerId, ids[12]);
    } finally {
      await second.close();
    }
  });

  test('is not used once a finger was stored or deleted since, nor when it is not a snapshot', async () => {
    const [added] = await storeTravellers(context.database.db, [6100]);
    const stale = open();
    try {
      await stale.ready();
      assert.equal(stale.loadedFrom, 'database');
      assert.equal((await stale.identify(probeOf(6100), { threshold: 60, limit: 1 }))[0]?.travellerId, added);
    } finally {
      await stale.close();
    }
    await context.database.db.deleteFrom('fingerprints').where('traveller_id', '=', ids[3]!).execute();
    const afterDelete = open();
    await afterDelete.ready();
    assert.equal(afterDelete.loadedFrom, 'database');
    assert.equal(await afterDelete.size(), 30);
    await afterDelete.close();
    writeFileSync(file, 'not a snapshot');
    const garbage = open();
    await garbage.ready();
    assert.equal(garbage.loadedFrom, 'database');
    await garbage.close();
  });
});
