import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { prepare } from '@sarhad/engine';
import { describeEachDialect } from './helpers/databases.js';
import { impression } from './helpers/fingers.js';
import { ExhaustiveGallery } from '../src/services/identification-gallery.js';

describeEachDialect('the exhaustive identification gallery', (context) => {
  let gallery: ExhaustiveGallery;
  before(async () => {
    gallery = new ExhaustiveGallery(context.database.db);
    await gallery.ready();
  });

  test('finds the one matching traveller among many, best first, and lets other work run meanwhile', async () => {
    const ids = Array.from({ length: 600 }, () => randomUUID());
    ids.forEach((id, i) => gallery.add(id, [1, 6].map((position) => ({ position, prepared: prepare(impression(2000 + i, position, 1)) }))));
    assert.equal(await gallery.size(), 600);
    const probe = [1, 6].map((position) => ({ position, prepared: prepare(impression(2000 + 417, position, 2)) }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const hits = await gallery.identify(probe, { threshold: 60, limit: 5 });
    clearInterval(timer);
    assert.deepEqual(hits.map((h) => h.travellerId), [ids[417]]);
    assert.ok(ticks > 0, 'the search yields to the event loop');
    assert.deepEqual(await gallery.identify(probe, { threshold: 60, limit: 5, exclude: ids[417] }), []);
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
});
