/**
 * Recorded decisions that a traveller is not a given list entry (a known false positive). They are plain data: the
 * server stores and audits them and passes them in; the screener only applies them. A decision names the entry's
 * content hash at the time it was made, so it lapses by itself when the entry changes.
 */
import type { ListSource } from '../entry.js';

export interface SuppressionDecision {
  /** The traveller the decision is about (the server's person id, matched against the query's `id`). */
  readonly travellerId: string;
  readonly source: ListSource;
  readonly entryId: string;
  /** entryContentHash(entry) when the decision was made. */
  readonly entryHash: string;
}

/** Index of decisions by traveller, list and entry, for lookup during screening. */
export class SuppressionSet {
  readonly #hashes = new Map<string, Set<string>>();

  constructor(decisions: readonly SuppressionDecision[]) {
    for (const d of decisions) {
      const key = SuppressionSet.#key(d.travellerId, d.source, d.entryId);
      const set = this.#hashes.get(key) ?? new Set<string>();
      set.add(d.entryHash);
      this.#hashes.set(key, set);
    }
  }

  static #key(travellerId: string, source: ListSource, entryId: string): string {
    return `${travellerId}\u0000${source}\u0000${entryId}`;
  }

  /** True when a decision covers this traveller and this exact version of the entry. */
  suppresses(travellerId: string | undefined, source: ListSource, entryId: string, entryHash: string): boolean {
    if (travellerId === undefined) return false;
    return this.#hashes.get(SuppressionSet.#key(travellerId, source, entryId))?.has(entryHash) ?? false;
  }
}
