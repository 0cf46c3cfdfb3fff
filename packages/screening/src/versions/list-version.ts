/**
 * A list version: what one import of one list file produced. Change reports compare versions of the same source;
 * the content hash tells a re-import of the same file from a new publication even when the publisher's date is
 * missing or unchanged.
 */
import { createHash, type Hash } from 'node:crypto';
import type { ListSource } from '../entry.js';

/** File formats the importer reads: UN consolidated XML, OFAC SDN CSV set, national stop-list CSV. */
export const LIST_FORMATS = ['un', 'ofac', 'csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** The source each format's entries belong to. */
export const FORMAT_SOURCE: Readonly<Record<ListFormat, ListSource>> = { un: 'un', ofac: 'ofac', csv: 'national' };

/** Metadata of one imported list. */
export interface ListVersion {
  readonly source: ListSource;
  readonly format: ListFormat;
  /**
   * SHA-256 (lower-case hex) of the imported bytes. For a set of files (OFAC sdn/alt/add/sdn_comments), each file's
   * name, byte length and bytes are hashed in a fixed order, so moving bytes from one file to another changes it.
   */
  readonly contentHash: string;
  /** When the publisher generated the list (UN `dateGenerated`), when the file says. */
  readonly generatedOn?: string;
  readonly entryCount: number;
  /** Base names of the files read, in hashing order. */
  readonly files: readonly string[];
}

/** Incremental SHA-256 over one or more named files, fed chunk by chunk while they are parsed. */
export class ContentHasher {
  readonly #hash: Hash = createHash('sha256');
  #multi = false;

  /** Starts a named part (one file of a set). Single-file lists never call this, so their hash is the file's own. */
  beginPart(name: string, byteLength: number): void {
    this.#multi = true;
    this.#hash.update(`${name}\0${byteLength}\0`);
  }

  update(chunk: string | Uint8Array): void {
    this.#hash.update(chunk);
  }

  /** The hex digest; the hasher cannot be used afterwards. */
  digest(): string {
    return this.#hash.digest('hex');
  }

  /** True once {@link beginPart} has been called. */
  get isMultiPart(): boolean {
    return this.#multi;
  }
}
