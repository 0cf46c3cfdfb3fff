/**
 * Durability under load: a real `sarhad serve` (SQLite, synchronous=FULL) is killed with SIGKILL 20 times in the
 * middle of a crossing load. After every restart each crossing the server acknowledged (201) is still there, a retry
 * of any submission with its idempotency key returns the crossing already stored instead of recording it twice,
 * and at the end the audit chain verifies.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossingBody, setUpPost, startBenchServer, stopBenchServer, type BenchServer } from '../src/commands/bench-crossings.js';

const KILLS = 20;
const LANES = 4;
const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));

interface Submission {
  readonly body: string;
  readonly key: string;
  /** The crossing id the server answered with, once acknowledged. */
  id?: string;
}

async function post(server: BenchServer, key: string, body: string): Promise<{ status: number; id?: string; replay: boolean }> {
  const response = await fetch(`${server.url}/api/crossings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body,
  });
  const json = (await response.json()) as { crossing?: { id: string } };
  return { status: response.status, id: json.crossing?.id, replay: response.headers.get('idempotent-replay') === 'true' };
}

test('every acknowledged crossing survives 20 kill -9 restarts under load, none is stored twice, the audit chain verifies', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sarhad-durability-'));
  try {
    let server = await startBenchServer(dataDir);
    const { deviceKeys, passports } = await setUpPost(server, { lanes: LANES, travellers: 6, watchlist: 10 });
    const submissions: Submission[] = [];
    let sequence = 0;

    for (let kill = 0; kill < KILLS; kill++) {
      // Lanes submit back to back; the kill lands while several crossings are in flight.
      let stopping = false;
      const lane = async (key: string) => {
        while (!stopping) {
          const n = sequence++;
          const traveller = n % passports.length;
          const submission: Submission = { key, body: crossingBody(traveller, passports[traveller]!, n % 2 === 0 ? 'in' : 'out', 2 + (n % 4)) };
          submissions.push(submission);
          try {
            const answer = await post(server, key, submission.body);
            if (answer.status === 201) submission.id = answer.id;
          } catch {
            return; // the connection died with the server: this one is unacknowledged
          }
        }
      };
      const lanes = deviceKeys.map(lane);
      await new Promise((resolve) => setTimeout(resolve, 150 + ((kill * 37) % 200)));
      stopping = true;
      await stopBenchServer(server, 'SIGKILL');
      await Promise.all(lanes);
      server = await startBenchServer(dataDir);

      // Every acknowledged crossing is there, with the answer it was given.
      for (const s of submissions.filter((x) => x.id !== undefined)) {
        const again = await post(server, s.key, s.body);
        assert.equal(again.status, 201);
        assert.equal(again.id, s.id, 'a retry returns the crossing already stored');
        assert.equal(again.replay, true);
      }
    }

    // Retrying the ones never acknowledged stores each at most once: every submission has one distinct crossing.
    for (const s of submissions.filter((x) => x.id === undefined)) {
      const answer = await post(server, s.key, s.body);
      assert.equal(answer.status, 201);
      s.id = answer.id;
      const replay = await post(server, s.key, s.body);
      assert.equal(replay.id, answer.id);
    }
    const ids = new Set(submissions.map((s) => s.id));
    assert.equal(ids.size, submissions.length, 'no crossing is stored twice');
    assert.ok(submissions.length > KILLS * LANES, `only ${submissions.length} crossings were submitted`);

    await stopBenchServer(server);
    const verify = spawnSync(process.execPath, [bin, 'audit', 'verify', '--data-dir', dataDir, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
    assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    assert.equal((JSON.parse(verify.stdout) as { ok: boolean }).ok, true);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
