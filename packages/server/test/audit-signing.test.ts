import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createUser, errorCode, setupAdmin, testConfig } from './helpers/app.js';
import { ManualClock } from '../src/clock.js';
import { isServerError } from '../src/errors.js';
import { SIGNED_CHECKPOINT_TYPE, type SignedAuditCheckpoint } from '../src/domain/audit-signature.js';
import {
  loadAuditSigningKey,
  parsePublicKey,
  publicKeyOf,
  signAuditCheckpoint,
  verifyCheckpointSignature,
} from '../src/services/audit-signing-service.js';
import { appendAudit, verifyAuditChain } from '../src/services/audit-service.js';

const home = mkdtempSync(join(tmpdir(), 'sarhad-audit-signing-'));
after(() => rmSync(home, { recursive: true, force: true }));
const clock = new ManualClock('2026-11-26T10:00:00.000Z');

function keyConfig(dir: string, env: Record<string, string> = {}) {
  return testConfig({ SARHAD_DATA_DIR: dir, SARHAD_SERVER_ID: 'TKM', ...env });
}

const key = loadAuditSigningKey(keyConfig(join(home, 'main')));
const checkpoint = signAuditCheckpoint(key, { seq: 7, hash: 'a'.repeat(64), time: '2026-11-26T09:59:00.000Z' }, clock);

function refusedWith(code: string, run: () => unknown): void {
  assert.throws(run, (error: unknown) => isServerError(error) && error.code === code);
}

test('a key is generated on first use in the data directory, readable by its owner only, and reused after', () => {
  const file = join(home, 'main', 'audit-signing-key.pem');
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const again = loadAuditSigningKey(keyConfig(join(home, 'main')));
  assert.equal(again.keyId, key.keyId);
  assert.match(publicKeyOf(key).publicKey, /^-----BEGIN PUBLIC KEY-----/);
});

test('a signed checkpoint names its server, key and type and verifies with the public key alone', () => {
  assert.deepEqual(
    [checkpoint.type, checkpoint.server, checkpoint.keyId, checkpoint.signedAt],
    [SIGNED_CHECKPOINT_TYPE, 'TKM', key.keyId, '2026-11-26T10:00:00.000Z'],
  );
  const publicKey = parsePublicKey(publicKeyOf(key).publicKey, 'test key');
  assert.deepEqual(verifyCheckpointSignature(JSON.parse(JSON.stringify(checkpoint)), publicKey), checkpoint);
});

test('a checkpoint altered in any signed field is refused as AUDIT_SIGNATURE_INVALID', () => {
  const altered: Partial<SignedAuditCheckpoint>[] = [
    { seq: 8 },
    { hash: 'b'.repeat(64) },
    { time: '2026-11-26T09:59:00.001Z' },
    { server: 'CMN' },
    { signedAt: '2026-11-27T10:00:00.000Z' },
  ];
  for (const change of altered) {
    refusedWith('AUDIT_SIGNATURE_INVALID', () => verifyCheckpointSignature({ ...checkpoint, ...change }, key.publicKey));
  }
  const flipped = Buffer.from(checkpoint.signature, 'base64');
  flipped[10]! ^= 1;
  refusedWith('AUDIT_SIGNATURE_INVALID', () =>
    verifyCheckpointSignature({ ...checkpoint, signature: flipped.toString('base64') }, key.publicKey),
  );
});

test('a checkpoint forged with another key is refused, even when it claims the right key id', () => {
  const forger = loadAuditSigningKey(keyConfig(join(home, 'forger')));
  const forged = signAuditCheckpoint(forger, { seq: 7, hash: 'a'.repeat(64), time: null }, clock);
  refusedWith('AUDIT_SIGNATURE_INVALID', () => verifyCheckpointSignature(forged, key.publicKey));
  refusedWith('AUDIT_SIGNATURE_INVALID', () => verifyCheckpointSignature({ ...forged, keyId: key.keyId }, key.publicKey));
});

test('an unsigned or malformed checkpoint is refused with its own code', () => {
  refusedWith('AUDIT_CHECKPOINT_UNSIGNED', () => verifyCheckpointSignature({ seq: 7, hash: 'a'.repeat(64), time: null }, key.publicKey));
  refusedWith('AUDIT_CHECKPOINT_INVALID', () => verifyCheckpointSignature({ ...checkpoint, seq: -1 }, key.publicKey));
  refusedWith('AUDIT_PUBLIC_KEY_INVALID', () => parsePublicKey('not a key', 'k.pem'));
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
  refusedWith('AUDIT_PUBLIC_KEY_INVALID', () => parsePublicKey(rsa, 'rsa.pem'));
});

test('a key file others can read, a configured file that is missing, or a non-Ed25519 key is refused', () => {
  const file = join(home, 'main', 'audit-signing-key.pem');
  chmodSync(file, 0o644);
  refusedWith('AUDIT_SIGNING_KEY_INVALID', () => loadAuditSigningKey(keyConfig(join(home, 'main'))));
  chmodSync(file, 0o600);
  refusedWith('AUDIT_SIGNING_KEY_INVALID', () =>
    loadAuditSigningKey(keyConfig(join(home, 'other'), { SARHAD_AUDIT_KEY_FILE: join(home, 'missing.pem') })),
  );
  const rsaFile = join(home, 'rsa.pem');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  writeFileSync(rsaFile, rsa, { mode: 0o600 });
  refusedWith('AUDIT_SIGNING_KEY_INVALID', () => loadAuditSigningKey(keyConfig(join(home, 'other'), { SARHAD_AUDIT_KEY_FILE: rsaFile })));
  const provided = loadAuditSigningKey(keyConfig(join(home, 'other'), { SARHAD_AUDIT_KEY_FILE: file }));
  assert.equal(provided.keyId, key.keyId);
  assert.equal(readFileSync(file, 'utf8').includes('PRIVATE KEY'), true);
});

describeEachDialect('signed checkpoints over HTTP', (context) => {
  test('an auditor gets the public key and a signed checkpoint of the verified chain; an officer does not', async () => {
    const t = buildTestApp(context.database, { SARHAD_DATA_DIR: join(home, `http-${context.dialect}`), SARHAD_SERVER_ID: 'HQ' });
    const admin = (await setupAdmin(t, context.database)).token;
    const auditor = await createUser(t, admin, { username: 'a.auditor', roles: ['auditor'], allPosts: true });
    const officer = await createUser(t, admin, { username: 'o.officer', roles: ['officer'], allPosts: true });

    const keyResponse = await t.app.inject({ method: 'GET', url: '/api/audit/public-key', headers: bearer(auditor.token) });
    assert.equal(keyResponse.statusCode, 200, keyResponse.body);
    const published = keyResponse.json() as { algorithm: string; server: string; keyId: string; publicKey: string };
    assert.deepEqual([published.algorithm, published.server], ['Ed25519', 'HQ']);

    await appendAudit(context.database.db, clock, { actor: 'system', action: 'test.before_checkpoint' });
    const signed = await t.app.inject({ method: 'GET', url: '/api/audit/checkpoint/signed', headers: bearer(auditor.token) });
    assert.equal(signed.statusCode, 200, signed.body);
    const body = signed.json() as { checkpoint: SignedAuditCheckpoint };
    const verified = verifyCheckpointSignature(body.checkpoint, parsePublicKey(published.publicKey, 'published'));
    const chain = await verifyAuditChain(context.database.db);
    assert.equal(chain.ok && chain.head.hash, verified.hash);
    assert.equal((await verifyAuditChain(context.database.db, { checkpoint: verified })).ok, true);

    for (const url of ['/api/audit/public-key', '/api/audit/checkpoint/signed']) {
      const refused = await t.app.inject({ method: 'GET', url, headers: bearer(officer.token) });
      assert.equal(errorCode(refused), 'FORBIDDEN_ROLE');
    }
  });
});
