/**
 * The biometrics of an ABIS request: the CBEFF XML behind a `referenceURL`, read into captured fingers.
 *
 * In MOSIP the referenceURL points at the data-share service. Fetching a URL a caller names is a server-side request
 * forgery risk, so Sarhad fetches only URLs under the prefixes an administrator lists in `SARHAD_ABIS_FETCH_ALLOW`,
 * follows no redirects (an allowed host cannot bounce the request inward), stops after
 * `SARHAD_ABIS_FETCH_TIMEOUT_MS` and reads at most {@link MAX_CBEFF_BYTES}. Without a list, only inline
 * `data:` URLs (RFC 2397) are read: the CBEFF travels in the request itself and nothing is fetched.
 * The CBEFF must be plain XML: MOSIP's encrypted data-share payloads need the share policy set to unencrypted for
 * this matcher (TLS protects it in transit).
 *
 * A finger BDB is either a minutiae template (ISO/IEC 19794-2, ANSI/INCITS 378 or Sarhad's own) or, as MOSIP sends
 * them, an ISO/IEC 19794-4 finger image record (2005 or 2011; uncompressed, PNG or JPEG images: finger-image-records.ts),
 * whose images are extracted in the engine's worker threads like a lane's captures.
 *
 * Failures carry MOSIP's reasons: 7 (cannot fetch), 17 (data share expired: HTTP 410 Gone), 16 (not a CBEFF with
 * decodable templates or finger images), 11 (no finger data), 18 (a finger too poor to compare).
 */
import { decodeAnyTemplate, isFingerImageRecord, type ExtractionPool } from '@sarhad/engine';
import { isServerError } from '../errors.js';
import type { Config } from '../config.js';
import { ABIS_FAILURE_REASONS as R, AbisFailure } from '../domain/abis-messages.js';
import { CbeffError, MAX_CBEFF_CHARACTERS, readCbeffFingers } from '../domain/abis-cbeff.js';
import { captureFinger, captureImageAsync, type CapturedFinger } from './fingerprint-capture.js';
import { fingerImagesOfRecord } from './finger-image-records.js';

/** Largest CBEFF document fetched. */
export const MAX_CBEFF_BYTES = MAX_CBEFF_CHARACTERS; // bytes (XML of base64 is ASCII)
/** HTTP status of a data share whose link has expired (RFC 9110 section 15.5.11, Gone). */
const HTTP_GONE = 410;

/** True when `url` lies under one of the allowed prefixes (compared as parsed URLs, so `..` cannot climb out). */
export function isFetchAllowed(url: URL, allowed: readonly string[]): boolean {
  return allowed.some((prefix) => {
    const base = new URL(prefix);
    return url.origin === base.origin && url.pathname.startsWith(base.pathname) && url.username === '' && url.password === '';
  });
}

/** The text of an RFC 2397 `data:` URL. */
function readDataUrl(url: string): string {
  const comma = url.indexOf(',');
  if (comma < 0) throw new AbisFailure(R.UNABLE_TO_FETCH_BIOMETRICS, 'the data: URL has no comma');
  const meta = url.slice('data:'.length, comma);
  const payload = url.slice(comma + 1);
  try {
    return meta.split(';').includes('base64') ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
  } catch (error) {
    throw new AbisFailure(R.UNABLE_TO_FETCH_BIOMETRICS, 'the data: URL does not decode', { cause: error });
  }
}

/** The body of an allowed http(s) URL, within the time and size limits. */
async function fetchText(url: URL, config: Config): Promise<string> {
  const signal = AbortSignal.timeout(config.abis.fetchTimeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', signal, headers: { accept: 'application/xml, text/xml, */*' } });
  } catch (error) {
    throw new AbisFailure(R.UNABLE_TO_FETCH_BIOMETRICS, `fetching ${url.origin}${url.pathname} failed`, { cause: error });
  }
  if (response.status === HTTP_GONE) {
    await response.body?.cancel();
    throw new AbisFailure(R.DATA_SHARE_URL_EXPIRED, `${url.origin}${url.pathname} answered 410: the data share expired`);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new AbisFailure(R.UNABLE_TO_FETCH_BIOMETRICS, `${url.origin}${url.pathname} answered ${response.status}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > MAX_CBEFF_BYTES) {
        await response.body.cancel();
        throw new AbisFailure(R.UNABLE_TO_FETCH_BIOMETRICS, `${url.origin}${url.pathname} sent more than ${MAX_CBEFF_BYTES} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof AbisFailure) throw error;
    throw new AbisFailure(R.UNABLE_TO_FETCH_BIOMETRICS, `reading ${url.origin}${url.pathname} failed`, { cause: error });
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The CBEFF XML behind a referenceURL. Throws AbisFailure 7 or 17. */
export async function loadCbeff(referenceURL: string, config: Config): Promise<string> {
  if (referenceURL.startsWith('data:')) return readDataUrl(referenceURL);
  let url: URL;
  try {
    url = new URL(referenceURL);
  } catch (error) {
    throw new AbisFailure(R.UNABLE_TO_FETCH_BIOMETRICS, 'referenceURL is not a URL', { cause: error });
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !isFetchAllowed(url, config.abis.fetchAllow)) {
    throw new AbisFailure(R.UNABLE_TO_FETCH_BIOMETRICS, `${url.protocol}//${url.host} is not under SARHAD_ABIS_FETCH_ALLOW`);
  }
  return fetchText(url, config);
}

/**
 * The fingers of a CBEFF document, captured as enrolment captures them: templates decoded, finger images extracted
 * (in `extraction`'s workers when given), each re-encoded in Sarhad's format and prepared. A position named twice
 * keeps the better quality. Throws AbisFailure 11, 16 or 18.
 */
export async function fingersOfCbeff(xml: string, capturedAt: string, extraction?: ExtractionPool): Promise<CapturedFinger[]> {
  let birs;
  try {
    birs = readCbeffFingers(xml);
  } catch (error) {
    if (error instanceof CbeffError) {
      throw new AbisFailure(error.reason === 'empty' ? R.CBEFF_HAS_NO_DATA : R.INVALID_CBEFF_FORMAT, error.message, { cause: error });
    }
    throw error;
  }
  // Every BIR is captured at once (images extract concurrently in the workers); a failure is reported for the first
  // failing BIR in document order, whichever finished first.
  type Capture = { readonly captured: CapturedFinger; readonly quality: number | undefined };
  const captures = birs.map(async (bir): Promise<Capture[]> => {
    if (isFingerImageRecord(bir.bdb)) {
      const fingers = await fingerImagesOfRecord(bir.bdb, 'a finger image record');
      return Promise.all(
        fingers.map(async (finger) => {
          const position = bir.position !== 0 ? bir.position : finger.position;
          if (position < 1 || position > 10) {
            throw new AbisFailure(R.INVALID_CBEFF_FORMAT, `a finger image names finger position ${finger.position}, and its BIR's Subtype none`);
          }
          return { captured: await captureImageAsync({ position, capturedAt }, finger.image, extraction), quality: bir.quality ?? finger.quality };
        }),
      );
    }
    const template = Buffer.from(bir.bdb).toString('base64');
    const position = bir.position === 0 ? positionInTemplate(bir.bdb) : bir.position;
    return [{ captured: captureFinger({ position, template, capturedAt }), quality: bir.quality }];
  });
  const byPosition = new Map<number, CapturedFinger>();
  for (const result of await Promise.allSettled(captures)) {
    if (result.status === 'rejected') throw abisFailureOf(result.reason);
    for (const { captured, quality } of result.value) {
      const withQuality = quality === undefined ? captured : { ...captured, quality: Math.round(quality) };
      const earlier = byPosition.get(captured.position);
      if (!earlier || withQuality.quality > earlier.quality) byPosition.set(captured.position, withQuality);
    }
  }
  return [...byPosition.values()].sort((a, b) => a.position - b.position);
}

/** A capture failure as MOSIP's reason: 18 for an unusable finger, 16 for undecodable data; others unchanged. */
function abisFailureOf(error: unknown): unknown {
  if (isServerError(error, 'FINGERPRINT_UNUSABLE')) return new AbisFailure(R.QUALITY_CHECK_FAILED, error.message, { cause: error });
  if (isServerError(error, 'FINGERPRINT_TEMPLATE_INVALID')) return new AbisFailure(R.INVALID_CBEFF_FORMAT, error.message, { cause: error });
  return error;
}

/** For a BIR whose subtype names no finger: the position its template's first view names. Throws AbisFailure 16. */
function positionInTemplate(bdb: Uint8Array): number {
  let position = 0;
  try {
    position = decodeAnyTemplate(bdb).views[0]?.fingerPosition ?? 0;
  } catch (error) {
    throw new AbisFailure(R.INVALID_CBEFF_FORMAT, 'a finger BDB is not a template Sarhad reads', { cause: error });
  }
  if (position < 1 || position > 10) {
    throw new AbisFailure(R.INVALID_CBEFF_FORMAT, 'a finger BIR names no finger position, neither in its Subtype nor in its template');
  }
  return position;
}
