/**
 * The engine's only image input: an 8-bit grayscale raster with a known resolution. Decoding files (PNG, TIFF,
 * JPEG) is the caller's job (the CLI and server use sharp), which keeps the engine free of runtime dependencies.
 */
import { EngineError } from '../errors.js';

/** An 8-bit grayscale raster, row-major, dark ridges on a light background, one byte per pixel. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** Scanning resolution in dots per inch. FVC2002 DB2 is 569; most sensors are 500. */
  readonly dpi: number;
  readonly pixels: Uint8Array;
}

/** Resolution every distance constant in the engine assumes. */
export const ENGINE_DPI = 500;

/** Largest side accepted, in pixels at the source resolution (a rolled ten-print slap at 1000 dpi fits). */
export const MAX_IMAGE_SIDE = 4096;

/** Throws ENGINE_IMAGE_INVALID unless `image` is a consistent raster. */
export function assertGrayImage(image: GrayImage): void {
  const { width, height, dpi, pixels } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new EngineError('ENGINE_IMAGE_INVALID', `image size must be positive integers, got ${width}x${height}`);
  }
  if (!Number.isFinite(dpi) || dpi < 250 || dpi > 1500) {
    throw new EngineError('ENGINE_IMAGE_INVALID', `image dpi must be between 250 and 1500, got ${dpi}`);
  }
  if (!(pixels instanceof Uint8Array) || pixels.length !== width * height) {
    throw new EngineError(
      'ENGINE_IMAGE_INVALID',
      `pixel buffer must be a Uint8Array of width*height = ${width * height} bytes, got ${pixels?.length}`,
    );
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new EngineError('ENGINE_IMAGE_TOO_LARGE', `image ${width}x${height} exceeds ${MAX_IMAGE_SIDE} px per side`);
  }
}
