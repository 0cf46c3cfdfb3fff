import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, login, testConfig, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';
import { setupLane, type LaneFixture } from './helpers/lane.js';
import { build } from '../src/app.js';
import { ManualClock } from '../src/clock.js';
import { createGallery } from '../src/services/galleries.js';
import { purgeExpired } from '../src/services/retention-service.js';
import type { IdentificationGallery } from '../src/services/identification-gallery.js';

interface Crossing {
  traveller: { id: string } | null;
  biometrics: { method: string; outcome: string; candidates: { travellerId: string }[] };
}

const DAY_MS = 24 * 60 * 60 * 1000;

describeEachDialect('retention purges enrolled travellers from the 1:N gallery', (context) => {
  let t: TestApp;
  let lane: LaneFixture;
  let gallery: IdentificationGallery;
  let key = 0;
  const cross = async (person: number): Promise<Crossing> => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/crossings',
      headers: bearer(lane.deviceKey),
      payload: { direction: 'in', idempotencyKey: `retention-${++key}`, fingers: fingerCaptures(person, [1, 2, 6, 7], 2) },
    });
    assert.equal(response.statusCode, 201, response.body);
    return (response.json() as { crossing: Crossing }).crossing;
  };
  const enrol = async (person: number, surname: string): Promise<string> => {
    const traveller = { surnameLatin: surname, givenNamesLatin: 'Gul', birthDate: '1970', sex: 'M', nationality: 'AFG' };
    const officer = await login(t, 'officer.tkm'); // sessions end while the clock moves on by years
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/enrolments',
      headers: bearer(officer),
      payload: { post: 'TKM', traveller, fingers: fingerCaptures(person, [1, 2, 6, 7]) },
    });
    assert.equal(response.statusCode, 201, response.body);
    return (response.json() as { travellerId: string }).travellerId;
  };

  before(async () => {
    const clock = new ManualClock('2026-11-26T08:00:00.000Z');
    const config = testConfig({ SARHAD_RETENTION_ENROLLED_DAYS: '365' });
    gallery = createGallery(context.database.db, config);
    t = { app: build({ database: context.database, clock, config, logger: pino({ level: 'silent' }), gallery }), clock, config };
    lane = await setupLane(t, context.database);
  });
  after(() => t.app.close());

  test('enrolled, identified at a crossing, purged past the period: the next crossing identifies nobody', async () => {
    const id = await enrol(501, 'Purged');
    const before = await cross(501);
    assert.deepEqual([before.biometrics.outcome, before.traveller?.id], ['identified', id]);

    t.clock.advance(400 * DAY_MS);
    const report = await purgeExpired({ db: context.database.db, clock: t.clock, config: t.config, gallery: gallery });
    assert.deepEqual([report.deleted.enrolledTravellers, report.deleted.enrolledFingerprints, report.deleted.enrolledTravellerCrossings], [1, 4, 1]);
    assert.deepEqual(await gallery.positionsOf(id), []);

    const afterPurge = await cross(501);
    assert.deepEqual([afterPurge.biometrics.method, afterPurge.biometrics.candidates, afterPurge.traveller], ['identification', [], null]);
  });

  test('someone crossing within the period is kept and still identified', async () => {
    const id = await enrol(502, 'Kept');
    t.clock.advance(300 * DAY_MS);
    assert.equal((await cross(502)).traveller?.id, id); // a crossing 300 days on: active again
    t.clock.advance(300 * DAY_MS);
    const report = await purgeExpired({ db: context.database.db, clock: t.clock, config: t.config, gallery: gallery });
    assert.equal(report.deleted.enrolledTravellers, 0);
    assert.equal((await cross(502)).traveller?.id, id);
  });

  test('a purge from the console (no gallery at hand) is not answered by the running server either', async () => {
    const id = await enrol(503, 'Console');
    t.clock.advance(400 * DAY_MS);
    await purgeExpired({ db: context.database.db, clock: t.clock, config: t.config });
    const crossing = await cross(503);
    assert.deepEqual([crossing.biometrics.candidates, crossing.traveller], [[], null]);
    assert.deepEqual(await gallery.positionsOf(id), []);
  });
});
