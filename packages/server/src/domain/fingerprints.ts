/**
 * Fingerprint captures as the API receives them: a finger position (ISO/IEC 19794-2:2005 table 4: 1 right thumb ..
 * 5 right little, 6 left thumb .. 10 left little), a capture time, and either a minutiae template (ISO/IEC
 * 19794-2:2005, ANSI/INCITS 378-2004 or Sarhad's own format, base64) or a raw 8-bit grey raster for the server to
 * extract. Decoding image files (PNG, TIFF, JPEG, WSQ) is the client's job; images are never stored.
 */
import { z } from 'zod';

/** Finger positions, ISO/IEC 19794-2:2005 table 4 (0, "unknown", is not accepted for enrolment). */
export const FINGER_POSITIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const FingerPosition = z.number().int().min(1).max(10);

/** Where a stored template came from. */
export const FINGERPRINT_SOURCES = ['sarhad', 'iso19794-2:2005', 'ansi378-2004', 'raster'] as const;
export type FingerprintSource = (typeof FINGERPRINT_SOURCES)[number];

/** Standard base64 (RFC 4648 section 4), padding optional. */
export const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 (RFC 4648)');

/** An 8-bit grey raster, row-major, dark ridges on a light background. */
export const GreyRaster = z.object({
  width: z.number().int().min(1).max(4096),
  height: z.number().int().min(1).max(4096),
  dpi: z.number().min(250).max(1500),
  pixelsBase64: Base64,
});
export type GreyRaster = z.infer<typeof GreyRaster>;

/** One captured finger: exactly one of `template` and `raster`. */
export const FingerCapture = z
  .object({
    position: FingerPosition,
    template: Base64.max(200_000).optional(),
    raster: GreyRaster.optional(),
    capturedAt: z.iso.datetime(),
  })
  .refine((c) => (c.template === undefined) !== (c.raster === undefined), 'give exactly one of template and raster');
export type FingerCapture = z.infer<typeof FingerCapture>;

/** Up to ten fingers, each position at most once. */
export const FingerCaptures = z
  .array(FingerCapture)
  .min(1)
  .max(10)
  .refine((fingers) => new Set(fingers.map((f) => f.position)).size === fingers.length, 'each finger position at most once');

/** Fewest minutiae a template may have to be enrolled or compared: fewer cannot tell people apart. */
export const MIN_TEMPLATE_MINUTIAE = 10; // minutiae
