/**
 * Person search by fingerprint for analysts and supervisors: fingers uploaded as a crossing takes them (ISO/ANSI
 * templates or raw rasters), searched 1:N through the identification gallery. Unlike a crossing, which names a
 * traveller only at the identification threshold, an investigator wants to see who comes near: candidates are
 * returned from the verification threshold up, and each carries a plain band saying whether a lane would have
 * identified them ('strong') or whether the score only reaches what a claimed identity needs ('possible').
 * Both thresholds come from the configured FMRs the crossings use, so the bands mean the same at the lane and here.
 *
 * The search is audited like every traveller search: who searched, from which post, which positions, and the
 * travellers returned; never a template or image.
 */
import { z } from 'zod';
import { fmrToThreshold } from '@sarhad/engine';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { FingerCaptures } from '../domain/fingerprints.js';
import { appendAudit } from './audit-service.js';
import { requirePermission } from './access.js';
import { captureFingers } from './fingerprints-service.js';
import { identificationThreshold, MAX_CANDIDATES } from './enrolment-service.js';
import { loadTravellers, readingPlace, type Traveller } from './travellers-service.js';
import type { ServiceContext } from './context.js';

/** Candidates returned when the caller names no limit. */
export const IDENTIFY_LIMIT_DEFAULT = MAX_CANDIDATES; // travellers
/** Most candidates one search returns: a fingerprint search narrows to a few people, it is not a browse. */
export const IDENTIFY_LIMIT_MAX = 50; // travellers

export const FingerprintSearch = z.object({
  fingers: FingerCaptures,
  limit: z.number().int().min(1).max(IDENTIFY_LIMIT_MAX).optional(),
});
export type FingerprintSearch = z.infer<typeof FingerprintSearch>;

/** 'strong': at or above the identification threshold (a lane would identify); 'possible': the verification one only. */
export const IDENTIFY_BANDS = ['strong', 'possible'] as const;
export type IdentifyBand = (typeof IDENTIFY_BANDS)[number];

export interface IdentifyCandidate {
  readonly traveller: Traveller;
  /** Calibrated fused score over the fingers compared. */
  readonly score: number;
  readonly band: IdentifyBand;
  readonly fingers: readonly { readonly position: number; readonly score: number }[];
}

export interface IdentifyResult {
  readonly candidates: readonly IdentifyCandidate[];
  readonly identificationThreshold: number;
  readonly verificationThreshold: number;
}

/** Scores are shown to one decimal, as crossings show them. */
function round(score: number): number {
  return Math.round(score * 10) / 10;
}

/**
 * Searches the gallery with the uploaded fingers. FINGERPRINT_TEMPLATE_INVALID for a template that does not
 * decode, FINGERPRINT_UNUSABLE for one with too few minutiae (the same codes as crossings and enrolment).
 */
export async function identifyTravellers(ctx: ServiceContext, user: UserPrincipal, search: FingerprintSearch): Promise<IdentifyResult> {
  requirePermission(user, 'travellers.identify');
  const fingers = await captureFingers(ctx, { fingers: search.fingers });
  const identification = identificationThreshold(ctx);
  const verification = Math.min(fmrToThreshold(ctx.config.biometrics.verificationFmr), identification);
  const hits = await ctx.gallery.identify(fingers, { threshold: verification, limit: search.limit ?? IDENTIFY_LIMIT_DEFAULT });
  const place = await readingPlace(ctx, user);
  const travellers = await loadTravellers(ctx, hits.map((h) => h.travellerId), place.today);
  const byId = new Map(travellers.map((t) => [t.id, t]));
  const candidates: IdentifyCandidate[] = [];
  for (const hit of hits) {
    const traveller = byId.get(hit.travellerId);
    // A traveller erased between the search and the read is no longer anyone's to see.
    if (!traveller) continue;
    candidates.push({
      traveller,
      score: round(hit.score),
      band: hit.score >= identification ? 'strong' : 'possible',
      fingers: hit.fingers.map((f) => ({ position: f.position, score: round(f.score) })),
    });
  }
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'traveller.searched',
    post: place.post,
    details: { by: 'fingerprint', positions: fingers.map((f) => f.position), matches: candidates.map((c) => c.traveller.id) },
  });
  return { candidates, identificationThreshold: round(identification), verificationThreshold: round(verification) };
}
