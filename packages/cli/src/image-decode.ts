/**
 * Decodes fingerprint image files (PNG, TIFF, JPEG) into the engine's GrayImage with sharp, so the engine never
 * sees a file format. Colour and 16-bit images become one 8-bit grey channel (sharp's `b-w` colourspace: Rec. 709
 * luminance, 16-bit samples scaled to 8 bits); transparency is flattened onto white, the background colour of
 * a fingerprint capture; EXIF orientation is applied so the print is upright as any viewer shows it.
 *
 * Resolution matters: every engine distance assumes 500 dpi and the extractor resamples from the image's dpi.
 * An explicit `dpi` option wins (the operator knows the sensor; FVC TIFFs carry no resolution tag and FVC2002 DB2
 * is 569 dpi). Otherwise the file's density is used (PNG pHYs, TIFF XResolution, JPEG JFIF/EXIF) when it is a
 * plausible scanning resolution; 72 or 96 dpi are screen defaults written by image tools, not measurements, and
 * count as no density. Then `fallbackDpi` (a set's documented resolution) applies, and without it
 * CLI_DPI_UNKNOWN asks for `--dpi`.
 */
import sharp from 'sharp';
import type { Metadata, OutputInfo, Sharp } from 'sharp';
import type { GrayImage } from '@sarhad/engine';
import { CliError } from './errors.js';

/** Formats this decoder accepts (sharp's `metadata().format` names). */
export const IMAGE_FORMATS = ['png', 'tiff', 'jpeg'] as const;

/**
 * The resolution range a file's own density must fall in to be believed, the range the engine accepts
 * (assertGrayImage in packages/engine/src/image/gray-image.ts): fingerprint sensors are 500 to 1000 dpi.
 */
const MIN_PLAUSIBLE_DPI = 250;
const MAX_PLAUSIBLE_DPI = 1500;

/** Options of {@link decodeImage}. */
export interface DecodeImageOptions {
  /** Scanning resolution in dots per inch; overrides the file's own density when given. */
  readonly dpi?: number;
  /** Resolution for a file that states no plausible density (a set's documented dpi, from datasets.json). */
  readonly fallbackDpi?: number;
  /** Name used in error messages (the path when `input` is a buffer). */
  readonly name?: string;
}

/** Where the decoded image's resolution came from: `dpi`, the file's density, or `fallbackDpi`. */
export type DpiSource = 'option' | 'file' | 'fallback';

/** A decoded image and the origin of its dpi (so reports can say whether the resolution was assumed). */
export interface DecodedImage {
  readonly image: GrayImage;
  readonly dpiSource: DpiSource;
  readonly format: (typeof IMAGE_FORMATS)[number];
}

/**
 * Decodes `input` (a path or the file's bytes) to an 8-bit grey {@link GrayImage}.
 * Throws CLI_IMAGE_UNREADABLE when the bytes are not a PNG, TIFF or JPEG sharp can decode, and CLI_DPI_UNKNOWN
 * when no `dpi` is given and the file has no plausible density. A dpi outside what the engine accepts is left
 * for the engine to refuse (ENGINE_IMAGE_INVALID names the value).
 */
export async function decodeImage(input: string | Uint8Array, options: DecodeImageOptions = {}): Promise<DecodedImage> {
  const name = options.name ?? (typeof input === 'string' ? input : 'image');
  // failOn 'error' rejects truncated or corrupt files instead of decoding a partial, grey-padded raster.
  const source = (): Sharp => sharp(input, { failOn: 'error' });
  let metadata: Metadata;
  try {
    metadata = await source().metadata();
  } catch (error) {
    throw new CliError('CLI_IMAGE_UNREADABLE', `${name}: cannot read the image (${(error as Error).message})`, {
      cause: error,
    });
  }
  const format = IMAGE_FORMATS.find((f) => f === metadata.format);
  if (format === undefined) {
    throw new CliError(
      'CLI_IMAGE_UNREADABLE',
      `${name}: ${metadata.format} images are not accepted (expected ${IMAGE_FORMATS.join(', ')})`,
    );
  }

  let dpi: number;
  let dpiSource: DpiSource;
  if (options.dpi !== undefined) {
    dpi = options.dpi;
    dpiSource = 'option';
  } else if (
    metadata.density !== undefined &&
    metadata.density >= MIN_PLAUSIBLE_DPI &&
    metadata.density <= MAX_PLAUSIBLE_DPI
  ) {
    dpi = metadata.density;
    dpiSource = 'file';
  } else if (options.fallbackDpi !== undefined) {
    dpi = options.fallbackDpi;
    dpiSource = 'fallback';
  } else {
    const found =
      metadata.density === undefined ? 'carries no resolution' : `says ${metadata.density} dpi, a screen default`;
    throw new CliError('CLI_DPI_UNKNOWN', `${name}: the file ${found}; give the scanning resolution with --dpi`);
  }

  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await source()
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new CliError('CLI_IMAGE_UNREADABLE', `${name}: cannot decode the image (${(error as Error).message})`, {
      cause: error,
    });
  }
  const { data, info } = decoded;
  if (info.channels !== 1 || data.length !== info.width * info.height) {
    throw new CliError(
      'CLI_IMAGE_UNREADABLE',
      `${name}: decoding gave ${info.channels} channels and ${data.length} bytes, not one 8-bit grey channel of ${info.width}x${info.height}`,
    );
  }
  // A plain Uint8Array view (not a Buffer) over sharp's output, which nothing else references.
  const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length);
  return { image: { width: info.width, height: info.height, dpi, pixels }, dpiSource, format };
}
