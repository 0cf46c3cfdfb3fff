import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, login, setupAdmin, type TestApp } from './helpers/app.js';
import { td3 } from './helpers/mrz.js';
import { listAuditEntries, verifyAuditChain } from '../src/services/audit-service.js';

const KHAN = {
  issuingState: 'PAK',
  surname: 'KHAN',
  givenNames: 'AHMED',
  documentNumber: 'AB1234567',
  nationality: 'PAK',
  birthDate: '850101',
  sex: 'M' as const,
  expiryDate: '300101',
};

describeEachDialect('travellers and documents', (context) => {
  let t: TestApp;
  let officer: string;
  let officerId: string;
  let travellerId: string;
  before(async () => {
    t = buildTestApp(context.database);
    const admin = (await setupAdmin(t, context.database)).token;
    await createPost(t, admin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
    const kabulSide = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: bearer(admin),
      payload: { code: 'TKA', name: 'Torkham (Afghan side)', side: 'AF', timeZone: 'Asia/Kabul' },
    });
    assert.equal(kabulSide.statusCode, 201);
    ({ token: officer, id: officerId } = await createUser(t, admin, { username: 'officer.tkm', roles: ['officer'], posts: ['TKM'] }));
    await createUser(t, admin, { username: 'analyst.hq', roles: ['analyst'], allPosts: true });
  });
  after(() => t.app.close());

  const postJson = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(officer), payload });
  const addDocument = (document: object, id = travellerId) => postJson(`/api/travellers/${id}/documents`, { post: 'TKM', document });

  test('records a traveller with Latin and original-script names and a partial birth date', async () => {
    const response = await postJson('/api/travellers', {
      post: 'TKM',
      surnameLatin: 'Khan',
      givenNamesLatin: 'Ahmed',
      surnameOriginal: 'خان',
      givenNamesOriginal: 'احمد',
      fatherNameLatin: 'Gul Khan',
      birthDate: '1985',
      sex: 'M',
      nationality: 'PAK',
    });
    assert.equal(response.statusCode, 201, response.body);
    const traveller = (response.json() as { traveller: Record<string, unknown> }).traveller;
    travellerId = traveller.id as string;
    assert.deepEqual(
      [traveller.surnameLatin, traveller.givenNamesOriginal, traveller.originalScript, traveller.birthDate, traveller.fatherNameLatin],
      ['KHAN', 'احمد', 'Arab', '1985', 'GUL KHAN'],
    );
  });

  test('refuses impossible or future birth dates and non-Latin Latin names', async () => {
    const base = { post: 'TKM', surnameLatin: 'Khan', givenNamesLatin: 'Ahmed', sex: 'M', nationality: 'PAK' };
    for (const birthDate of ['1985-13', '1985-02-30', '3020', '1850']) {
      assert.equal(errorCode(await postJson('/api/travellers', { ...base, birthDate })), 'VALIDATION_FAILED', birthDate);
    }
    assert.equal(errorCode(await postJson('/api/travellers', { ...base, birthDate: '1985', surnameLatin: 'خان' })), 'VALIDATION_FAILED');
  });

  test('accepts a passport whose MRZ check digits are all valid', async () => {
    const response = await addDocument({ type: 'passport', mrz: td3(KHAN).join('\n') });
    assert.equal(response.statusCode, 201, response.body);
    const document = (response.json() as { document: Record<string, unknown> }).document;
    assert.deepEqual(
      [document.type, document.number, document.issuingCountry, document.validUntil, document.travelDocument],
      ['passport', 'AB1234567', 'PAK', '2030-01-01', true],
    );
  });

  test('refuses a passport MRZ with a wrong check digit, naming it', async () => {
    const [line1, line2] = td3({ ...KHAN, documentNumber: 'AB7654321' });
    const broken = line2.slice(0, 9) + String((Number(line2[9]) + 1) % 10) + line2.slice(10);
    const response = await addDocument({ type: 'passport', mrz: [line1, broken] });
    assert.equal(response.statusCode, 400);
    assert.equal(errorCode(response), 'DOCUMENT_INVALID');
    assert.match((response.json() as { error: { message: string } }).error.message, /Document number check digit/);
  });

  test('refuses a passport whose MRZ birth date contradicts the traveller', async () => {
    const response = await addDocument({ type: 'passport', mrz: td3({ ...KHAN, documentNumber: 'AB1111111', birthDate: '900101' }) });
    assert.equal(errorCode(response), 'DOCUMENT_INVALID');
    assert.match((response.json() as { error: { message: string } }).error.message, /birth date 1990-01-01/);
  });

  test('normalises a CNIC typed without hyphens and refuses a malformed one', async () => {
    const response = await addDocument({ type: 'cnic', number: '1710112345671' });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal((response.json() as { document: { number: string; issuingCountry: string } }).document.number, '17101-1234567-1');
    assert.equal(errorCode(await addDocument({ type: 'cnic', number: '17101-123456-1' })), 'VALIDATION_FAILED');
  });

  test('the same document cannot be registered twice', async () => {
    assert.equal(errorCode(await addDocument({ type: 'cnic', number: '17101-1234567-1' })), 'DOCUMENT_TAKEN');
  });

  test('a border pass is issued at a post for at most six months, by that post\'s country', async () => {
    const tooLong = await addDocument({ type: 'border_pass', number: 'RP-0001', issuingPost: 'TKM', validFrom: '2026-01-01', validUntil: '2026-12-31' });
    assert.equal(errorCode(tooLong), 'DOCUMENT_INVALID');
    const afghan = await addDocument({ type: 'border_pass', number: 'RP-0001', issuingPost: 'TKA', validFrom: '2026-06-01', validUntil: '2026-11-30' });
    assert.equal(afghan.statusCode, 201, afghan.body);
    const document = (afghan.json() as { document: { issuingCountry: string; issuingPost: string } }).document;
    assert.deepEqual([document.issuingCountry, document.issuingPost], ['AFG', 'TKA']);
  });

  test('records visas, Tazkiras, e-Tazkiras and PoR cards; a PoR card is not a travel document', async () => {
    const visa = await addDocument({ type: 'visa', number: 'V1234567', issuingCountry: 'AFG', validFrom: '2026-01-01', validUntil: '2026-03-31', entries: 'single' });
    assert.equal(visa.statusCode, 201, visa.body);
    assert.equal((await addDocument({ type: 'tazkira', number: '123/45/6789' })).statusCode, 201);
    const eTazkira = await addDocument({ type: 'e_tazkira', number: '1400010012345' });
    assert.equal((eTazkira.json() as { document: { number: string } }).document.number, '1400-0100-12345');
    const por = await addDocument({ type: 'por_card', number: 'POR123456', validUntil: '2026-06-30' });
    assert.equal((por.json() as { document: { travelDocument: boolean } }).document.travelDocument, false);
  });

  test('finds a traveller by document number and audits the search with its matches', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/travellers?documentType=cnic&documentNumber=1710112345671',
      headers: bearer(officer),
    });
    assert.equal(response.statusCode, 200);
    const travellers = (response.json() as { travellers: { id: string; documents: unknown[] }[] }).travellers;
    assert.deepEqual(travellers.map((x) => x.id), [travellerId]);
    const none = await t.app.inject({ method: 'GET', url: '/api/travellers?documentType=passport&documentNumber=ZZ0000000', headers: bearer(officer) });
    assert.deepEqual((none.json() as { travellers: unknown[] }).travellers, []);
    const searches = (await listAuditEntries(context.database.db, 0, 1000)).filter((e) => e.action === 'traveller.searched');
    assert.deepEqual(searches.map((e) => e.details.matches), [[travellerId], []]);
    assert.ok(searches.every((e) => e.actor === `user:${officerId}` && e.post === 'TKM'));
  });

  test('finds a traveller by Latin name with a compatible partial birth date', async () => {
    const search = async (query: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/travellers?${query}`, headers: bearer(officer) });
      assert.equal(response.statusCode, 200, response.body);
      return (response.json() as { travellers: { id: string }[] }).travellers.map((x) => x.id);
    };
    assert.deepEqual(await search('surname=khan&birthDate=1985-03-10'), [travellerId]);
    assert.deepEqual(await search('surname=Khan&givenNames=Ahmed'), [travellerId]);
    assert.deepEqual(await search('surname=khan&birthDate=1986'), []);
    assert.deepEqual(await search('surname=Khan&givenNames=Mahmood'), []);
    const last = (await listAuditEntries(context.database.db, 0, 1000)).filter((e) => e.action === 'traveller.searched').at(-1)!;
    assert.deepEqual(last.details, { by: 'name', withGivenNames: true, withBirthDate: false, matches: [] });
  });

  test('a scanned MRZ finds the passport holder; an unknown passport returns its parsed fields to prefill', async () => {
    const lookup = (mrz: string[]) => postJson('/api/travellers/lookup-mrz', { mrz });
    const known = await lookup(td3(KHAN));
    assert.equal(known.statusCode, 200, known.body);
    const found = known.json() as { passport: { number: string; birthDate: string }; travellers: { id: string }[] };
    assert.deepEqual([found.passport.number, found.passport.birthDate, found.travellers.map((x) => x.id)], ['AB1234567', '1985-01-01', [travellerId]]);
    const stranger = await lookup(td3({ ...KHAN, surname: 'NOORI', givenNames: 'ZARMINA', documentNumber: 'P01234567', issuingState: 'AFG', nationality: 'AFG', sex: 'F' }));
    const fresh = stranger.json() as { passport: Record<string, string>; travellers: unknown[] };
    assert.deepEqual(fresh.travellers, []);
    assert.deepEqual([fresh.passport.surname, fresh.passport.givenNames, fresh.passport.issuingCountry, fresh.passport.sex], ['NOORI', 'ZARMINA', 'AFG', 'F']);
    const [line1, line2] = td3(KHAN);
    assert.equal(errorCode(await lookup([line1, line2.slice(0, 43) + '9'])), 'DOCUMENT_INVALID');
    const audited = (await listAuditEntries(context.database.db, 0, 1000)).filter((e) => e.details.by === 'mrz');
    assert.equal(audited.length, 2);
  });

  test('every read of a traveller is audited', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/travellers/${travellerId}`, headers: bearer(officer) });
    assert.equal(response.statusCode, 200);
    const documents = (response.json() as { traveller: { documents: { type: string; status: string }[] } }).traveller.documents;
    assert.equal(documents.length, 7);
    assert.deepEqual(Object.fromEntries(documents.map((d) => [d.type, d.status])), {
      passport: 'valid',
      cnic: 'no_expiry',
      border_pass: 'valid',
      visa: 'expired',
      tazkira: 'no_expiry',
      e_tazkira: 'no_expiry',
      por_card: 'expired',
    });
    const reads = (await listAuditEntries(context.database.db, 0, 1000)).filter((e) => e.action === 'traveller.read');
    assert.equal(reads.at(-1)?.subject, `traveller:${travellerId}`);
    const missing = await t.app.inject({ method: 'GET', url: '/api/travellers/00000000-0000-4000-8000-000000000000', headers: bearer(officer) });
    assert.equal(errorCode(missing), 'TRAVELLER_NOT_FOUND');
  });

  test('validity is judged on the local date at the reader\'s post', async () => {
    // 19:30 UTC on the border pass's last day is already the next day at Torkham (UTC+5).
    t.clock.advance(Date.parse('2026-11-30T19:30:00.000Z') - t.clock.now().getTime());
    const statusFor = async (token: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/travellers/${travellerId}`, headers: bearer(token) });
      const documents = (response.json() as { traveller: { documents: { type: string; status: string }[] } }).traveller.documents;
      return documents.find((d) => d.type === 'border_pass')?.status;
    };
    assert.equal(await statusFor(await login(t, 'officer.tkm')), 'expired');
    assert.equal(await statusFor(await login(t, 'analyst.hq')), 'valid');
  });

  test('the audit log holds no names or document numbers, and the chain verifies', async () => {
    const text = JSON.stringify(await listAuditEntries(context.database.db, 0, 1000));
    for (const personal of ['KHAN', 'خان', 'AB1234567', '17101-1234567-1', 'RP-0001']) assert.ok(!text.includes(personal), personal);
    assert.equal((await verifyAuditChain(context.database.db)).ok, true);
  });
});
