/**
 * Watchlist imports: a list file uploaded as text (UN consolidated XML or a national stop-list CSV) is parsed by
 * @sarhad/screening's loader, compared with the latest stored version of its source, and saved as a new version;
 * the answer reports what changed. Lists apply at every post, so managing them needs access to all posts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { diffVersions, isScreeningError, loadWatchlistFile, type ChangeReport, type StoredVersion } from '@sarhad/screening';
import * as watchlistRepo from '../repositories/watchlist-repository.js';
import { isUniqueViolation } from '../db/errors.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { appendAudit } from './audit-service.js';
import { requireAllPosts, requirePermission } from './access.js';
import type { ServiceContext } from './context.js';
import { cursorOfKind, pageOf, type Page, type PageQuery } from './pagination.js';

/** List formats that arrive as one text file. (OFAC's SDN set is four files: import it with `sarhad watchlist`.) */
export const UPLOAD_FORMATS = ['un', 'csv'] as const;

/** Largest list accepted: the UN consolidated list is about 2 MB. */
export const WATCHLIST_MAX_CHARS = 50 * 1024 * 1024; // 50 Mi characters

export const WatchlistUpload = z.object({ format: z.enum(UPLOAD_FORMATS).optional(), text: z.string().min(1).max(WATCHLIST_MAX_CHARS) });
export type WatchlistUpload = z.infer<typeof WatchlistUpload>;

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
    // The loader reads files (it streams and hashes them); the upload is written to a private temporary one.
    const looksXml = upload.text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
    const file = join(dir, looksXml ? 'upload.xml' : 'upload.csv');
    await writeFile(file, upload.text, { mode: 0o600 });
    loaded = await loadWatchlistFile(file, upload.format);
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
