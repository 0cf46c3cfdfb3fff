/**
 * Stays: cleared crossings of one traveller paired into entries and exits, and the stay each entry permitted.
 * A side's system records crossings into and out of its own country (`in` at a Pakistani post is an entry into
 * Pakistan). The permitted stay is judged on the entry's local date from the traveller's documents:
 * - `citizen`: the traveller's nationality is the country's own: no limit;
 * - `visa`: a visa issued by the country, valid on the entry date: until the visa's last day;
 * - `border_pass`: a border pass (Rahdari) issued by a post of the country, valid on the entry date: until the
 *   pass's last day (passes are renewed every six months, see documents.ts);
 * - `none`: nothing permitted the stay: it was over from the day of entry.
 */

export const STAY_BASES = ['citizen', 'visa', 'border_pass', 'none'] as const;
export type StayBasis = (typeof STAY_BASES)[number];

/** A cleared crossing as pairing needs it. */
export interface Movement {
  readonly crossingId: string;
  readonly post: string;
  readonly direction: 'in' | 'out';
  readonly recordedAt: string;
  /** YYYY-MM-DD at the post. */
  readonly localDate: string;
  /** ICAO code of the country whose border the post guards. */
  readonly country: string;
}

/** A document as the stay rules read it. */
export interface StayDocument {
  readonly type: string;
  /** For border passes, the country of the issuing post (documents.ts records it so). */
  readonly issuingCountry: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

export interface PermittedStay {
  readonly basis: StayBasis;
  /** Last day of the permitted stay (inclusive), or null for no limit. */
  readonly until: string | null;
}

const validOn = (d: StayDocument, date: string) => (d.validFrom === null || d.validFrom <= date) && (d.validUntil === null || date <= d.validUntil);

/** The stay an entry into `country` on `entryDate` permitted. */
export function permittedStay(entryDate: string, country: string, nationality: string, documents: readonly StayDocument[]): PermittedStay {
  if (nationality === country) return { basis: 'citizen', until: null };
  const latest = (list: StayDocument[]) => list.reduce<string | null>((best, d) => (d.validUntil !== null && (best === null || d.validUntil > best) ? d.validUntil : best), null);
  const visas = documents.filter((d) => d.type === 'visa' && d.issuingCountry === country && validOn(d, entryDate));
  if (visas.length > 0) return { basis: 'visa', until: latest(visas) };
  const passes = documents.filter((d) => d.type === 'border_pass' && d.issuingCountry === country && validOn(d, entryDate));
  if (passes.length > 0) return { basis: 'border_pass', until: latest(passes) };
  return { basis: 'none', until: entryDate };
}

export interface Stay {
  readonly country: string;
  /** The entry, or null for an exit with no recorded entry (entered before records began, or elsewhere). */
  readonly entry: Movement | null;
  readonly exit: Movement | null;
}

/** Pairs movements (any order) into stays per country: each entry with the next exit from that country. */
export function pairMovements(movements: readonly Movement[]): Stay[] {
  const ordered = [...movements].sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  const stays: Stay[] = [];
  const open = new Map<string, number>(); // country -> index of its open stay
  for (const m of ordered) {
    const index = open.get(m.country);
    if (m.direction === 'in') {
      // Two entries without an exit between: the exit was not recorded; the earlier stay stays open-ended.
      open.set(m.country, stays.push({ country: m.country, entry: m, exit: null }) - 1);
    } else if (index !== undefined) {
      stays[index] = { ...stays[index]!, exit: m };
      open.delete(m.country);
    } else {
      stays.push({ country: m.country, entry: null, exit: m });
    }
  }
  return stays;
}

/** Whole days from `from` to `to` (YYYY-MM-DD), positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
