/**
 * Fingerprint captures from what a counter's scanner software leaves behind: a minutiae template file (ISO/IEC
 * 19794-2:2005 or ANSI/INCITS 378-2004, both starting "FMR\0"; or Sarhad's own format) is sent as it is, in base64,
 * and the server reads its format; an image file (PNG, JPEG, BMP, whatever the browser decodes) is turned into the
 * 8-bit grey raster the API takes, since decoding image files is the client's job (the server never stores
 * images). Finger positions follow ISO/IEC 19794-2:2005 table 4.
 */
import type { FingerCapture, ScannedFinger } from '../../api/crossings.js';

/** The two fingers a lane takes by default: right index (2) and left index (7). */
export const DEFAULT_POSITIONS = [2, 7] as const;
export const FINGER_POSITIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
/** Resolution assumed for an image file that does not say: the 500 dpi every scanner of the posts delivers. */
export const DEFAULT_IMAGE_DPI = 500; // dots per inch
/** Largest raster side the API accepts. */
const MAX_RASTER_SIDE = 4096; // px

/** A finger as held in the browser until it is submitted, with a preview where there is an image. */
export interface HeldFinger {
  readonly capture: FingerCapture;
  /** What it came from: a template file, an image file, or the simulated scanner. */
  readonly source: 'template' | 'image' | 'scanner';
  readonly fileName: string | null;
  /** An object URL or data URL of the image, when there is one. */
  readonly preview: string | null;
  readonly quality: number | null;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000; // bytes per String.fromCharCode call, well under the argument limit
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];
const BMP = [0x42, 0x4d];
const GIF = [0x47, 0x49, 0x46];
const WEBP_RIFF = [0x52, 0x49, 0x46, 0x46];

function isImage(bytes: Uint8Array, type: string): boolean {
  return type.startsWith('image/') || [PNG, JPEG, BMP, GIF, WEBP_RIFF].some((p) => startsWith(bytes, p));
}

/** Grey levels of a decoded image (ITU-R BT.601 luma), row-major. */
async function rasterOf(file: Blob, dpi: number): Promise<NonNullable<FingerCapture['raster']>> {
  const bitmap = await createImageBitmap(file);
  try {
    if (bitmap.width > MAX_RASTER_SIDE || bitmap.height > MAX_RASTER_SIDE) {
      throw new CaptureError('too_large', `${bitmap.width}x${bitmap.height}`);
    }
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new CaptureError('unreadable', 'no 2D canvas');
    context.drawImage(bitmap, 0, 0);
    const rgba = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const grey = new Uint8Array(bitmap.width * bitmap.height);
    for (let i = 0, p = 0; i < grey.length; i++, p += 4) {
      grey[i] = Math.round(0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!);
    }
    return { width: bitmap.width, height: bitmap.height, dpi, pixelsBase64: base64(grey) };
  } finally {
    bitmap.close();
  }
}

/** Why a file could not become a capture; `detail` names the file's problem. */
export class CaptureError extends Error {
  readonly kind: 'empty' | 'too_large' | 'unreadable';
  constructor(kind: CaptureError['kind'], detail: string) {
    super(detail);
    this.name = 'CaptureError';
    this.kind = kind;
  }
}

/** A finger from a file the officer picked (or the scanner software dropped). */
export async function fingerFromFile(file: File, position: number, dpi = DEFAULT_IMAGE_DPI): Promise<HeldFinger> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new CaptureError('empty', file.name);
  const capturedAt = new Date(file.lastModified || Date.now()).toISOString();
  if (isImage(bytes, file.type)) {
    let raster: NonNullable<FingerCapture['raster']>;
    try {
      raster = await rasterOf(file, dpi);
    } catch (error) {
      if (error instanceof CaptureError) throw error;
      throw new CaptureError('unreadable', file.name);
    }
    return { capture: { position, capturedAt, raster }, source: 'image', fileName: file.name, preview: URL.createObjectURL(file), quality: null };
  }
  return { capture: { position, capturedAt, template: base64(bytes) }, source: 'template', fileName: file.name, preview: null, quality: null };
}

/** A finger from the simulated scanner of demo mode. */
export function fingerFromScanner(finger: ScannedFinger): HeldFinger {
  return {
    capture: { position: finger.position, capturedAt: new Date().toISOString(), template: finger.template },
    source: 'scanner',
    fileName: null,
    preview: finger.image ? `data:image/png;base64,${finger.image}` : null,
    quality: finger.quality,
  };
}

/** Frees the object URLs of previews no longer shown. */
export function releasePreviews(fingers: Iterable<HeldFinger>): void {
  for (const f of fingers) if (f.preview?.startsWith('blob:')) URL.revokeObjectURL(f.preview);
}
