import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { decodeTemplate, encodeIso19794 } from '@sarhad/engine';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';
import { fingerCaptures, impression, syntheticRaster } from './helpers/fingers.js';
import { build } from '../src/app.js';
import { ExhaustiveGallery } from '../src/services/identification-gallery.js';
import { captureFinger } from '../src/services/fingerprint-capture.js';
import { fuseFingerScores, scoreToFmr } from '../src/domain/score-fusion.js';

describeEachDialect('fingerprints on travellers', (context) => {
  let t: TestApp;
  let officer: string;
  let analyst: string;
  const newTraveller = async (surname: string): Promise<string> => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/travellers',
      headers: bearer(officer),
      payload: { post: 'TKM', surnameLatin: surname, givenNamesLatin: 'Test', birthDate: '1980', sex: 'M', nationality: 'AFG' },
    });
    assert.equal(response.statusCode, 201, response.body);
    return (response.json() as { traveller: { id: string } }).traveller.id;
  };
  const enrol = (travellerId: string, fingers: object[]) =>
    t.app.inject({ method: 'POST', url: `/api/travellers/${travellerId}/fingerprints`, headers: bearer(officer), payload: { post: 'TKM', fingers } });

  before(async () => {
    t = buildTestApp(context.database);
    const admin = (await setupAdmin(t, context.database)).token;
    await createPost(t, admin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
    officer = (await createUser(t, admin, { username: 'officer.tkm', roles: ['officer'], posts: ['TKM'] })).token;
    analyst = (await createUser(t, admin, { username: 'analyst.hq', roles: ['analyst'], allPosts: true })).token;
  });
  after(() => t.app.close());

  test('stores ISO and ANSI templates converted to the internal format, and lists them without templates', async () => {
    const id = await newTraveller('Afridi');
    const response = await enrol(id, [...fingerCaptures(1, [1, 2], 1, 'iso'), ...fingerCaptures(1, [6], 1, 'ansi')]);
    assert.equal(response.statusCode, 201, response.body);
    const listed = await t.app.inject({ method: 'GET', url: `/api/travellers/${id}/fingerprints`, headers: bearer(analyst) });
    assert.equal(listed.statusCode, 200, listed.body);
    const fingers = (listed.json() as { fingerprints: Record<string, unknown>[] }).fingerprints;
    assert.deepEqual(fingers.map((f) => [f.position, f.sourceFormat]), [[1, 'iso19794-2:2005'], [2, 'iso19794-2:2005'], [6, 'ansi378-2004']]);
    assert.ok(fingers.every((f) => !('template' in f) && typeof f.quality === 'number' && (f.minutiae as number) >= 10));
    const rows = await context.database.db.selectFrom('fingerprints').selectAll().where('traveller_id', '=', id).orderBy('finger_position').execute();
    const stored = decodeTemplate(new Uint8Array(Buffer.from(rows[0]!.template, 'base64')));
    assert.equal(stored.fingerPosition, 1);
    assert.equal(stored.minutiae.length, impression(1, 1, 1).minutiae.length);
  });

  test('extracts a template from a grey raster and keeps no image', async () => {
    const id = await newTraveller('Raster');
    const response = await enrol(id, [{ position: 3, raster: syntheticRaster(11, 1), capturedAt: '2026-11-26T07:59:30Z' }]);
    assert.equal(response.statusCode, 201, response.body);
    const [finger] = (response.json() as { fingerprints: { position: number; sourceFormat: string; quality: number; capturedAt: string }[] }).fingerprints;
    assert.deepEqual([finger!.position, finger!.sourceFormat, finger!.capturedAt], [3, 'raster', '2026-11-26T07:59:30.000Z']);
    assert.ok(finger!.quality > 0);
    const columns = Object.keys((await context.database.db.selectFrom('fingerprints').selectAll().where('traveller_id', '=', id).executeTakeFirstOrThrow()));
    assert.ok(!columns.some((c) => /image|pixel|raster/.test(c)), columns.join());
  });

  test('refuses a blank raster as unusable and a raster whose size disagrees with its pixels as invalid', async () => {
    const id = await newTraveller('Blank');
    const blank = { width: 300, height: 300, dpi: 500, pixelsBase64: Buffer.alloc(300 * 300, 200).toString('base64') };
    const response = await enrol(id, [{ position: 1, raster: blank, capturedAt: '2026-11-26T07:59:00Z' }]);
    assert.equal(response.statusCode, 422);
    assert.equal(errorCode(response), 'FINGERPRINT_UNUSABLE');
    const short = { ...blank, pixelsBase64: Buffer.alloc(100).toString('base64') };
    assert.equal(errorCode(await enrol(id, [{ position: 1, raster: short, capturedAt: '2026-11-26T07:59:00Z' }])), 'FINGERPRINT_TEMPLATE_INVALID');
  });

  test('refuses bytes that are no template, a template of another finger, and too few minutiae', async () => {
    const id = await newTraveller('Garbage');
    const capturedAt = '2026-11-26T07:59:00Z';
    const garbage = Buffer.from('not a fingerprint template at all').toString('base64');
    assert.equal(errorCode(await enrol(id, [{ position: 1, template: garbage, capturedAt }])), 'FINGERPRINT_TEMPLATE_INVALID');
    const thumb = fingerCaptures(2, [1])[0]!;
    const other = await enrol(id, [{ ...thumb, position: 4 }]);
    assert.equal(errorCode(other), 'FINGERPRINT_TEMPLATE_INVALID');
    assert.match((other.json() as { error: { message: string } }).error.message, /finger position\(s\) 1, not 4/);
    const sparse = { ...impression(2, 5, 1), minutiae: impression(2, 5, 1).minutiae.slice(0, 5) };
    const few = await enrol(id, [{ position: 5, template: Buffer.from(encodeIso19794(sparse)).toString('base64'), capturedAt }]);
    assert.equal(errorCode(few), 'FINGERPRINT_UNUSABLE');
  });

  test('refuses a finger position twice in one submission and a position already enrolled', async () => {
    const id = await newTraveller('Twice');
    const [thumb] = fingerCaptures(3, [1]);
    assert.equal(errorCode(await enrol(id, [thumb!, thumb!])), 'VALIDATION_FAILED');
    assert.equal((await enrol(id, [thumb!])).statusCode, 201);
    const again = await enrol(id, fingerCaptures(3, [1], 2));
    assert.equal(again.statusCode, 409);
    assert.equal(errorCode(again), 'FINGERPRINT_POSITION_TAKEN');
  });

  test('refuses a capture time that is not an ISO 8601 instant', async () => {
    const id = await newTraveller('Clock');
    const [thumb] = fingerCaptures(4, [1]);
    assert.equal(errorCode(await enrol(id, [{ ...thumb!, capturedAt: 'yesterday' }])), 'VALIDATION_FAILED');
  });

  test('the gallery loaded at start holds the fingers stored before, and audits record enrolments and reads', async () => {
    const id = await newTraveller('Gallery');
    assert.equal((await enrol(id, fingerCaptures(5, [1, 6]))).statusCode, 201);
    const gallery = new ExhaustiveGallery(context.database.db);
    const second = build({ database: context.database, clock: t.clock, config: t.config, logger: pino({ level: 'silent' }), gallery });
    await second.ready();
    const probe = fingerCaptures(5, [1, 6], 2).map((c) => captureFinger(c));
    const verified = await gallery.verify(id, probe);
    assert.ok(verified && verified.score > 60, JSON.stringify(verified));
    assert.deepEqual(await gallery.positionsOf(id), [1, 6]);
    await second.close();
    const audit = await context.database.db.selectFrom('audit_log').select(['action', 'details']).where('subject', '=', `traveller:${id}`).orderBy('seq').execute();
    const enrolled = audit.find((a) => a.action === 'fingerprints.enrolled');
    assert.deepEqual(JSON.parse(enrolled!.details), { positions: [1, 6], sources: ['iso19794-2:2005', 'iso19794-2:2005'] });
  });
});

test('fusing one finger keeps its score, and several weak fingers do not add up to a match', () => {
  assert.equal(fuseFingerScores([37]), 37);
  assert.equal(fuseFingerScores([]), 0);
  // Four impostor-like scores summing to 40: the chance of that sum is about 1.8 %, i.e. a fused score near 17.
  const fused = fuseFingerScores([10, 10, 10, 10]);
  assert.ok(Math.abs(scoreToFmr(fused) - 0.0183) < 0.001, String(scoreToFmr(fused)));
  // Two strong fingers stay strong.
  assert.ok(fuseFingerScores([60, 60]) > 100);
  assert.ok(fuseFingerScores([60, 0]) < 60);
});
