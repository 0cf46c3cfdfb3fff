/**
 * A watchlist upload with progress: the files are read as text, then sent with XMLHttpRequest (fetch reports no
 * upload progress), so the page can say how far the upload is and when the server is checking the list. The
 * server answers only when the import is complete (or rejected as a whole), with the change report.
 */
import { ApiError } from '../../api/client.js';

export type ListFormat = 'un' | 'ofac' | 'csv';

export interface StoredVersion {
  readonly id: string;
  readonly source: string;
  readonly format: string;
  readonly contentHash: string;
  readonly generatedOn?: string;
  readonly entryCount: number;
  readonly files: readonly string[];
  readonly savedAt: string;
}

export interface ImportResult {
  readonly saved: boolean;
  readonly version: StoredVersion;
  readonly previous: StoredVersion | null;
  readonly changes: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly changed: readonly { readonly id: string; readonly fields?: readonly string[] }[];
    readonly unchangedCount: number;
  };
  readonly notes: readonly string[];
}

export type UploadPhase = { readonly phase: 'reading' } | { readonly phase: 'uploading'; readonly percent: number } | { readonly phase: 'processing' };

/** The OFAC files by the part of the set they are, from their names; `missing` lists the required ones absent. */
export function ofacParts(files: readonly File[]): { parts: Partial<Record<'sdn' | 'alt' | 'add' | 'comments', File>>; missing: string[] } {
  const byName: Record<string, 'sdn' | 'alt' | 'add' | 'comments'> = { 'sdn.csv': 'sdn', 'alt.csv': 'alt', 'add.csv': 'add', 'sdn_comments.csv': 'comments' };
  const parts: Partial<Record<'sdn' | 'alt' | 'add' | 'comments', File>> = {};
  for (const file of files) {
    const part = byName[file.name.toLowerCase()];
    if (part) parts[part] = file;
  }
  const missing = (['sdn', 'alt', 'add'] as const).filter((p) => !parts[p]).map((p) => `${p}.csv`);
  return { parts, missing };
}

/** Builds the request body: `{format, text}` for one file, `{format: 'ofac', files}` for the SDN set. */
export async function uploadBody(format: ListFormat, files: readonly File[]): Promise<unknown> {
  if (format === 'ofac') {
    const { parts } = ofacParts(files);
    const texts: Record<string, string> = {};
    for (const [part, file] of Object.entries(parts)) texts[part] = await file.text();
    return { format, files: texts };
  }
  return { format, text: await files[0]!.text() };
}

/** POSTs the import, reporting the phases; resolves with the change report or rejects with an ApiError. */
export function sendImport(body: unknown, onPhase: (phase: UploadPhase) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/watchlists/import');
    request.withCredentials = true;
    request.setRequestHeader('content-type', 'application/json');
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onPhase({ phase: 'uploading', percent: Math.round((event.loaded / event.total) * 100) });
    };
    request.upload.onload = () => onPhase({ phase: 'processing' });
    request.onerror = () => reject(new ApiError(0, 'NETWORK', 'the upload did not reach the server'));
    request.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(request.responseText);
      } catch {
        json = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(json as ImportResult);
        return;
      }
      const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(new ApiError(request.status, error?.code ?? `HTTP_${request.status}`, error?.message ?? request.statusText));
    };
    onPhase({ phase: 'uploading', percent: 0 });
    request.send(JSON.stringify(body));
  });
}
