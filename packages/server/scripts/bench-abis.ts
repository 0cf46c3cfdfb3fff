/**
 * A measurement of the ABIS interface end to end, in process (app.inject): INSERT `--references` two-finger
 * references of synthetic people as inline CBEFF, then IDENTIFY `--probes` mated probes (another impression of a
 * stored person) and as many non-mated ones, on a fresh SQLite database, with the configured gallery.
 *
 *   npx tsx packages/server/scripts/bench-abis.ts --references 2000 --probes 50 --gallery indexed [--workers 2]
 *
 * Prints one JSON object: inserts per second, identify latency percentiles (wall, ms) and CPU ms per identify (the
 * whole process: main thread and the gallery's workers), rank-1 hits of mated probes, false candidates of non-mated
 * ones at targetFPIR 30, and the gallery's load time after a restart: from the database, and (indexed gallery) from
 * the snapshot written at the shutdown before. CPU time is the figure to compare on a shared
 * machine; wall time includes waiting for a core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { encodeIso19794, syntheticMinutiaeImpression } from '@sarhad/engine';
import { build } from '../src/app.js';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { issueSetupToken } from '../src/services/setup-service.js';

const { values } = parseArgs({
  options: {
    references: { type: 'string', default: '2000' },
    probes: { type: 'string', default: '50' },
    gallery: { type: 'string', default: 'indexed' },
    workers: { type: 'string' },
  },
});
const REFERENCES = Number(values.references);
const PROBES = Number(values.probes);
const POSITIONS = [2, 7];
const SUBTYPES: Record<number, string> = { 2: 'Right IndexFinger', 7: 'Left IndexFinger' };
const PASSWORD = 'benchmark password 1234';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function cbeff(person: number, capture: number): string {
  const birs = POSITIONS.map((p) => {
    const bdb = Buffer.from(encodeIso19794(syntheticMinutiaeImpression(person, p, capture))).toString('base64');
    return `<BIR><BDBInfo><Type>Finger</Type><Subtype>${SUBTYPES[p]}</Subtype><Quality><Score>80</Score></Quality></BDBInfo><BDB>${bdb}</BDB></BIR>`;
  });
  return `data:application/xml;base64,${Buffer.from(`<BIR>${birs.join('')}</BIR>`).toString('base64')}`;
}
const request = (operation: string, fields: object) => ({
  id: `mosip.abis.${operation}`,
  version: '1.1',
  requestId: randomUUID(),
  requesttime: new Date().toISOString(),
  ...fields,
});

const dir = mkdtempSync(join(tmpdir(), 'sarhad-bench-abis-'));
try {
  const env = {
    SARHAD_LOG_LEVEL: 'silent',
    SARHAD_DATA_DIR: dir,
    SARHAD_GALLERY: values.gallery!,
    SARHAD_GALLERY_SNAPSHOT_DIR: 'off',
    ...(values.workers ? { SARHAD_GALLERY_WORKERS: values.workers } : {}),
  };
  const config = loadConfig(env, dir);
  const database = await openDatabase(config.database);
  await migrateToLatest(database);
  const clock = new ManualClock(new Date().toISOString());
  const logger = pino({ level: 'silent' });
  let app = build({ database, clock, config, logger });
  const token = await issueSetupToken({ db: database.db, dialect: database.dialect, clock, config, logger });
  await app.inject({ method: 'POST', url: '/api/setup', payload: { token, username: 'bench.admin', displayName: 'Bench', password: PASSWORD } });
  const session = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench.admin', password: PASSWORD } })).json() as { token: string };
  const created = await app.inject({ method: 'POST', url: '/api/abis/clients', headers: { authorization: `Bearer ${session.token}` }, payload: { name: 'bench' } });
  const key = (created.json() as { apiKey: string }).apiKey;
  const send = async (body: object) =>
    (await app.inject({ method: 'POST', url: '/abis', headers: { authorization: `Bearer ${key}` }, payload: body })).json() as {
      returnValue: string;
      candidateList?: { candidates: { referenceId: string }[] };
    };

  const insertStart = performance.now();
  const refused = new Map<string, number>(); // failure reason -> references refused (18: too few minutiae)
  const stored = new Set<number>();
  for (let i = 0; i < REFERENCES; i++) {
    const answer = (await send(request('insert', { referenceId: `ref-${i}`, referenceURL: cbeff(100_000 + i, 1) }))) as { returnValue: string; failureReason?: string };
    if (answer.returnValue === '1') stored.add(i);
    else refused.set(answer.failureReason ?? '?', (refused.get(answer.failureReason ?? '?') ?? 0) + 1);
    if ((i + 1) % 500 === 0) process.stderr.write(`inserted ${i + 1}\n`);
  }
  const insertSeconds = (performance.now() - insertStart) / 1000;

  await app.close();
  const loadStart = performance.now();
  app = build({ database, clock, config, logger });
  await app.ready();
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const wall: number[] = [];
  const cpu: number[] = [];
  let rank1 = 0;
  let falseCandidates = 0;
  const step = Math.max(1, Math.floor(REFERENCES / PROBES));
  const mates = [...stored].filter((_, j) => j % step === 0).slice(0, PROBES);
  for (let k = 0; k < mates.length + PROBES; k++) {
    const mated = k < mates.length;
    const person = mated ? 100_000 + mates[k]! : 900_000 + k;
    const body = request('identify', { referenceURL: cbeff(person, mated ? 3 : 1), flags: { maxResults: 5, targetFPIR: 30 } });
    const c0 = cpuMs();
    const t0 = performance.now();
    const answer = await send(body);
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
    const candidates = answer.candidateList?.candidates ?? [];
    if (mated && candidates[0]?.referenceId === `ref-${mates[k]}`) rank1++;
    if (!mated) falseCandidates += candidates.length;
  }
  await app.close();

  // Restart from the snapshot: one start writes it at close, the next reads it.
  let snapshotLoadSeconds: number | null = null;
  if (values.gallery === 'indexed') {
    const withSnapshot = loadConfig({ ...env, SARHAD_GALLERY_SNAPSHOT_DIR: dir }, dir);
    app = build({ database, clock, config: withSnapshot, logger });
    await app.ready();
    await app.close();
    const snapshotStart = performance.now();
    app = build({ database, clock, config: withSnapshot, logger });
    await app.ready();
    snapshotLoadSeconds = (performance.now() - snapshotStart) / 1000;
    await app.close();
  }
  await database.close();
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      gallery: values.gallery,
      references: stored.size,
      insertsRefused: Object.fromEntries(refused),
      fingers: POSITIONS.length,
      insertsPerSecond: round(REFERENCES / insertSeconds),
      loadSeconds: round(loadSeconds),
      snapshotLoadSeconds: snapshotLoadSeconds === null ? null : round(snapshotLoadSeconds),
      identifyP50Ms: round(percentile(wall, 50)),
      identifyP95Ms: round(percentile(wall, 95)),
      identifyCpuP50Ms: round(percentile(cpu, 50)),
      identifyCpuP95Ms: round(percentile(cpu, 95)),
      rank1: `${rank1}/${mates.length}`,
      falseCandidatesNonMated: `${falseCandidates} in ${PROBES} searches`,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
