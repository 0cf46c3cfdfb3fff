import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { encodeTemplate, prepare } from '@sarhad/engine';
import type { Kysely } from 'kysely';
import { describeEachDialect } from './helpers/databases.js';
import { impression } from './helpers/fingers.js';
import type { DB } from '../src/db/schema.js';
import { ABIS_REFERENCE_FINGERS, ExhaustiveGallery } from '../src/services/identification-gallery.js';

const AT = '2026-11-26T08:00:00.000Z';
const template = (person: number, position: number, capture = 1) => Buffer.from(encodeTemplate(impression(person, position, capture))).toString('base64');
const probeOf = (person: number, capture = 2) => [1, 6].map((position) => ({ position, prepared: prepare(impression(person, position, capture)) }));

/** Stores travellers with fingers 1 and 6 of synthetic persons `persons`; returns their ids in that order. */
async function storeTravellers(db: Kysely<DB>, persons: readonly number[]): Promise<string[]> {
  const ids = persons.map(() => randomUUID());
  const travellers = ids.map((id) => ({
    id, surname_latin: 'TEST', given_names_latin: 'GALLERY', surname_original: null, given_names_original: null, original_script: null,
    father_name_latin: null, father_name_original: null, birth_date: '1980', sex: 'M', nationality: 'AFG', created_at: AT,
    created_by: 'system', created_post_id: null, updated_at: AT,
  }));
  const fingers = ids.flatMap((id, i) =>
    [1, 6].map((position) => ({
      id: randomUUID(), traveller_id: id, finger_position: position, template: template(persons[i]!, position), minutiae: 30, quality: 80,
      source_format: 'sarhad', captured_at: AT, created_at: AT, created_by: 'system', created_post_id: null,
    })),
  );
  for (let i = 0; i < travellers.length; i += 100) await db.insertInto('travellers').values(travellers.slice(i, i + 100)).execute();
  for (let i = 0; i < fingers.length; i += 100) await db.insertInto('fingerprints').values(fingers.slice(i, i + 100)).execute();
  return ids;
}

describeEachDialect('the exhaustive identification gallery', (context) => {
  let gallery: ExhaustiveGallery;
  let ids: string[];
  before(async () => {
    ids = await storeTravellers(context.database.db, Array.from({ length: 600 }, (_, i) => 2000 + i));
    gallery = new ExhaustiveGallery(context.database.db);
    await gallery.ready();
  });

  test('loads every traveller and finds the one matching among many, best first, letting other work run meanwhile', async () => {
    assert.equal(await gallery.size(), 600);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const hits = await gallery.identify(probeOf(2000 + 417), { threshold: 60, limit: 5 });
    clearInterval(timer);
    assert.deepEqual(hits.map((h) => h.travellerId), [ids[417]]);
    assert.ok(ticks > 0, 'the search yields to the event loop');
    assert.deepEqual(await gallery.identify(probeOf(2000 + 417), { threshold: 60, limit: 5, exclude: ids[417] }), []);
  });

  test('a removed traveller is no longer found, nor verified', async () => {
    gallery.remove(ids[12]!);
    assert.deepEqual(await gallery.identify(probeOf(2000 + 12), { threshold: 60, limit: 5 }), []);
    assert.equal(await gallery.verify(ids[12]!, probeOf(2000 + 12)), undefined);
    assert.equal(await gallery.size(), 599);
    gallery.remove(ids[12]!); // twice is harmless
    gallery.remove('never-enrolled');
    assert.equal(await gallery.size(), 599);
  });

  test('a traveller deleted behind its back (another process) is never answered, and is forgotten', async () => {
    const [kept, gone] = await storeTravellers(context.database.db, [3001, 3001]);
    gallery.add(kept!, probeOf(3001, 1));
    gallery.add(gone!, probeOf(3001, 1));
    await context.database.db.deleteFrom('fingerprints').where('traveller_id', '=', gone!).execute();
    const hits = await gallery.identify(probeOf(3001, 1), { threshold: 60, limit: 2 });
    assert.deepEqual(hits.map((h) => h.travellerId), [kept]);
    assert.deepEqual(await gallery.positionsOf(gone!), []);
  });

  test('serialised work runs one at a time, in order, even when one fails', async () => {
    const order: string[] = [];
    const slow = gallery.serialize(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('first');
      throw new Error('first failed');
    });
    const fast = gallery.serialize(async () => {
      order.push('second');
      return 2;
    });
    await assert.rejects(slow, /first failed/);
    assert.equal(await fast, 2);
    assert.deepEqual(order, ['first', 'second']);
  });

  test('the ABIS gallery holds the ABIS references only', async () => {
    await context.database.db.insertInto('abis_references').values({ reference_id: 'ref-a', request_id: 'r1', created_at: AT, created_by: 'abis:x' }).execute();
    await context.database.db
      .insertInto('abis_fingers')
      .values([1, 6].map((position) => ({ id: randomUUID(), reference_id: 'ref-a', finger_position: position, template: template(2000 + 417, position), minutiae: 30, quality: 80, source_format: 'sarhad' })))
      .execute();
    const references = new ExhaustiveGallery(context.database.db, ABIS_REFERENCE_FINGERS);
    assert.equal(await references.size(), 1);
    const hits = await references.identify(probeOf(2000 + 417), { threshold: 60, limit: 5 });
    assert.deepEqual(hits.map((h) => h.travellerId), ['ref-a']);
  });
});
