/**
 * The simulated lane in demo mode: a queue of demo travellers walking up to a post's counters, each showing one
 * scenario (a routine crossing, a watchlist hit, an unknown traveller, someone without a document, worn fingers, a
 * child under the fingerprint age), and a fingerprint scanner that gives a fresh impression of a demo traveller's
 * fingers (or of a person never enrolled). The lane console then submits what it got through the ordinary
 * crossing API, so the demo exercises exactly what a real lane does.
 *
 * Impressions are the engine's template-level synthetic fingers (syntheticMinutiaeImpression), the same fingers
 * enrolled by the demo loader under a different capture number. A traveller with worn fingers gives captures with
 * too few minutiae to use (the lane then records "unable to capture").
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { encodeIso19794, syntheticMinutiaeImpression, type FingerprintTemplate } from '@sarhad/engine';
import * as demoRepo from '../repositories/demo-repository.js';
import * as travellersRepo from '../repositories/travellers-repository.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { grants } from '../domain/roles.js';
import { DEMO_FINGERS, displayName, fingerPerson, unknownPerson, type DemoScenario } from '../domain/demo-people.js';
import { FingerPosition } from '../domain/fingerprints.js';
import { appendAudit } from './audit-service.js';
import { requirePermission } from './access.js';
import { PostCode, getPostRow } from './posts-service.js';
import { requireDemo } from './demo-service.js';
import type { ServiceContext } from './context.js';

export const DemoQueueQuery = z.object({ post: PostCode, limit: z.coerce.number().int().min(1).max(50).default(12) });

export const DemoCaptureRequest = z
  .object({
    travellerId: z.uuid().optional(),
    scenario: z.literal('unknown').optional(),
    positions: z.array(FingerPosition).min(1).max(10).default([...DEMO_FINGERS]),
  })
  .refine((r) => (r.travellerId === undefined) !== (r.scenario === undefined), 'give exactly one of travellerId and scenario "unknown"');

export interface DemoQueueEntry {
  readonly travellerId: string | null;
  readonly displayName: string;
  readonly nationality: string | null;
  readonly documentKind: string | null;
  readonly mrz: [string, string] | null;
  readonly documentNumber: string | null;
  readonly scenario: DemoScenario;
}

export interface DemoCapture {
  readonly position: number;
  readonly format: 'iso19794-2';
  readonly template: string;
  readonly quality: number;
}

/**
 * The order scenarios appear in a queue: mostly routine crossings, with each other scenario early enough that
 * the first dozen travellers show every one.
 */
const QUEUE_PATTERN: readonly DemoScenario[] = ['routine', 'watchlist', 'routine', 'unknown', 'no-document', 'routine', 'worn-fingers', 'minor', 'routine', 'routine', 'unknown', 'routine'];

/** Minutiae left in a capture of worn fingers: below the 10 the service needs, so the capture is refused. */
const WORN_MINUTIAE = 7; // minutiae
const WORN_QUALITY = 8; // 0..100

/** Capture numbers the scanner uses: above the enrolment (1), history (2) and duplicate (3) captures. */
const FIRST_LANE_CAPTURE = 10;
const LAST_LANE_CAPTURE = 999;
/** Never-enrolled persons the scanner makes up start this far beyond the population. */
const UNKNOWN_PERSON_OFFSET = 90_000;

/** The demo travellers arriving at a post, each showing one scenario; audited like a list of travellers read. */
export async function demoQueue(ctx: ServiceContext, user: UserPrincipal, query: z.infer<typeof DemoQueueQuery>): Promise<DemoQueueEntry[]> {
  requirePermission(user, 'crossings.process');
  const state = await requireDemo(ctx);
  const post = await getPostRow(ctx, user, query.post);
  const perKind = query.limit;
  const rows = await demoRepo.listOfPost(ctx.db, post.code, ['routine', 'watchlist', 'worn-fingers', 'minor'], perKind * 2);
  const pools: Record<string, demoRepo.DemoTravellerRow[]> = { routine: [], 'no-document': [], watchlist: [], 'worn-fingers': [], minor: [] };
  let alternate = 0;
  for (const row of rows) {
    // Routine people alternate between showing their document and coming without one (identified 1:N).
    if (row.kind === 'routine') pools[alternate++ % 3 === 2 ? 'no-document' : 'routine']!.push(row);
    else pools[row.kind]!.push(row);
  }
  const entries: DemoQueueEntry[] = [];
  const seed = Number(state.seed);
  let unknown = 0;
  for (let i = 0; entries.length < query.limit && i < query.limit * QUEUE_PATTERN.length; i++) {
    const scenario = QUEUE_PATTERN[i % QUEUE_PATTERN.length]!;
    if (scenario === 'unknown') {
      const person = unknownPerson(seed, Number(state.travellers), 60_000 + unknown++ * 7 + post.code.charCodeAt(0), state.generated_for);
      const passport = person.documents.find((d) => d.type === 'passport');
      entries.push({
        travellerId: null,
        displayName: displayName(person),
        nationality: person.nationality,
        documentKind: passport ? 'passport' : null,
        mrz: passport?.type === 'passport' ? [passport.mrz[0], passport.mrz[1]] : null,
        documentNumber: passport?.number ?? null,
        scenario,
      });
      continue;
    }
    const row = pools[scenario]!.shift();
    if (!row) continue;
    const traveller = await travellersRepo.findTravellerById(ctx.db, row.traveller_id);
    if (!traveller) continue;
    const documents = await travellersRepo.listDocuments(ctx.db, row.traveller_id);
    const shown = scenario === 'no-document' ? undefined : (documents.find((d) => d.type === 'passport') ?? documents.find((d) => d.type === 'border_pass') ?? documents[0]);
    const mrz = shown?.mrz ? (shown.mrz.split('\n') as [string, string]) : null;
    entries.push({
      travellerId: row.traveller_id,
      displayName: `${traveller.given_names_latin} ${traveller.surname_latin}`,
      nationality: traveller.nationality,
      documentKind: shown?.type ?? null,
      mrz,
      documentNumber: shown?.number ?? null,
      scenario,
    });
  }
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'demo.queue_read',
    post: post.code,
    details: { travellers: entries.flatMap((e) => (e.travellerId ? [e.travellerId] : [])) },
  });
  return entries;
}

function degrade(template: FingerprintTemplate): FingerprintTemplate {
  return { ...template, quality: WORN_QUALITY, minutiae: template.minutiae.slice(0, WORN_MINUTIAE) };
}

/** A fresh impression of a demo traveller's fingers, or of a person never enrolled. */
export async function demoCapture(ctx: ServiceContext, user: UserPrincipal, request: z.infer<typeof DemoCaptureRequest>): Promise<DemoCapture[]> {
  if (!grants(user.roles, 'crossings.process') && !grants(user.roles, 'travellers.write')) {
    throw new ServerError('FORBIDDEN_ROLE', `${user.username} lacks a role that uses a lane scanner`);
  }
  const state = await requireDemo(ctx);
  let owner: number;
  let worn = false;
  if (request.travellerId) {
    const row = await demoRepo.findTraveller(ctx.db, request.travellerId);
    if (!row) throw new ServerError('DEMO_TRAVELLER_NOT_FOUND', `traveller ${request.travellerId} is not a demo traveller`);
    owner = Number(row.finger_person);
    worn = row.kind === 'worn-fingers';
  } else {
    owner = fingerPerson(Number(state.seed), Number(state.travellers) + UNKNOWN_PERSON_OFFSET + randomInt(0, 9_000));
  }
  const capture = randomInt(FIRST_LANE_CAPTURE, LAST_LANE_CAPTURE + 1);
  return request.positions.map((position) => {
    const impression = syntheticMinutiaeImpression(owner, position, capture);
    const template = worn ? degrade(impression) : impression;
    return { position, format: 'iso19794-2', template: Buffer.from(encodeIso19794(template)).toString('base64'), quality: template.quality };
  });
}
