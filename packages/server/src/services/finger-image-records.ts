/**
 * Finger images sent as ISO/IEC 19794-4 records (the image records MOSIP puts in a CBEFF BDB), turned into the
 * engine's grey rasters. The engine reads the record and unpacks uncompressed images itself
 * (`decodeFingerImageRecord`, `fingerImageToGray`); PNG and JPEG images are decoded here with sharp, which the
 * engine, having no runtime dependencies, cannot use. WSQ and JPEG 2000, the compressions MOSIP's registration
 * clients usually choose, have no decoder in Sarhad yet: such a record is refused with a message that says so,
 * rather than read wrongly (the identity platform can send PNG, or templates).
 *
 * Every failure is FINGERPRINT_TEMPLATE_INVALID, naming the finger and what is wrong; nothing is extracted here
 * (the caller extracts in the engine's worker threads).
 */
import sharp, { type OutputInfo } from 'sharp';
import { decodeFingerImageRecord, fingerImageToGray, isEngineError, MAX_IMAGE_SIDE, type FingerImageView, type GrayImage } from '@sarhad/engine';
import { ServerError } from '../errors.js';

/** One finger image of a record, ready for extraction. */
export interface RecordFingerImage {
  /** The record's finger position (0 when it names none). */
  readonly position: number;
  /** The record's quality score 0..100, when it gives one. */
  readonly quality: number | undefined;
  readonly image: GrayImage;
}

function invalid(message: string, cause?: unknown): never {
  throw new ServerError('FINGERPRINT_TEMPLATE_INVALID', message, cause === undefined ? undefined : { cause });
}

/** PNG or JPEG image data to one 8-bit grey channel of the size the record states. */
async function decodeCompressed(view: FingerImageView, what: string): Promise<GrayImage> {
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(view.data, { failOn: 'error', limitInputPixels: MAX_IMAGE_SIDE * MAX_IMAGE_SIDE })
      .toColourspace('b-w')
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    invalid(`${what}: the ${view.compression.toUpperCase()} image data does not decode`, error);
  }
  const { data, info } = decoded;
  if (info.width !== view.width || info.height !== view.height) {
    invalid(`${what}: the record says ${view.width}x${view.height} pixels, its ${view.compression.toUpperCase()} image is ${info.width}x${info.height}`);
  }
  return { width: info.width, height: info.height, dpi: view.dpi, pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/**
 * The finger images of an ISO/IEC 19794-4 record (2005 or 2011), in record order. `what` names the record in
 * messages ("finger 2", "a BDB"). Throws FINGERPRINT_TEMPLATE_INVALID.
 */
export async function fingerImagesOfRecord(bytes: Uint8Array, what: string): Promise<RecordFingerImage[]> {
  let views: readonly FingerImageView[];
  try {
    views = decodeFingerImageRecord(bytes).views;
  } catch (error) {
    if (isEngineError(error)) invalid(`${what}: ${error.message} (${error.code})`, error);
    throw error;
  }
  const images: RecordFingerImage[] = [];
  for (const view of views) {
    const where = `${what}, finger position ${view.position}`;
    let image: GrayImage;
    switch (view.compression) {
      case 'none':
      case 'bit-packed':
        try {
          image = fingerImageToGray(view);
        } catch (error) {
          if (isEngineError(error)) invalid(`${where}: ${error.message} (${error.code})`, error);
          throw error;
        }
        break;
      case 'png':
      case 'jpeg':
        image = await decodeCompressed(view, where);
        break;
      case 'wsq':
      case 'jpeg2000':
        invalid(
          `${where}: ${view.compression === 'wsq' ? 'WSQ' : 'JPEG 2000'} images cannot be read yet; send PNG, JPEG or uncompressed images, or minutiae templates`,
        );
    }
    images.push({ position: view.position, quality: view.quality, image });
  }
  return images;
}
