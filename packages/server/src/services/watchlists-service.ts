/**
 * Watchlist imports: a list file uploaded as text (UN consolidated XML or a national stop-list CSV) is parsed by
 * @sarhad/screening's loader, compared with the latest stored version of its source, and saved as a new version;
 * the answer reports what changed. Lists apply at every post, so managing them needs access to all posts.
 *
 * OFAC's SDN list is a set of CSV files that only make sense together (sdn.csv names the entries, alt.csv their
 * aliases, add.csv their addresses, sdn_comments.csv the remarks that overflowed): they are uploaded in one request,
 * written side by side under their canonical names, and loaded as one list, so a malformed file rejects the whole
 * set with the file and line where it broke, and nothing is stored.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { diffVersions, isScreeningError, loadWatchlistFile, OFAC_FILE_NAMES, type ChangeReport, type StoredVersion, type WatchlistEntry } from '@sarhad/screening';
import * as watchlistRepo from '../repositories/watchlist-repository.js';
import * as entriesRepo from '../repositories/watchlist-entries-repository.js';
import { isUniqueViolation } from '../db/errors.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { appendAudit } from './audit-service.js';
import { requireAllPosts, requirePermission } from './access.js';
import type { ServiceContext } from './context.js';
import { cursorOfKind, pageOf, PageQuery, type Page } from './pagination.js';

/** List formats that arrive as one text file; OFAC's SDN set arrives as {@link OfacUpload}. */
export const UPLOAD_FORMATS = ['un', 'csv'] as const;

/** Largest list accepted: the UN consolidated list is about 2 MB. */
export const WATCHLIST_MAX_CHARS = 50 * 1024 * 1024; // 50 Mi characters

/**
 * Largest OFAC file accepted. The SDN files of November 2026 are sdn.csv 3.9 MB, add.csv 1.5 MB, alt.csv 1.0 MB and
 * sdn_comments.csv 30 kB (6.5 MB together, well under the route's body limit); each may grow to 4 times its size.
 */
export const OFAC_FILE_MAX_CHARS = 16 * 1024 * 1024; // 16 Mi characters

const OfacFileText = z.string().min(1).max(OFAC_FILE_MAX_CHARS);

export const SingleFileUpload = z.object({ format: z.enum(UPLOAD_FORMATS).optional(), text: z.string().min(1).max(WATCHLIST_MAX_CHARS) });

/** The OFAC SDN set: sdn.csv, alt.csv and add.csv required (a list without its aliases would import weakened). */
export const OfacUpload = z.object({
  format: z.literal('ofac'),
  files: z.object({ sdn: OfacFileText, alt: OfacFileText, add: OfacFileText, comments: OfacFileText.optional() }),
});

export const WatchlistUpload = z.union([OfacUpload, SingleFileUpload]);
export type WatchlistUpload = z.infer<typeof WatchlistUpload>;

/** Writes the upload into `dir` under the names the loader expects and returns the path to load. */
async function writeUpload(dir: string, upload: WatchlistUpload): Promise<string> {
  if ('files' in upload) {
    const names = { sdn: OFAC_FILE_NAMES.sdn, alt: OFAC_FILE_NAMES.alt, add: OFAC_FILE_NAMES.add, comments: OFAC_FILE_NAMES.comments } as const;
    for (const part of ['sdn', 'alt', 'add', 'comments'] as const) {
      const text = upload.files[part];
      if (text !== undefined) await writeFile(join(dir, names[part]), text, { mode: 0o600 });
    }
    return join(dir, names.sdn);
  }
  const looksXml = upload.text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
  const file = join(dir, looksXml ? 'upload.xml' : 'upload.csv');
  await writeFile(file, upload.text, { mode: 0o600 });
  return file;
}

export interface ImportResult {
  /** False when the upload is byte for byte the latest version: nothing new is stored. */
  readonly saved: boolean;
  readonly version: StoredVersion;
  readonly previous: StoredVersion | null;
  readonly changes: Pick<ChangeReport, 'added' | 'removed' | 'changed' | 'unchangedCount'>;
  readonly notes: readonly string[];
}

/** Attempts when a concurrent import takes the same version number. */
const IMPORT_ATTEMPTS = 5;

/** Imports a list and reports the change from the previous version of its source; audited. */
export async function importWatchlist(ctx: ServiceContext, user: UserPrincipal, upload: WatchlistUpload): Promise<ImportResult> {
  requirePermission(user, 'watchlists.manage');
  requireAllPosts(user, 'importing a watchlist');
  const dir = await mkdtemp(join(tmpdir(), 'sarhad-watchlist-'));
  let loaded: Awaited<ReturnType<typeof loadWatchlistFile>>;
  try {
    // The loader reads files (it streams and hashes them); the upload is written to private temporary ones.
    loaded = await loadWatchlistFile(await writeUpload(dir, upload), upload.format);
  } catch (error) {
    if (isScreeningError(error)) throw new ServerError('WATCHLIST_INVALID', error.message, { cause: error });
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const reader = new watchlistRepo.DatabaseWatchlistStore(ctx.db, () => ctx.clock.now());
  for (let attempt = 1; ; attempt++) {
    const previous = await reader.loadLatest(loaded.version.source);
    const report = diffVersions(previous && { version: previous.version, entries: previous.entries }, loaded);
    const changes = { added: report.added, removed: report.removed, changed: report.changed, unchangedCount: report.unchangedCount };
    const notes = loaded.notes ?? [];
    if (previous && previous.version.contentHash === loaded.version.contentHash) {
      await appendAudit(ctx.db, ctx.clock, {
        actor: actorOf(user),
        action: 'watchlist.import_unchanged',
        subject: `watchlist:${previous.version.id}`,
        details: { source: loaded.version.source, contentHash: loaded.version.contentHash },
      });
      return { saved: false, version: previous.version, previous: previous.version, changes, notes };
    }
    try {
      const version = await ctx.db.transaction().execute(async (trx) => {
        const saved = await new watchlistRepo.DatabaseWatchlistStore(trx, () => ctx.clock.now()).save(loaded);
        await appendAudit(trx, ctx.clock, {
          actor: actorOf(user),
          action: 'watchlist.imported',
          subject: `watchlist:${saved.id}`,
          details: {
            source: saved.source,
            contentHash: saved.contentHash,
            entries: saved.entryCount,
            previous: previous?.version.id ?? null,
            added: changes.added.length,
            removed: changes.removed.length,
            changed: changes.changed.length,
          },
        });
        return saved;
      });
      return { saved: true, version, previous: previous?.version ?? null, changes, notes };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= IMPORT_ATTEMPTS) throw error;
    }
  }
}

/** A page of the stored versions, oldest first (keyset: the save sequence number). */
export async function listWatchlistVersions(ctx: ServiceContext, user: UserPrincipal, query: PageQuery): Promise<Page<StoredVersion>> {
  requirePermission(user, 'watchlists.manage');
  const afterSeq = Number(cursorOfKind(query.cursor, 'number')?.key ?? 0);
  const versions = await new watchlistRepo.DatabaseWatchlistStore(ctx.db, () => ctx.clock.now()).listVersionsPage(query.limit, afterSeq);
  return pageOf(versions, query.limit, (v) => ({ key: Number.parseInt(v.id.split('-')[0]!, 10), id: v.id }));
}

/** Browsing a version's entries: a page, optionally only entries whose record contains `q` (case-insensitive). */
export const EntriesQuery = z.object({ q: z.string().trim().max(100).optional() }).extend(PageQuery.shape);
export type EntriesQuery = z.infer<typeof EntriesQuery>;

/** A page of a stored version's entries in saved order (keyset: position). */
export async function listWatchlistEntries(ctx: ServiceContext, user: UserPrincipal, versionId: string, query: EntriesQuery): Promise<Page<WatchlistEntry>> {
  requirePermission(user, 'watchlists.manage');
  if (!(await entriesRepo.versionExists(ctx.db, versionId))) throw new ServerError('WATCHLIST_VERSION_NOT_FOUND', `no watchlist version ${versionId}`);
  const afterPosition = Number(cursorOfKind(query.cursor, 'number')?.key ?? -1);
  const rows = await entriesRepo.listEntriesPage(ctx.db, versionId, { afterPosition, limit: query.limit, contains: query.q || undefined });
  const page = pageOf(rows, query.limit, (r) => ({ key: r.position, id: String(r.position) }));
  return { items: page.items.map((r) => JSON.parse(r.entry) as WatchlistEntry), nextCursor: page.nextCursor };
}
