/**
 * Demo data: a living demo post on a fresh machine, with no network and no real personal data. Everything goes
 * through the real services, acting as the demo accounts it creates, so every record is valid and audited like an
 * officer's work: the five posts with lanes and a scanner per lane, one account per role (generated one-time
 * passwords, shown once), a stop list in the national CSV format, thousands of synthetic travellers enrolled with
 * two fingers each (the 1:N de-duplication search runs for every one) and their documents, duplicate enrolments
 * left for a supervisor to adjudicate, and a history of crossings some of which are now overstays.
 *
 * History is recorded by the crossing service with the clock set to when it happened (one to two months ago), so
 * those crossings, their decisions and their audit entries carry those times; the `demo.loaded` audit entry at the
 * end says how many there were. Only demo databases hold such entries.
 *
 * Loading is idempotent: `demo_state` remembers a finished load (a second one is refused with DEMO_ALREADY_LOADED)
 * and how far an interrupted one got; a resumed load skips accounts, posts, lanes and travellers that exist and the
 * steps it had finished. It is deterministic for a seed (and the day it is generated for).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { encodeIso19794, syntheticMinutiaeImpression } from '@sarhad/engine';
import * as demoRepo from '../repositories/demo-repository.js';
import * as devicesRepo from '../repositories/devices-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import * as travellersRepo from '../repositories/travellers-repository.js';
import * as usersRepo from '../repositories/users-repository.js';
import { ServerError } from '../errors.js';
import type { DevicePrincipal, UserPrincipal } from '../domain/principal.js';
import type { Role } from '../domain/roles.js';
import type { Clock } from '../clock.js';
import {
  DEMO_FINGERS,
  DEMO_POSTS,
  MAX_DEMO_SEED,
  addDays,
  demoPerson,
  demoStopList,
  presentedDocument,
  type DemoDocument,
  type DemoPerson,
} from '../domain/demo-people.js';
import type { NewDocument } from '../domain/documents.js';
import { localDate } from '../domain/local-date.js';
import { appendAudit } from './audit-service.js';
import { createPost, createLane } from './posts-service.js';
import { createDevice } from './devices-service.js';
import { createUser } from './users-service.js';
import { importWatchlist } from './watchlists-service.js';
import { enrolTraveller } from './enrolment-service.js';
import { addDocument, createTraveller } from './travellers-service.js';
import { processCrossing } from './crossings-service.js';
import { officerDecision } from './crossing-decisions-service.js';
import { nowIso, type ServiceContext } from './context.js';

/** The default demo population: enrolling it runs about N² / 2 fingerprint comparisons (the 1:N searches). */
export const DEFAULT_DEMO_TRAVELLERS = 2000; // travellers
export const DEFAULT_DEMO_SEED = 7;
/** Largest population accepted: the loader's 1:N searches grow with its square. */
export const MAX_DEMO_TRAVELLERS = 20_000; // travellers
/** Progress is written to `demo_state` at most this often. */
const PROGRESS_EVERY = 20; // steps

export const DemoLoadRequest = z.object({
  seed: z.number().int().min(1).max(MAX_DEMO_SEED).default(DEFAULT_DEMO_SEED),
  travellers: z.number().int().min(50).max(MAX_DEMO_TRAVELLERS).default(DEFAULT_DEMO_TRAVELLERS),
});
export type DemoLoadRequest = z.infer<typeof DemoLoadRequest>;

/** A demo account and its one-time password (null when the account already existed: its password is not known). */
export interface DemoAccount {
  readonly username: string;
  readonly roles: readonly Role[];
  readonly posts: readonly string[] | 'all';
  readonly password: string | null;
}

export interface DemoSummary {
  readonly seed: number;
  readonly travellers: number;
  readonly enrolled: number;
  readonly duplicateCases: number;
  readonly historyCrossings: number;
  readonly watchlistEntries: number;
}

export interface DemoProgress {
  readonly phase: 'watchlist' | 'travellers' | 'duplicates' | 'history';
  readonly done: number;
  readonly total: number;
}

const ALL_CODES = DEMO_POSTS.map((p) => p.code);

/** The demo's accounts: one per role. Lane staff get every demo post, so any lane can be tried. */
const DEMO_ACCOUNTS: readonly { username: string; displayName: string; roles: Role[]; posts: readonly string[] | 'all' }[] = [
  { username: 'demo.admin', displayName: 'Demo administrator', roles: ['admin'], posts: 'all' },
  { username: 'demo.officer', displayName: 'Demo lane officer', roles: ['officer'], posts: ALL_CODES },
  { username: 'demo.enrolment', displayName: 'Demo enrolment officer', roles: ['enrolment_officer'], posts: ALL_CODES },
  { username: 'demo.supervisor', displayName: 'Demo supervisor', roles: ['supervisor'], posts: ALL_CODES },
  { username: 'demo.analyst', displayName: 'Demo analyst', roles: ['analyst'], posts: 'all' },
  { username: 'demo.watchlist', displayName: 'Demo watchlist manager', roles: ['watchlist_manager'], posts: 'all' },
  { username: 'demo.auditor', displayName: 'Demo auditor', roles: ['auditor'], posts: 'all' },
];

/** Random bytes in a generated password: 144 bits, 24 base64url characters. */
const GENERATED_PASSWORD_BYTES = 18; // bytes

/** Duplicate enrolments left for adjudication: one per 250 travellers, at least 3. */
const duplicateCount = (travellers: number) => Math.max(3, Math.round(travellers / 250));

/** Capture number of the enrolment impressions; lanes and the scanner use 2 and up. */
export const ENROLMENT_CAPTURE = 1;

/** Captures taken again when the service finds one unusable (too few minutiae), as an officer would ask for. */
const MAX_RECAPTURES = 5;

/**
 * Runs `work` with capture number `first`, and again with fresh capture numbers while the service answers
 * FINGERPRINT_UNUSABLE (a synthetic impression, like a real one, is sometimes too poor to use).
 */
async function withRecapture<T>(first: number, work: (capture: number) => Promise<T>): Promise<T> {
  for (let take = 0; ; take++) {
    try {
      return await work(first + take * 1000);
    } catch (error) {
      if (!(error instanceof ServerError && error.code === 'FINGERPRINT_UNUSABLE') || take >= MAX_RECAPTURES) throw error;
    }
  }
}

/** One finger capture of a demo person in the API's form (ISO/IEC 19794-2 template). */
export function demoFingerCapture(fingerPerson: number, position: number, capture: number, capturedAt: string) {
  return {
    position,
    template: Buffer.from(encodeIso19794(syntheticMinutiaeImpression(fingerPerson, position, capture))).toString('base64'),
    capturedAt,
  };
}

/** The demo state as the API shows it. */
export interface DemoStatus {
  readonly enabled: boolean;
  readonly status: 'none' | 'loading' | 'loaded' | 'failed';
  readonly seed: number | null;
  readonly travellers: number | null;
  /** The day the population's documents were generated for (YYYY-MM-DD). */
  readonly generatedFor: string | null;
  readonly progress: { readonly done: number; readonly total: number } | null;
  readonly error: string | null;
}

/** Whether demo data is (being) loaded, and how far. */
export async function demoStatus(ctx: Pick<ServiceContext, 'db'>): Promise<DemoStatus> {
  const row = await demoRepo.findState(ctx.db);
  if (!row) return { enabled: false, status: 'none', seed: null, travellers: null, generatedFor: null, progress: null, error: null };
  const status = row.status as DemoStatus['status'];
  return {
    enabled: status === 'loaded' || status === 'loading',
    status,
    seed: Number(row.seed),
    travellers: Number(row.travellers),
    generatedFor: row.generated_for,
    progress: { done: Number(row.done), total: Number(row.total) },
    error: row.error,
  };
}

/** The demo state row, or DEMO_DISABLED when no demo data is loaded. */
export async function requireDemo(ctx: Pick<ServiceContext, 'db'>): Promise<demoRepo.DemoStateRow> {
  const row = await demoRepo.findState(ctx.db);
  if (!row || row.status === 'failed') throw new ServerError('DEMO_DISABLED', 'no demo data is loaded in this database (sarhad demo)');
  return row;
}

function principalOf(user: { id: string; username: string; roles: readonly Role[]; allPosts: boolean }, postIds: readonly string[]): UserPrincipal {
  return { kind: 'user', userId: user.id, username: user.username, roles: user.roles, allPosts: user.allPosts, postIds, sessionId: 'demo-loader' };
}

async function demoPrincipal(ctx: ServiceContext, username: string): Promise<UserPrincipal> {
  const record = await usersRepo.findUserByUsername(ctx.db, username);
  if (!record) throw new ServerError('INTERNAL', `demo account ${username} is missing`);
  return principalOf(
    { id: record.id, username: record.username, roles: record.roles as Role[], allPosts: record.all_posts === 1 },
    record.post_ids,
  );
}

/** Creates the demo accounts that do not exist yet; returns every demo account (passwords of the new ones). */
async function ensureAccounts(ctx: ServiceContext, specs: typeof DEMO_ACCOUNTS): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const spec of specs) {
    if (await usersRepo.findUserByUsername(ctx.db, spec.username)) {
      accounts.push({ username: spec.username, roles: spec.roles, posts: spec.posts, password: null });
      continue;
    }
    const password = randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
    const input = {
      username: spec.username,
      displayName: spec.displayName,
      password,
      roles: spec.roles,
      posts: spec.posts === 'all' ? [] : [...spec.posts],
      allPosts: spec.posts === 'all',
    };
    if (spec.username === 'demo.admin') {
      // The demo's own administrator is created like a console account: audited as `system`, password to change.
      const bootstrap = { bootstrap: true as const, passwordChangeRequired: true };
      await createUser(ctx, bootstrap, input);
    } else {
      await createUser(ctx, await demoPrincipal(ctx, 'demo.admin'), input);
    }
    accounts.push({ username: spec.username, roles: spec.roles, posts: spec.posts, password });
  }
  return accounts;
}

/** Creates the posts, lanes and one scanner per lane that do not exist yet. */
async function ensurePosts(ctx: ServiceContext, admin: UserPrincipal): Promise<void> {
  for (const spec of DEMO_POSTS) {
    let post = await postsRepo.findPostByCode(ctx.db, spec.code);
    if (!post) {
      await createPost(ctx, admin, { code: spec.code, name: spec.name, side: spec.side, timeZone: spec.timeZone });
      post = (await postsRepo.findPostByCode(ctx.db, spec.code))!;
    }
    const devices = await devicesRepo.listDevicesOfPost(ctx.db, post.id);
    for (const lane of spec.lanes) {
      if (!(await postsRepo.findLane(ctx.db, post.id, lane.code))) await createLane(ctx, admin, spec.code, lane);
      // The key is not kept: lanes that need one (the traffic simulator) register their own devices.
      if (!devices.some((d) => d.lane_code === lane.code)) await createDevice(ctx, admin, spec.code, { lane: lane.code, name: `Demo scanner ${lane.code}` });
    }
  }
}

/** A demo document as the travellers service takes it. */
function toNewDocument(doc: DemoDocument): NewDocument {
  switch (doc.type) {
    case 'passport':
      return { type: 'passport', mrz: [...doc.mrz] };
    case 'visa':
      return { type: 'visa', number: doc.number, issuingCountry: doc.issuingCountry, validFrom: doc.validFrom, validUntil: doc.validUntil, entries: 'multiple' };
    case 'por_card':
      return { type: 'por_card', number: doc.number, validUntil: doc.validUntil };
    case 'border_pass':
      return { type: 'border_pass', number: doc.number, issuingPost: doc.issuingPost, validFrom: doc.validFrom, validUntil: doc.validUntil };
    default:
      return { type: doc.type, number: doc.number };
  }
}

function travellerInput(person: DemoPerson) {
  return {
    surnameLatin: person.surname.latin,
    givenNamesLatin: person.given.latin,
    surnameOriginal: person.surname.original,
    givenNamesOriginal: person.given.original,
    originalScript: 'Arab',
    fatherNameLatin: person.father.latin,
    fatherNameOriginal: person.father.original,
    birthDate: person.birthDate,
    sex: person.sex,
    nationality: person.nationality,
  };
}

/** Enrols one demo person (fingers, unless a child under the fingerprint age) with their documents. */
async function enrolPerson(ctx: ServiceContext, enroller: UserPrincipal, person: DemoPerson): Promise<boolean> {
  const now = nowIso(ctx);
  let travellerId: string;
  if (person.kind === 'minor') {
    travellerId = (await createTraveller(ctx, enroller, { post: person.post, ...travellerInput(person) })).id;
  } else {
    const outcome = await withRecapture(ENROLMENT_CAPTURE, (capture) =>
      enrolTraveller(ctx, enroller, {
        post: person.post,
        traveller: travellerInput(person),
        fingers: DEMO_FINGERS.map((position) => demoFingerCapture(person.fingerPerson, position, capture, now)),
      }),
    );
    // A synthetic finger matching someone already enrolled (a false match at the identification threshold) leaves
    // a case for a supervisor, as it would for a real enrolment; the person is then not a demo traveller.
    if (outcome.status !== 'enrolled') return false;
    travellerId = outcome.travellerId;
  }
  for (const doc of person.documents) {
    await addDocument(ctx, enroller, travellerId, { post: person.post, document: toNewDocument(doc) });
  }
  await demoRepo.insertTraveller(ctx.db, {
    traveller_id: travellerId,
    person_index: person.index,
    finger_person: person.fingerPerson,
    kind: person.kind,
    post_code: person.post,
  });
  return true;
}

/** A clock stopped at `iso`: history is recorded as of when it happened. */
const at = (iso: string): Clock => ({ now: () => new Date(iso) });

/** The device principal of the demo scanner on a lane of the post. */
async function scannerOf(ctx: ServiceContext, postCode: string, direction: 'entry' | 'exit'): Promise<DevicePrincipal> {
  const post = (await postsRepo.findPostByCode(ctx.db, postCode))!;
  const spec = DEMO_POSTS.find((p) => p.code === postCode)!;
  const lane = spec.lanes.find((l) => l.direction === direction)!;
  const device = (await devicesRepo.listDevicesOfPost(ctx.db, post.id)).find((d) => d.lane_code === lane.code && d.revoked_at === null)!;
  return { kind: 'device', deviceId: device.id, postId: post.id, postCode: post.code, laneId: device.lane_id, laneCode: lane.code };
}

/** One past crossing at the person's home post, cleared by the demo supervisor, as of `when`. */
async function pastCrossing(ctx: ServiceContext, supervisor: UserPrincipal, person: DemoPerson, direction: 'in' | 'out', when: string): Promise<void> {
  const then = { ...ctx, clock: at(when) };
  const scanner = await scannerOf(ctx, person.post, direction === 'in' ? 'entry' : 'exit');
  const doc = presentedDocument(person)!;
  const { crossing } = await withRecapture(2, (capture) =>
    processCrossing(then, scanner, {
      direction,
      idempotencyKey: `demo-history-${person.index}-${direction}`,
      document: doc.type === 'passport' ? { mrz: [...doc.mrz] } : { type: doc.type, number: doc.number },
      fingers: DEMO_FINGERS.map((position) => demoFingerCapture(person.fingerPerson, position, capture, when)),
    }),
  );
  const decided = { ...ctx, clock: at(new Date(Date.parse(when) + 3 * 60_000).toISOString()) };
  await officerDecision(decided, supervisor, crossing.id, {
    decision: 'clear',
    ...(crossing.recommendation === 'clear' ? {} : { reason: 'Demo history: cleared after checking the documents' }),
  });
}

/** Loads running in this process, per database: a second start while one runs is refused. */
const running = new WeakMap<object, Promise<DemoSummary>>();

export interface DemoLoadStarted {
  readonly accounts: readonly DemoAccount[];
  /** Resolves when every traveller, case and past crossing is recorded. */
  readonly completion: Promise<DemoSummary>;
}

/**
 * Starts loading the demo: creates the accounts, posts, lanes and scanners before returning (so their one-time
 * passwords can be shown at once), then enrols the population and records history in `completion`.
 * `startedBy` is audited as who asked for it (`system` from the console).
 */
export async function startDemoLoad(
  ctx: ServiceContext,
  startedBy: { readonly userId: string } | 'system',
  request: DemoLoadRequest,
  onProgress: (progress: DemoProgress) => void = () => {},
): Promise<DemoLoadStarted> {
  if (running.has(ctx.db)) throw new ServerError('DEMO_LOADING', 'demo data is being loaded; wait for it to finish (GET /api/demo/status)');
  const existing = await demoRepo.findState(ctx.db);
  if (existing?.status === 'loaded') {
    throw new ServerError('DEMO_ALREADY_LOADED', `demo data (seed ${existing.seed}, ${existing.travellers} travellers) is already loaded`);
  }
  if (existing && (existing.seed !== request.seed || existing.travellers !== request.travellers)) {
    throw new ServerError(
      'DEMO_ALREADY_LOADED',
      `an interrupted demo load used seed ${existing.seed} and ${existing.travellers} travellers; resume it with the same values`,
    );
  }
  const generatedFor = existing?.generated_for ?? localDate(ctx.clock.now(), 'UTC');
  const duplicates = duplicateCount(request.travellers);
  const people = Array.from({ length: request.travellers }, (_, i) => demoPerson(request.seed, i, generatedFor));
  const history = people.filter((p) => p.kind === 'overstayer' || p.kind === 'visitor');
  const total = 1 + request.travellers + duplicates + history.length;
  await demoRepo.upsertState(ctx.db, {
    id: 1,
    seed: request.seed,
    travellers: request.travellers,
    generated_for: generatedFor,
    status: 'loading',
    done: existing ? Number(existing.done) : 0,
    total,
    error: null,
    started_at: nowIso(ctx),
    finished_at: null,
  });
  await appendAudit(ctx.db, ctx.clock, {
    actor: startedBy === 'system' ? 'system' : `user:${startedBy.userId}`,
    action: 'demo.load_started',
    details: { seed: request.seed, travellers: request.travellers, resumed: existing !== undefined },
  });
  let accounts: DemoAccount[];
  try {
    // The administrator first: it creates the posts, and the other accounts are granted them.
    accounts = await ensureAccounts(ctx, DEMO_ACCOUNTS.slice(0, 1));
    await ensurePosts(ctx, await demoPrincipal(ctx, 'demo.admin'));
    accounts.push(...(await ensureAccounts(ctx, DEMO_ACCOUNTS.slice(1))));
  } catch (error) {
    await demoRepo.finishState(ctx.db, 'failed', nowIso(ctx), (error as Error).message);
    throw error;
  }
  const completion = loadPopulation(ctx, request, { people, history, duplicates, total, generatedFor, startAt: existing ? Number(existing.done) : 0 }, onProgress);
  running.set(ctx.db, completion);
  completion
    .catch(async (error: unknown) => {
      ctx.logger.error({ err: error }, 'demo data load failed');
      await demoRepo.finishState(ctx.db, 'failed', nowIso(ctx), (error as Error).message).catch(() => undefined);
    })
    .finally(() => running.delete(ctx.db));
  return { accounts, completion };
}

interface Plan {
  readonly people: readonly DemoPerson[];
  readonly history: readonly DemoPerson[];
  readonly duplicates: number;
  readonly total: number;
  readonly generatedFor: string;
  /** Steps an interrupted load had finished. */
  readonly startAt: number;
}

async function loadPopulation(ctx: ServiceContext, request: DemoLoadRequest, plan: Plan, onProgress: (p: DemoProgress) => void): Promise<DemoSummary> {
  const watchlistManager = await demoPrincipal(ctx, 'demo.watchlist');
  const enroller = await demoPrincipal(ctx, 'demo.enrolment');
  const supervisor = await demoPrincipal(ctx, 'demo.supervisor');
  let step = 0;
  const advance = async (phase: DemoProgress['phase']) => {
    step++;
    if (step % PROGRESS_EVERY === 0 || step === plan.total) await demoRepo.updateProgress(ctx.db, step, plan.total);
    onProgress({ phase, done: step, total: plan.total });
  };

  // 1. The stop list, so the population is screened against it from the first crossing.
  const stopList = demoStopList(request.seed, request.travellers, plan.generatedFor);
  if (step >= plan.startAt) await importWatchlist(ctx, watchlistManager, { format: 'csv', text: stopList });
  await advance('watchlist');

  // 2. The travellers, each searched 1:N before being enrolled (skipping those a resumed load finds enrolled).
  const enrolledBefore = await demoRepo.listPersonIndexes(ctx.db);
  let enrolled = enrolledBefore.size;
  for (const person of plan.people) {
    if (!enrolledBefore.has(person.index) && (await enrolPerson(ctx, enroller, person))) enrolled++;
    await advance('travellers');
  }

  // 3. Duplicate enrolments: someone already enrolled comes back under another name; a supervisor must decide.
  const routine = plan.people.filter((p) => p.kind === 'routine');
  const now = nowIso(ctx);
  for (let k = 0; k < plan.duplicates; k++) {
    if (step >= plan.startAt && routine.length > 0) {
      const original = routine[(k * 37) % routine.length]!;
      const alias = demoPerson(request.seed, request.travellers + 50_000 + k, plan.generatedFor);
      await withRecapture(3, (capture) =>
        enrolTraveller(ctx, enroller, {
          post: original.post,
          traveller: travellerInput({ ...alias, kind: 'routine' }),
          fingers: DEMO_FINGERS.map((position) => demoFingerCapture(original.fingerPerson, position, capture, now)),
        }),
      );
    }
    await advance('duplicates');
  }

  // 4. History: visitors who came and left, and overstayers who entered on a pass that has since run out.
  const today = plan.generatedFor;
  for (const person of plan.history) {
    if (step >= plan.startAt) {
      const known = await travellersRepo.findDocuments(ctx.db, presentedDocument(person)!.type, presentedDocument(person)!.number);
      if (known.length > 0) {
        const hour = 6 + (person.index % 10);
        if (person.kind === 'overstayer') {
          await pastCrossing(ctx, supervisor, person, 'in', `${addDays(today, -60)}T${String(hour).padStart(2, '0')}:15:00.000Z`);
        } else {
          await pastCrossing(ctx, supervisor, person, 'in', `${addDays(today, -40)}T${String(hour).padStart(2, '0')}:15:00.000Z`);
          await pastCrossing(ctx, supervisor, person, 'out', `${addDays(today, -34)}T${String(hour).padStart(2, '0')}:40:00.000Z`);
        }
      }
    }
    await advance('history');
  }

  const historyCrossings = plan.history.reduce((n, p) => n + (p.kind === 'overstayer' ? 1 : 2), 0);
  const watchlistEntries = stopList.split('\n').length - 1;
  await demoRepo.finishState(ctx.db, 'loaded', nowIso(ctx), null);
  await appendAudit(ctx.db, ctx.clock, {
    actor: 'system',
    action: 'demo.loaded',
    details: {
      seed: request.seed,
      travellers: request.travellers,
      enrolled,
      duplicateCases: plan.duplicates,
      historyCrossings,
      historyFrom: `${addDays(today, -60)}`,
      note: 'history crossings and their audit entries carry the times they are set at, one to two months before loading',
    },
  });
  return { seed: request.seed, travellers: request.travellers, enrolled, duplicateCases: plan.duplicates, historyCrossings, watchlistEntries };
}
