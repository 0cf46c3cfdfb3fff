import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';
import { abisRequest, cbeffOf, cbeffRecord, dataUrl, fingerBir } from './helpers/cbeff.js';
import { impression, syntheticRaster, templateBase64 } from './helpers/fingers.js';
import { encodeFingerImageRecord, ExtractionPool } from '@sarhad/engine';
import sharp from 'sharp';
import { pino } from 'pino';
import { AbisService, type AbisClientPrincipal } from '../src/services/abis-service.js';
import { loadAuditSigningKey } from '../src/services/audit-signing-service.js';
import type { ServiceContext } from '../src/services/context.js';
import { EventBus } from '../src/services/events.js';
import { createGallery } from '../src/services/galleries.js';
import { ABIS_REFERENCE_FINGERS } from '../src/services/identification-gallery.js';
import { Metrics } from '../src/services/metrics.js';
import { WatchlistScreening } from '../src/services/watchlist-screening.js';

const FINGERS = [1, 2, 6, 7];

interface AbisAnswer {
  id: string;
  requestId: string;
  responsetime?: string;
  timestamp?: string;
  returnValue: string | number;
  failureReason?: string | number;
  jobscount?: string;
  count?: string;
  candidateList?: {
    count: string;
    candidates: { referenceId: string; analytics: { confidence: string; internalScore: string }; modalities: { biometricType: string }[] }[];
  };
}

describeEachDialect('the MOSIP ABIS interface', (context) => {
  let t: TestApp;
  let admin: string;
  let apiKey: string;
  let clientId: string;
  const send = async (body: unknown, path = '/abis', key = apiKey): Promise<AbisAnswer> => {
    const response = await t.app.inject({ method: 'POST', url: path, headers: bearer(key), payload: body as object });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as AbisAnswer;
  };
  const insert = (referenceId: string, xml: string, fields: Record<string, unknown> = {}) =>
    send(abisRequest('insert', { referenceId, referenceURL: dataUrl(xml), ...fields }));
  const count = async () => Number((await send(abisRequest('referenceCount'))).count);
  const candidatesOf = (answer: AbisAnswer) => answer.candidateList?.candidates.map((c) => c.referenceId);

  before(async () => {
    t = buildTestApp(context.database);
    admin = (await setupAdmin(t, context.database)).token;
    const created = await t.app.inject({ method: 'POST', url: '/api/abis/clients', headers: bearer(admin), payload: { name: 'MOSIP registration processor' } });
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json() as { apiKey: string; client: { id: string; keyPrefix: string } };
    assert.match(body.apiKey, /^sarhad_ak_/);
    apiKey = body.apiKey;
    clientId = body.client.id;
  });
  after(() => t.app.close());

  test('answers PING to an ABIS key only: no key is 401, a session is 403, and a scoped admin cannot create keys', async () => {
    const ping = await send(abisRequest('ping'));
    assert.equal(ping.returnValue, '1');
    assert.equal(ping.id, 'mosip.abis.ping');
    assert.match(ping.responsetime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const anonymous = await t.app.inject({ method: 'POST', url: '/abis/ping', payload: abisRequest('ping') });
    assert.deepEqual([anonymous.statusCode, errorCode(anonymous)], [401, 'AUTH_REQUIRED']);
    const session = await t.app.inject({ method: 'POST', url: '/abis/ping', headers: bearer(admin), payload: abisRequest('ping') });
    assert.deepEqual([session.statusCode, errorCode(session)], [403, 'FORBIDDEN_PRINCIPAL']);
    const forged = await t.app.inject({ method: 'POST', url: '/abis/ping', headers: bearer('sarhad_ak_forged'), payload: abisRequest('ping') });
    assert.deepEqual([forged.statusCode, errorCode(forged)], [401, 'AUTH_REQUIRED']);
    const officer = await createUser(t, admin, { username: 'officer.abis', roles: ['officer'], allPosts: true });
    const refused = await t.app.inject({ method: 'POST', url: '/api/abis/clients', headers: bearer(officer.token), payload: { name: 'x' } });
    assert.deepEqual([refused.statusCode, errorCode(refused)], [403, 'FORBIDDEN_ROLE']);
  });

  test('INSERT stores references from an inline CBEFF, audited, and REFERENCE_COUNT counts them', async () => {
    for (const person of [1, 2, 3]) {
      const answer = await insert(`ref-${person}`, cbeffOf(person, FINGERS));
      assert.deepEqual([answer.returnValue, answer.failureReason], ['1', undefined], JSON.stringify(answer));
    }
    assert.equal(await count(), 3);
    const fingers = await context.database.db.selectFrom('abis_fingers').select(['finger_position', 'source_format']).where('reference_id', '=', 'ref-2').orderBy('finger_position').execute();
    assert.deepEqual(fingers, FINGERS.map((p) => ({ finger_position: p, source_format: 'iso19794-2:2005' })));
    const audited = await context.database.db.selectFrom('audit_log').select(['actor', 'subject']).where('action', '=', 'abis.inserted').orderBy('seq').execute();
    assert.deepEqual(audited.map((a) => a.subject), ['abis_reference:ref-1', 'abis_reference:ref-2', 'abis_reference:ref-3']);
    assert.equal(audited[0]?.actor, `abis:${clientId}`);
  });

  test('the same requestId twice inserts once and answers the same; reused for another reference it fails with 4', async () => {
    const body = abisRequest('insert', { referenceId: 'ref-4', referenceURL: dataUrl(cbeffOf(4, FINGERS)) });
    const first = await send(body);
    const again = await send(body, '/abis/insert');
    assert.equal(first.returnValue, '1');
    assert.deepEqual(again, first);
    assert.equal(await count(), 4);
    const other = await send({ ...body, referenceId: 'ref-5' });
    assert.deepEqual([other.returnValue, other.failureReason, other.requestId], ['2', '4', body.requestId]);
    assert.equal(await count(), 4);
  });

  test('concurrent copies of one INSERT store one reference', async () => {
    const body = abisRequest('insert', { referenceId: 'ref-6', referenceURL: dataUrl(cbeffOf(6, FINGERS)) });
    const answers = await Promise.all([send(body), send(body), send(body)]);
    assert.deepEqual(answers.map((a) => a.returnValue), ['1', '1', '1']);
    assert.equal(await count(), 5);
  });

  test('a reused referenceId fails with 10 and leaves the stored reference as it was', async () => {
    const before = await context.database.db.selectFrom('abis_fingers').select('template').where('reference_id', '=', 'ref-1').orderBy('finger_position').execute();
    const answer = await insert('ref-1', cbeffOf(9, FINGERS));
    assert.deepEqual([answer.returnValue, answer.failureReason], ['2', '10']);
    const after = await context.database.db.selectFrom('abis_fingers').select('template').where('reference_id', '=', 'ref-1').orderBy('finger_position').execute();
    assert.deepEqual(after, before);
    const found = await send(abisRequest('identify', { referenceURL: dataUrl(cbeffOf(1, FINGERS, 2)) }));
    assert.deepEqual(candidatesOf(found), ['ref-1']);
  });

  test('malformed or empty CBEFF fails with 16 or 11 and stores nothing', async () => {
    const iso = templateBase64(impression(7, 1, 1), 'iso');
    const cases: [string, string, string][] = [
      ['not XML', 'this is not xml', '16'],
      ['unclosed element', '<BIR><BDBInfo>', '16'],
      ['a document type declaration', `<!DOCTYPE BIR [<!ENTITY x SYSTEM "file:///etc/passwd">]>${cbeffOf(7, [1])}`, '16'],
      ['another root element', '<Record><BIR/></Record>', '16'],
      ['BDB not base64', cbeffRecord([fingerBir('Right Thumb', '***not base64***')]), '16'],
      ['BDB not a template', cbeffRecord([fingerBir('Right Thumb', Buffer.from('garbage bytes of no format').toString('base64'))]), '16'],
      ['a quality out of range', cbeffRecord([fingerBir('Right Thumb', iso, 140)]), '16'],
      ['only a face', cbeffRecord([fingerBir('Right Thumb', iso).replace('<Type>Finger</Type>', '<Type>Face</Type>')]), '11'],
      ['only missing fingers (exceptions)', cbeffRecord([fingerBir('Right Thumb', '')]), '11'],
    ];
    for (const [what, xml, reason] of cases) {
      const answer = await insert(`bad-${randomUUID()}`, xml);
      assert.deepEqual([answer.returnValue, answer.failureReason], ['2', reason], what);
    }
    const tooFew = impression(7, 1, 1);
    const sparse = templateBase64({ ...tooFew, minutiae: tooFew.minutiae.slice(0, 4) }, 'iso');
    const poor = await insert('bad-quality', cbeffRecord([fingerBir('Right Thumb', sparse)]));
    assert.deepEqual([poor.returnValue, poor.failureReason], ['2', '18']);
    assert.equal(await count(), 5);
  });

  test('requests missing or misspelling a field fail with the reason MOSIP names', async () => {
    const url = dataUrl(cbeffOf(8, FINGERS));
    const full = abisRequest('insert', { referenceId: 'ref-8', referenceURL: url });
    const without = (field: string) => Object.fromEntries(Object.entries(full).filter(([k]) => k !== field));
    const cases: [string, unknown, string][] = [
      ['no requestId', without('requestId'), '6'],
      ['no requesttime', without('requesttime'), '9'],
      ['a bad requesttime', { ...full, requesttime: '26/11/2026 08:00' }, '15'],
      ['an unknown version', { ...full, version: '9.9' }, '13'],
      ['an unknown id', { ...full, id: 'mosip.abis.merge' }, '14'],
      ['no referenceId', without('referenceId'), '5'],
      ['no referenceURL', without('referenceURL'), '8'],
      ['a referenceURL nobody allowed', { ...full, referenceURL: 'http://169.254.169.254/latest/meta-data/' }, '7'],
      ['a file: URL', { ...full, referenceURL: 'file:///etc/passwd' }, '7'],
      ['not an object', [full], '4'],
    ];
    for (const [what, body, reason] of cases) {
      const answer = await send(body);
      assert.deepEqual([answer.returnValue, answer.failureReason], ['2', reason], what);
    }
    const wrongPath = await send(full, '/abis/delete');
    assert.deepEqual([wrongPath.returnValue, wrongPath.failureReason], ['2', '14']);
    const notJson = await t.app.inject({ method: 'POST', url: '/abis', headers: { ...bearer(apiKey), 'content-type': 'application/json' }, payload: '{"id": "mosip.abis.insert",' });
    assert.equal(notJson.statusCode, 200);
    assert.deepEqual([(notJson.json() as AbisAnswer).returnValue, (notJson.json() as AbisAnswer).failureReason], ['2', '4']);
    assert.equal(await count(), 5);
  });

  test('IDENTIFY finds the mated reference with scores on the FPIR scale, and excludes the probe itself', async () => {
    assert.equal((await insert('probe-2', cbeffOf(2, FINGERS, 2))).returnValue, '1');
    const answer = await send(abisRequest('identify', { referenceId: 'probe-2', flags: { maxResults: '5', targetFPIR: '30' } }));
    assert.equal(answer.returnValue, '1', JSON.stringify(answer));
    assert.deepEqual(candidatesOf(answer), ['ref-2']);
    assert.equal(answer.candidateList?.count, '1');
    const [candidate] = answer.candidateList!.candidates;
    const internal = Number(candidate!.analytics.internalScore);
    const confidence = Number(candidate!.analytics.confidence);
    // Compared against the other 5 references: confidence = internalScore - 10·log10(5).
    assert.ok(Math.abs(internal - confidence - 10 * Math.log10(5)) < 0.02, JSON.stringify(candidate));
    assert.ok(confidence >= 30);
    assert.deepEqual(candidate!.modalities.map((m) => m.biometricType), ['FIR']);
    const audit = await context.database.db.selectFrom('audit_log').select('details').where('action', '=', 'abis.identified').where('subject', '=', 'abis_reference:probe-2').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.details), { requestId: answer.requestId, compared: 5, candidates: 1, targetFPIR: 30, maxResults: 5, gallery: 'all' });
  });

  test('IDENTIFY honours the gallery subset, maxResults and targetFPIR', async () => {
    assert.equal((await insert('ref-2b', cbeffOf(2, FINGERS, 3))).returnValue, '1');
    const both = await send(abisRequest('identify', { referenceId: 'probe-2' }));
    assert.deepEqual(candidatesOf(both)?.sort(), ['ref-2', 'ref-2b']);
    const one = await send(abisRequest('identify', { referenceId: 'probe-2', flags: { maxResults: 1 } }));
    assert.equal(one.candidateList?.count, '1');
    const subset = await send(abisRequest('identify', { referenceId: 'probe-2', gallery: { referenceIds: [{ referenceId: 'ref-1' }, { referenceId: 'ref-2b' }] } }));
    assert.deepEqual(candidatesOf(subset), ['ref-2b']);
    const elsewhere = await send(abisRequest('identify', { referenceId: 'probe-2', gallery: { referenceIds: [{ referenceId: 'ref-1' }, { referenceId: 'ref-3' }] } }));
    assert.deepEqual([elsewhere.returnValue, elsewhere.candidateList?.count], ['1', '0']);
    // One finger scores at most 120 (the engine's calibrated ceiling): over ~7 references, 100 passes and 120 does not.
    const oneFinger = dataUrl(cbeffOf(3, [2], 2));
    const lenient = await send(abisRequest('identify', { referenceURL: oneFinger, flags: { targetFPIR: 100 } }));
    assert.deepEqual(candidatesOf(lenient), ['ref-3']);
    const strict = await send(abisRequest('identify', { referenceURL: oneFinger, flags: { targetFPIR: 120 } }));
    assert.deepEqual([strict.returnValue, strict.candidateList?.count], ['1', '0']);
    const badFlags = await send(abisRequest('identify', { referenceId: 'probe-2', flags: { maxResults: 0 } }));
    assert.deepEqual([badFlags.returnValue, badFlags.failureReason], ['2', '4']);
  });

  test('IDENTIFY of an unknown referenceId, or over a gallery naming one, fails with 12', async () => {
    const unknown = await send(abisRequest('identify', { referenceId: 'nobody' }));
    assert.deepEqual([unknown.returnValue, unknown.failureReason], ['2', '12']);
    const gallery = await send(abisRequest('identify', { referenceId: 'probe-2', gallery: { referenceIds: [{ referenceId: 'nobody' }] } }));
    assert.deepEqual([gallery.returnValue, gallery.failureReason], ['2', '12']);
  });

  test('DELETE removes a reference from storage and search; a second DELETE fails with 12, a re-sent one answers again', async () => {
    const body = abisRequest('delete', { referenceId: 'ref-2b' });
    const deleted = await send(body, '/abis/delete');
    assert.equal(deleted.returnValue, '1');
    assert.deepEqual(await send(body), deleted);
    const again = await send(abisRequest('delete', { referenceId: 'ref-2b' }));
    assert.deepEqual([again.returnValue, again.failureReason], ['2', '12']);
    const search = await send(abisRequest('identify', { referenceId: 'probe-2' }));
    assert.deepEqual(candidatesOf(search), ['ref-2']);
    assert.equal(await context.database.db.selectFrom('abis_fingers').select('id').where('reference_id', '=', 'ref-2b').executeTakeFirst(), undefined);
  });

  test('PENDING_JOBS counts jobs not yet answered, and an IDENTIFY sent right after an INSERT sees it', async () => {
    const idle = await send(abisRequest('pendingJobs'), '/abis/pending-jobs');
    assert.deepEqual([idle.returnValue, idle.jobscount], ['1', '0']);
    const inserting = insert('ref-10', cbeffOf(10, FINGERS));
    const identifying = send(abisRequest('identify', { referenceURL: dataUrl(cbeffOf(10, FINGERS, 2)) }));
    const [inserted, identified] = await Promise.all([inserting, identifying]);
    assert.equal(inserted.returnValue, '1');
    assert.deepEqual(candidatesOf(identified), ['ref-10']);
  });

  test('jobs run in arrival order even when a later request is ready first (its client authenticated sooner)', async () => {
    const { db, dialect } = context.database;
    const logger = pino({ level: 'silent' });
    const extraction = new ExtractionPool();
    const ctx: ServiceContext = {
      db,
      dialect,
      clock: t.clock,
      config: t.config,
      logger,
      extraction,
      gallery: createGallery(db, t.config, undefined, logger),
      watchlists: new WatchlistScreening(db),
      metrics: new Metrics(),
      events: new EventBus(logger),
      auditKey: () => loadAuditSigningKey(t.config),
    };
    const matcher = new AbisService(ctx, createGallery(db, t.config, ABIS_REFERENCE_FINGERS, logger));
    const client: AbisClientPrincipal = { kind: 'abis', clientId, name: 'MOSIP registration processor' };
    try {
      const first = matcher.arrive();
      const second = matcher.arrive();
      const third = matcher.arrive();
      // The third (an IDENTIFY) is handled before the first (the INSERT it must see) and the second (a PING,
      // which queues no job and must hold no one up).
      const identifying = matcher.handle(client, abisRequest('identify', { referenceURL: dataUrl(cbeffOf(21, FINGERS, 2)) }), undefined, third);
      await new Promise((resolve) => setImmediate(resolve));
      const pinged = (await matcher.handle(client, abisRequest('ping'), undefined, second)) as unknown as AbisAnswer;
      const inserted = (await matcher.handle(client, abisRequest('insert', { referenceId: 'ref-order', referenceURL: dataUrl(cbeffOf(21, FINGERS)) }), undefined, first)) as unknown as AbisAnswer;
      assert.deepEqual([pinged.returnValue, inserted.returnValue], ['1', '1']);
      const idAnswer = (await identifying) as unknown as AbisAnswer;
      assert.deepEqual(candidatesOf(idAnswer), ['ref-order']);
      const deleted = (await matcher.handle(client, abisRequest('delete', { referenceId: 'ref-order' }))) as unknown as AbisAnswer;
      assert.equal(deleted.returnValue, '1');
    } finally {
      await matcher.gallery.close();
      await ctx.gallery.close();
      await extraction.close();
    }
  });

  test('finger images in ISO/IEC 19794-4 records (2011 PNG, 2005 uncompressed) are extracted and found; WSQ is refused with 16', async () => {
    const view = async (seed: number, capture: number, position: number, compression: 'png' | 'none') => {
      const raster = syntheticRaster(seed, capture);
      const pixels = Buffer.from(raster.pixelsBase64, 'base64');
      const data = compression === 'none' ? pixels : await sharp(pixels, { raw: { width: raster.width, height: raster.height, channels: 1 } }).png().toBuffer();
      return { position, width: raster.width, height: raster.height, dpi: raster.dpi, compression, data: new Uint8Array(data) } as const;
    };
    const bdb = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    const record = async (capture: number) =>
      cbeffRecord([
        fingerBir('Right IndexFinger', bdb(encodeFingerImageRecord([await view(7101, capture, 2, 'png')], '020'))),
        // The Subtype names no finger: the image record's own position counts.
        fingerBir('UNKNOWN', bdb(encodeFingerImageRecord([await view(7102, capture, 7, 'none')], '010'))),
      ]);
    const inserted = await insert('ref-images', await record(1));
    assert.equal(inserted.returnValue, '1');
    const stored = await context.database.db.selectFrom('abis_fingers').select(['finger_position', 'source_format']).where('reference_id', '=', 'ref-images').orderBy('finger_position').execute();
    assert.deepEqual(stored, [{ finger_position: 2, source_format: 'raster' }, { finger_position: 7, source_format: 'raster' }]);
    const found = await send(abisRequest('identify', { referenceURL: dataUrl(await record(2)) }));
    assert.equal(candidatesOf(found)?.[0], 'ref-images');
    const wsq = encodeFingerImageRecord([{ ...(await view(7101, 2, 2, 'none')), compression: 'wsq' }], '020');
    const refused = await insert('ref-wsq', cbeffRecord([fingerBir('Right IndexFinger', bdb(wsq))]));
    assert.deepEqual([refused.returnValue, refused.failureReason], ['2', '16']);
    const cut = await insert('ref-cut', cbeffRecord([fingerBir('Right IndexFinger', bdb(encodeFingerImageRecord([await view(7101, 2, 2, 'png')]).subarray(0, 200)))]));
    assert.deepEqual([cut.returnValue, cut.failureReason], ['2', '16']);
    assert.equal((await send(abisRequest('delete', { referenceId: 'ref-images' }))).returnValue, '1');
  });

  test('a version 1.0 request is answered with timestamp and integer values', async () => {
    const { version: _version, requesttime, ...rest } = abisRequest('referenceCount');
    const answer = await send({ ...rest, ver: '1.0', timestamp: requesttime });
    assert.equal(answer.returnValue, 1);
    assert.equal(typeof answer.timestamp, 'string');
    assert.equal(answer.responsetime, undefined);
    assert.equal(typeof answer.count, 'number');
  });

  test('a restarted server loads the references from the database', async () => {
    const restarted = buildTestApp(context.database);
    try {
      const response = await restarted.app.inject({
        method: 'POST',
        url: '/abis/identify',
        headers: bearer(apiKey),
        payload: abisRequest('identify', { referenceURL: dataUrl(cbeffOf(3, FINGERS, 2)) }),
      });
      assert.deepEqual(candidatesOf(response.json() as AbisAnswer), ['ref-3']);
    } finally {
      await restarted.app.close();
    }
  });

  test('a revoked key is refused at once', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/abis/clients', headers: bearer(admin), payload: { name: 'old platform' } });
    const { apiKey: oldKey, client } = created.json() as { apiKey: string; client: { id: string } };
    assert.equal((await send(abisRequest('ping'), '/abis', oldKey)).returnValue, '1');
    const revoked = await t.app.inject({ method: 'POST', url: `/api/abis/clients/${client.id}/revoke`, headers: bearer(admin) });
    assert.equal(revoked.statusCode, 200, revoked.body);
    const refused = await t.app.inject({ method: 'POST', url: '/abis/ping', headers: bearer(oldKey), payload: abisRequest('ping') });
    assert.deepEqual([refused.statusCode, errorCode(refused)], [401, 'AUTH_REQUIRED']);
    const listed = await t.app.inject({ method: 'GET', url: '/api/abis/clients', headers: bearer(admin) });
    const clients = (listed.json() as { clients: { name: string; revokedAt: string | null }[] }).clients;
    assert.deepEqual(clients.map((c) => [c.name, c.revokedAt !== null]).sort(), [
      ['MOSIP registration processor', false],
      ['old platform', true],
    ]);
  });
});

describeEachDialect('ABIS biometrics fetched from a referenceURL', (context) => {
  let share: Server;
  let base: string;
  let t: TestApp;
  let apiKey: string;
  const send = async (body: unknown): Promise<AbisAnswer> =>
    (await t.app.inject({ method: 'POST', url: '/abis', headers: bearer(apiKey), payload: body as object })).json() as AbisAnswer;

  before(async () => {
    // A stand-in for MOSIP's data-share service: /share/<person> answers a CBEFF, /share/expired 410, /other/ 200.
    share = createServer((request, response) => {
      const path = request.url ?? '';
      if (path === '/share/expired') return void response.writeHead(410).end();
      if (path === '/share/redirect') return void response.writeHead(302, { location: `${base}/other/11` }).end();
      const match = /^\/(share|other)\/(\d+)$/.exec(path);
      if (!match) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/xml' }).end(cbeffOf(Number(match[2]), FINGERS));
    });
    await new Promise<void>((resolve) => share.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(share.address() as AddressInfo).port}`;
    t = buildTestApp(context.database, { SARHAD_ABIS_FETCH_ALLOW: `${base}/share/`, SARHAD_ABIS_FETCH_TIMEOUT_MS: '2000' });
    const admin = (await setupAdmin(t, context.database)).token;
    const created = await t.app.inject({ method: 'POST', url: '/api/abis/clients', headers: bearer(admin), payload: { name: 'MOSIP' } });
    apiKey = (created.json() as { apiKey: string }).apiKey;
  });
  after(async () => {
    await t.app.close();
    await new Promise((resolve) => share.close(resolve));
  });

  test('fetches an allowed URL; refuses other paths, redirects and missing shares with 7, expired ones with 17', async () => {
    const ok = await send(abisRequest('insert', { referenceId: 'ref-11', referenceURL: `${base}/share/11` }));
    assert.equal(ok.returnValue, '1', JSON.stringify(ok));
    const cases: [string, string][] = [
      [`${base}/other/11`, '7'],
      [`${base}/share/../other/11`, '7'],
      [`${base}/share/redirect`, '7'],
      [`${base}/share/missing`, '7'],
      [`${base}/share/expired`, '17'],
    ];
    for (const [url, reason] of cases) {
      const answer = await send(abisRequest('insert', { referenceId: `ref-${randomUUID()}`, referenceURL: url }));
      assert.deepEqual([answer.returnValue, answer.failureReason], ['2', reason], url);
    }
    const found = await send(abisRequest('identify', { referenceId: 'probe', referenceURL: `${base}/share/11` }));
    assert.deepEqual(found.candidateList?.candidates.map((c) => c.referenceId), ['ref-11']);
  });
});
