/**
 * POST /api/travellers/identify: an analyst's or supervisor's 1:N search by uploaded fingers. Real gallery, real
 * database on both dialects, synthetic fingers (test/helpers/fingers.ts), real HTTP through app.inject.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createUser, errorCode, type TestApp } from './helpers/app.js';
import { fingerCaptures, syntheticRaster } from './helpers/fingers.js';
import { enrolWithPassport, setupLane, type LaneFixture } from './helpers/lane.js';
import { listAuditEntries } from '../src/services/audit-service.js';
import type { IdentifyResult } from '../src/services/traveller-identify-service.js';

/** Synthetic people enrolled: Ayesha is person 7101, Bilal person 7102; person 7199 is never enrolled. */
const AYESHA = 7101;
const BILAL = 7102;
const STRANGER = 7199;

describeEachDialect('traveller search by fingerprint', (context) => {
  let t: TestApp;
  let lane: LaneFixture;
  let analyst: string;
  let analystId: string;
  let ayeshaId: string;
  let bilalId: string;
  before(async () => {
    t = buildTestApp(context.database);
    lane = await setupLane(t, context.database);
    ({ token: analyst, id: analystId } = await createUser(t, lane.admin, { username: 'analyst.hq', roles: ['analyst'], allPosts: true }));
    ayeshaId = await enrolWithPassport(
      t,
      lane.officer,
      AYESHA,
      { surnameLatin: 'Durrani', givenNamesLatin: 'Ayesha', birthDate: '1990-04-12', sex: 'F', nationality: 'PAK' },
      { issuingState: 'PAK', surname: 'DURRANI', givenNames: 'AYESHA', documentNumber: 'AD7101001', nationality: 'PAK', birthDate: '900412', sex: 'F', expiryDate: '320101' },
    );
    bilalId = await enrolWithPassport(
      t,
      lane.officer,
      BILAL,
      { surnameLatin: 'Afridi', givenNamesLatin: 'Bilal', birthDate: '1984-09-30', sex: 'M', nationality: 'AFG' },
      { issuingState: 'AFG', surname: 'AFRIDI', givenNames: 'BILAL', documentNumber: 'P07102002', nationality: 'AFG', birthDate: '840930', sex: 'M', expiryDate: '310101' },
    );
  });
  after(() => t.app.close());

  const identify = (token: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/travellers/identify', headers: bearer(token), payload });

  test('finds the mate first from another impression of two fingers, in ISO and in ANSI', async () => {
    for (const encoding of ['iso', 'ansi'] as const) {
      const response = await identify(analyst, { fingers: fingerCaptures(AYESHA, [2, 7], 2, encoding) });
      assert.equal(response.statusCode, 200, response.body);
      const result = response.json() as IdentifyResult;
      assert.ok(result.candidates.length >= 1, encoding);
      const first = result.candidates[0]!;
      assert.equal(first.traveller.id, ayeshaId, encoding);
      assert.equal(first.traveller.surnameLatin, 'DURRANI');
      assert.equal(first.band, 'strong');
      assert.ok(first.score >= result.identificationThreshold);
      assert.deepEqual(first.fingers.map((f) => f.position).sort(), [2, 7]);
      assert.ok(!result.candidates.some((c) => c.traveller.id === bilalId), 'the other traveller is not a candidate');
    }
  });

  test('a supervisor may search too', async () => {
    const response = await identify(lane.supervisor, { fingers: fingerCaptures(BILAL, [1], 3) });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal((response.json() as IdentifyResult).candidates[0]?.traveller.id, bilalId);
  });

  test('a finger nobody enrolled finds no one', async () => {
    const response = await identify(analyst, { fingers: fingerCaptures(STRANGER, [1, 2, 6, 7], 1) });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual((response.json() as IdentifyResult).candidates, []);
  });

  test('an officer (who identifies through crossings) is refused, and so is an admin', async () => {
    assert.equal(errorCode(await identify(lane.officer, { fingers: fingerCaptures(AYESHA, [2], 2) })), 'FORBIDDEN_ROLE');
    assert.equal(errorCode(await identify(lane.admin, { fingers: fingerCaptures(AYESHA, [2], 2) })), 'FORBIDDEN_ROLE');
  });

  test('the search is audited with positions and matches, never the template', async () => {
    const fingers = fingerCaptures(AYESHA, [6], 3);
    const response = await identify(analyst, { fingers });
    assert.equal(response.statusCode, 200, response.body);
    const last = (await listAuditEntries(context.database.db, 0, 10_000)).filter((e) => e.action === 'traveller.searched').at(-1)!;
    assert.equal(last.actor, `user:${analystId}`);
    assert.equal(last.details.by, 'fingerprint');
    assert.deepEqual(last.details.positions, [6]);
    assert.deepEqual(last.details.matches, [ayeshaId]);
    assert.ok(!JSON.stringify(last).includes(fingers[0]!.template.slice(0, 40)), 'no template in the audit entry');
  });

  test('bad fingers get their stable codes', async () => {
    const at = '2026-11-26T07:59:00.000Z';
    assert.equal(errorCode(await identify(analyst, { fingers: [{ position: 2, template: 'AAAAAAAA', capturedAt: at }] })), 'FINGERPRINT_TEMPLATE_INVALID');
    const blank = { width: 64, height: 64, dpi: 500, pixelsBase64: Buffer.alloc(64 * 64, 255).toString('base64') };
    assert.equal(errorCode(await identify(analyst, { fingers: [{ position: 2, raster: blank, capturedAt: at }] })), 'FINGERPRINT_UNUSABLE');
    assert.equal(errorCode(await identify(analyst, { fingers: [] })), 'VALIDATION_FAILED');
    assert.equal(errorCode(await identify(analyst, { fingers: fingerCaptures(AYESHA, [2], 2), limit: 0 })), 'VALIDATION_FAILED');
  });

  test('a raster is extracted and searched like a template', async () => {
    const raster = syntheticRaster(4242, 1);
    const response = await identify(analyst, { fingers: [{ position: 3, raster, capturedAt: '2026-11-26T07:59:00.000Z' }] });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual((response.json() as IdentifyResult).candidates, []);
  });
});
